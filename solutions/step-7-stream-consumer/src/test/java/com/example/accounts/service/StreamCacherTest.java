package com.example.accounts.service;

import static com.example.accounts.service.StreamCacher.Outcome.IGNORED;
import static com.example.accounts.service.StreamCacher.Outcome.REFRESHED;
import static com.example.accounts.service.StreamCacher.Outcome.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.example.accounts.InMemoryCache;
import com.example.accounts.TestCaches;
import com.example.accounts.cache.AccountCache;
import com.example.accounts.cache.CacheKeys;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What each change of the table does to the cache, told by its outcome (the handler sees only the
 * exceptions). Items as the handler hands them over: the string attributes, PK and SK included.
 */
class StreamCacherTest {
    private static final String NOT_FOUND_AS_STORED = TestCaches.notFoundAsStored();

    /** The read path's keys, built as the service builds them (the key format is CacheKeys' own). */
    private static final String BOB_IN_ACME_KEY = CacheKeys.membership("acme", "bob");
    private static final String ACME_KEY = CacheKeys.organization("acme");
    private static final String ALICE_KEY = CacheKeys.user("alice");

    private static final Map<String, String> ALICE = Map.of("PK", "USER#alice", "SK", "USER#alice",
            "username", "alice", "firstName", "Alice", "lastName", "Liddell");
    private static final Map<String, String> ACME = Map.of("PK", "ORG#acme", "SK", "ORG#acme",
            "organizationName", "acme", "foundingUser", "alice");
    private static final Map<String, String> BOB_IN_ACME = Map.of("PK", "ORGMEMBERS#acme", "SK", "MEMBER#bob",
            "organizationName", "acme", "memberUsername", "bob", "role", "Admin");

    private final InMemoryCache memory = new InMemoryCache();
    private final StreamCacher cacher = new StreamCacher(TestCaches.accountCache(memory));

    @Test
    void aWrittenUserOrganizationOrMembershipIsRefreshed() {
        memory.items.put(BOB_IN_ACME_KEY, "{\"organizationName\":\"acme\",\"memberUsername\":\"bob\",\"role\":\"Member\"}");

        assertThat(cacher.itemWritten(ALICE)).isEqualTo(REFRESHED);
        assertThat(cacher.itemWritten(ACME)).isEqualTo(REFRESHED);
        assertThat(cacher.itemWritten(BOB_IN_ACME)).isEqualTo(REFRESHED);

        assertThat(memory.items).containsOnlyKeys(ALICE_KEY, ACME_KEY, BOB_IN_ACME_KEY);
        assertThat(TestCaches.accountCache(memory).read(BOB_IN_ACME_KEY, Membership.class, Optional::empty))
                .as("bob's membership, as the read path decodes it").contains(new Membership("acme", "bob", Role.ADMIN));
    }

    @Test
    void aRemovedItemIsCachedAsNotFound() {
        memory.items.put(BOB_IN_ACME_KEY, "{}");

        assertThat(cacher.itemRemoved(Map.of("PK", "ORGMEMBERS#acme", "SK", "MEMBER#bob"))).isEqualTo(REMOVED);

        assertThat(memory.items).as("the cache after the REMOVE: the entry holds \"not found\" (replaceWithNotFound), it is"
                + " not deleted: a read that missed before could then fill it with the removed item")
                .containsOnly(entry(BOB_IN_ACME_KEY, NOT_FOUND_AS_STORED));
    }

    @Test
    void aSlowReaderCannotBringBackARemovedMembership() {
        AccountCache reads = TestCaches.accountCache(memory);

        // A read misses and asks the table, which still has bob as an Admin. Before its fill
        // arrives, the membership is deleted and the stream cacher applies the REMOVE.
        Optional<Membership> slowRead = reads.read(BOB_IN_ACME_KEY, Membership.class, () -> {
            cacher.itemRemoved(Map.of("PK", "ORGMEMBERS#acme", "SK", "MEMBER#bob"));
            return Optional.of(new Membership("acme", "bob", Role.ADMIN));
        });

        assertThat(slowRead).isPresent(); // what the table said when it was read
        assertThat(memory.items).as("the late fill stored nothing").containsEntry(BOB_IN_ACME_KEY, NOT_FOUND_AS_STORED);
        assertThat(reads.read(BOB_IN_ACME_KEY, Membership.class, () -> Optional.of(new Membership("acme", "bob", Role.ADMIN))))
                .as("the next read, from the cache").isEmpty();
    }

    @Test
    void anIncompleteItemIsRemovedRatherThanCached() {
        memory.items.put(ALICE_KEY, "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}");

        assertThat(cacher.itemWritten(Map.of("PK", "USER#alice", "SK", "USER#alice", "username", "alice",
                "firstName", "Alicia"))).isEqualTo(REMOVED);

        assertThat(memory.items).isEmpty();
    }

    @Test
    void anItemOfAnotherKindIsIgnored() {
        Map<String, String> audit = Map.of("PK", "AUDIT#2026-11-23", "SK", "EVENT#1", "what", "login");
        memory.items.put(ALICE_KEY, "{}");

        assertThat(cacher.itemWritten(audit)).isEqualTo(IGNORED);
        assertThat(cacher.itemRemoved(audit)).isEqualTo(IGNORED);

        assertThat(memory.items).containsOnlyKeys(ALICE_KEY);
    }

    @Test
    void anotherItemUnderAUsersOrOrganizationsKeyIsIgnored() {
        // Another writer's item in the user's or the organization's partition (preferences, say): not the user, nor the
        // organization. Taken for them, its write would drop alice's entry as incomplete, and its delete cache her as
        // "not found" while she exists.
        Map<String, String> prefs = Map.of("PK", "USER#alice", "SK", "PREFS", "theme", "dark");
        Map<String, String> audit = Map.of("PK", "ORG#acme", "SK", "AUDIT#1", "what", "renamed");
        memory.items.put(ALICE_KEY, "{\"username\":\"alice\"}");
        memory.items.put(ACME_KEY, "{\"organizationName\":\"acme\"}");

        for (Map<String, String> item : List.of(prefs, audit)) {
            assertThat(cacher.itemWritten(item)).as("the write of %s: cacheKey must match PK and SK both (the user's item has"
                    + " SK = PK)", item).isEqualTo(IGNORED);
            assertThat(cacher.itemRemoved(item)).as("the delete of %s: cacheKey must match PK and SK both", item).isEqualTo(IGNORED);
        }

        assertThat(memory.items).containsOnly(entry(ALICE_KEY, "{\"username\":\"alice\"}"),
                entry(ACME_KEY, "{\"organizationName\":\"acme\"}"));
    }

    @Test
    void aCacheFailureIsThrownSoTheChangeIsRetried() {
        memory.failEverything();

        assertThatThrownBy(() -> cacher.itemWritten(ALICE), "a written user, with the cache failing: replace must throw")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> cacher.itemRemoved(ACME), "a removed organization, with the cache failing:"
                + " replaceWithNotFound must throw").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> cacher.itemWritten(Map.of("PK", "USER#alice", "SK", "USER#alice", "username", "alice")),
                "an incomplete user, with the cache failing: itemWritten must remove its entry, and remove must throw").isInstanceOf(RuntimeException.class);
    }
}
