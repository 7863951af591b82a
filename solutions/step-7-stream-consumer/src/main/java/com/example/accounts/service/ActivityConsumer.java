package com.example.accounts.service;

import com.example.accounts.cache.AccountCache;
import com.example.accounts.cache.CacheKeys;
import com.example.accounts.model.ActivityEvent;
import com.example.accounts.model.EnrichedActivity;
import com.example.accounts.model.Organization;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.repository.ActivityRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records each account activity event with the user's names and the organization's founder.
 *
 * <p>Both lookups are read-aside, with the same cache, keys and code ({@link AccountCache#read})
 * as the API's reads: Momento first, DynamoDB on a miss, and the answer cached for the next
 * lookup. A stream of activity names the same users and organizations again and again, so once
 * the consumer is warm most lookups are cache hits, and DynamoDB is read for a name only when
 * its entry is missing: at its first lookup, and again each time the entry expires (the TTL).
 *
 * <p>A user or an organization that does not exist is not an error: the event is recorded
 * without its details ({@code userFound} / {@code organizationFound} false). A retry could
 * not make it succeed, and a record that fails every time would hold up its shard.
 */
public class ActivityConsumer {
    /**
     * What consuming one event did.
     *
     * @param duplicate    an earlier delivery had recorded the event already
     * @param fromCache    lookups the cache answered
     * @param fromDatabase lookups DynamoDB answered (cache misses, or the cache was down)
     */
    public record Outcome(boolean duplicate, int fromCache, int fromDatabase) {
    }

    private final AccountRepository accounts;
    private final ActivityRepository activities;
    private final AccountCache cache;

    public ActivityConsumer(AccountRepository accounts, ActivityRepository activities, AccountCache cache) {
        this.accounts = accounts;
        this.activities = activities;
        this.cache = cache;
    }

    /**
     * Looks up the event's user and organization, and records the enriched event once.
     *
     * @throws RuntimeException when DynamoDB fails, so the record is retried (a failing cache
     *                          does not throw: DynamoDB answers instead)
     */
    public Outcome consume(ActivityEvent event) {
        Lookups lookups = new Lookups();
        Optional<User> user = cache.read(CacheKeys.user(event.username()), User.class,
                lookups.counted(() -> accounts.findUser(event.username())));
        Optional<Organization> organization = cache.read(CacheKeys.organization(event.organization()), Organization.class,
                lookups.counted(() -> accounts.findOrganization(event.organization())));

        EnrichedActivity activity = new EnrichedActivity(event, user.orElse(null), organization.orElse(null), Instant.now());
        boolean written = activities.writeOnce(activity);
        return new Outcome(!written, lookups.count - lookups.fromDatabase, lookups.fromDatabase);
    }

    /**
     * Counts lookups, and how many of them DynamoDB answered. {@link AccountCache#read} calls its
     * database supplier only when the cache has no answer, so counting the supplier's calls counts
     * the misses, without changing the cache.
     */
    private static final class Lookups {
        private int count;
        private int fromDatabase;

        <T> Supplier<Optional<T>> counted(Supplier<Optional<T>> database) {
            count++;
            return () -> {
                fromDatabase++;
                return database.get();
            };
        }
    }
}
