package com.example.accounts.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import com.example.accounts.InMemoryCache;
import com.example.accounts.TestCaches;
import com.example.accounts.model.User;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
import org.junit.jupiter.api.Test;

/** Read-aside: the cache first, the database on a miss, and never a failure because of the cache. */
class AccountCacheTest {
    private static final User ALICE = new User("alice", "Alice", "Liddell");
    /** Not the service's 60 s: each set must state the TTL this cache was given. */
    private static final Duration TTL = Duration.ofSeconds(30);

    private final InMemoryCache memory = new InMemoryCache();
    private final AccountCache cache = new AccountCache(memory.client(), TestCaches.CACHE_NAME, TTL);
    private final AtomicInteger databaseReads = new AtomicInteger();

    private Supplier<Optional<User>> database(Optional<User> answer) {
        return () -> {
            databaseReads.incrementAndGet();
            return answer;
        };
    }

    @Test
    void aMissAsksTheDatabaseAndCachesTheAnswerWithATtl() {
        Optional<User> read = cache.read("user#alice", User.class, database(Optional.of(ALICE)));

        assertThat(read).contains(ALICE);
        assertThat(databaseReads).hasValue(1);
        assertThat(memory.items).containsKey("user#alice");
        assertThat(memory.ttls).as("the TTL each set gave (PT0S or null: none)").containsEntry("user#alice", TTL);
    }

    @Test
    void aHitDoesNotAskTheDatabase() {
        cache.read("user#alice", User.class, database(Optional.of(ALICE)));

        Optional<User> again = cache.read("user#alice", User.class, database(Optional.of(ALICE)));

        assertThat(again).contains(ALICE);
        assertThat(databaseReads).as("database reads for two reads of alice: the second must be answered from the cache")
                .hasValue(1);
        assertThat(memory.hits).hasValue(1);
    }

    @Test
    void notFoundIsCachedToo() {
        cache.read("user#ghost", User.class, database(Optional.empty()));

        Optional<User> again = cache.read("user#ghost", User.class, database(Optional.empty()));

        assertThat(again).isEmpty();
        assertThat(databaseReads).as("database reads for two reads of ghost, who does not exist: the first must cache"
                + " \"not found\" (NOT_FOUND), and the second answer empty from it").hasValue(1);
        assertThat(memory.items).containsEntry("user#ghost", AccountCache.NOT_FOUND);
        assertThat(memory.ttls).as("the TTL \"not found\" was cached with: the same as an item's (guide 03 keeps every answer,"
                + " \"not found\" included, for the one TTL the cache was given)").containsEntry("user#ghost", TTL);
    }

    @Test
    void aFailingCacheLeavesTheDatabaseToAnswer() {
        memory.failEverything();

        assertThat(cache.read("user#alice", User.class, database(Optional.of(ALICE)))).contains(ALICE);
        assertThat(cache.read("user#alice", User.class, database(Optional.of(ALICE)))).contains(ALICE);
        assertThat(databaseReads).hasValue(2);
    }

    @Test
    void aCacheCallThatThrowsLeavesTheDatabaseToAnswer() {
        CacheClient throwing = mock(CacheClient.class, call -> {
            throw new IllegalStateException("the client was closed");
        });
        AccountCache throwingCache = new AccountCache(() -> throwing, TestCaches.CACHE_NAME, TTL);

        Optional<User> read;
        try {
            read = throwingCache.read("user#alice", User.class, database(Optional.of(ALICE)));
        } catch (RuntimeException e) {
            throw new AssertionError("read let the cache client's exception out (" + e.getMessage() + "): catch it,"
                    + " log it, and ask the database", e);
        }
        assertThat(read).contains(ALICE);
        assertThat(databaseReads).hasValue(1);
    }

    @Test
    void aClientThatCannotBeCreatedLeavesTheDatabaseToAnswer() {
        AccountCache unreachable = new AccountCache(() -> {
            throw new IllegalStateException("Secrets Manager timed out");
        }, TestCaches.CACHE_NAME, TTL);

        assertThat(unreachable.read("user#alice", User.class, database(Optional.of(ALICE)))).contains(ALICE);
        assertThat(databaseReads).as("database reads for one read without a client: read must return the database's"
                + " answer at once, not go on to a cache get that fails and asks the database again").hasValue(1);
    }

    @Test
    void anUnreadableCachedValueLeavesTheDatabaseToAnswerAndIsReplaced() {
        memory.items.put("user#alice", "{not json");

        Optional<User> read = cache.read("user#alice", User.class, database(Optional.of(ALICE)));

        assertThat(read).contains(ALICE);
        assertThat(cache.read("user#alice", User.class, database(Optional.of(ALICE)))).contains(ALICE);
        assertThat(databaseReads).as("database reads: the fill must replace the unreadable entry, so that the second"
                + " read is a hit").hasValue(1);
    }

    @Test
    void aReadAnswersOnlyOnceItsFillIsStored() {
        // A fill still on its way when the handler returns may never be sent: Lambda can freeze
        // the environment as soon as the answer is out. Here every write is stored 200 ms after it
        // was sent; a read that did not wait for its fill would answer before that.
        memory.storeEachWriteAfter(Duration.ofMillis(200));

        Optional<User> read = cache.read("user#alice", User.class, database(Optional.of(ALICE)));

        assertThat(read).contains(ALICE);
        assertThat(memory.delayedWrites).as("cache writes a miss sent").hasSize(1);
        assertThat(memory.delayedWrites.get(0).isDone()).as("read answered before its fill was stored: wait for it (join)")
                .isTrue();
    }

    @Test
    void aFailingDatabaseIsAskedOnceAndItsFailureReachesTheCaller() {
        // Only the cache's failures are the cache's to handle: DynamoDB's is the request's (a 500).
        IllegalStateException dynamoDbDown = new IllegalStateException("DynamoDB is down (injected)");
        Supplier<Optional<User>> failingDatabase = () -> {
            databaseReads.incrementAndGet();
            throw dynamoDbDown;
        };

        Throwable thrown = catchThrowable(() -> cache.read("user#alice", User.class, failingDatabase));
        assertThat(thrown).as("what cache.read threw while DynamoDB failed: DynamoDB's own error must reach the caller (the"
                + " handler answers 500), not be caught and read as \"not found\"").isSameAs(dynamoDbDown);
        assertThat(databaseReads).as("database reads: the failed one was asked again, as if the cache had failed;"
                + " a try around the cache's calls only, not the database's").hasValue(1);
    }
}
