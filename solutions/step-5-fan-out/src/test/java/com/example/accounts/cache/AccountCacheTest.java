package com.example.accounts.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;

import com.example.accounts.InMemoryCache;
import com.example.accounts.TestCaches;
import com.example.accounts.model.User;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import org.junit.jupiter.api.Test;

/**
 * Read-aside: the cache first, the database on a miss, and never a failure because of the cache;
 * for one item, and for many at once (the fan-out). Write-aside: a write replaces what the cache
 * holds; a fill never does.
 */
class AccountCacheTest {
    /** How readAll's answers are described: a HashMap would lose the order the list is built in. */
    private static final String IN_THE_ORDER_OF_IDS =
            "readAll's answers, in the order of the ids it was given (a LinkedHashMap keeps it)";
    private static final User ALICE = new User("alice", "Alice", "Liddell");
    private static final User BOB = new User("bob", "Bob", "Builder");
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
    void anUnreadableCachedValueLeavesTheDatabaseToAnswerUntilItsTtlEnds() {
        memory.items.put("user#alice", "{not json");

        Optional<User> read = cache.read("user#alice", User.class, database(Optional.of(ALICE)));

        assertThat(read).contains(ALICE);
        assertThat(memory.items).as("a fill never replaces an entry, not even one it cannot read")
                .containsEntry("user#alice", "{not json");
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

    @Test
    void aWriteReplacesACachedNotFound() {
        cache.read("user#alice", User.class, database(Optional.empty()));

        cache.write("user#alice", ALICE);

        assertThat(cache.read("user#alice", User.class, database(Optional.of(ALICE)))).contains(ALICE);
        assertThat(databaseReads).hasValue(1);
    }

    @Test
    void aWriteGivesTheCachesTtl() {
        cache.write("user#alice", ALICE);

        assertThat(memory.ttls.get("user#alice")).as("the TTL write gave its set (PT0S or null: none): AccountCache.write must pass"
                + " the ttl this cache was given, as read's fill does").isEqualTo(TTL);
    }

    @Test
    void aSlowReaderDoesNotOverwriteAConcurrentWrite() {
        // The reader misses and reads the database before alice exists; alice is created and
        // written to the cache; only then does the reader fill the cache with what it saw.
        Optional<User> slowRead = cache.read("user#alice", User.class, () -> {
            cache.write("user#alice", ALICE);
            return Optional.empty();
        });

        assertThat(slowRead).isEmpty();
        assertThat(memory.items.get("user#alice"))
                .as("the cache after a slow reader's fill landed on the write's user: the write must set the user (a set,"
                        + " not a delete) and a fill must not replace it (setIfNotExists), or the reader's old \"not found\""
                        + " hides alice for a whole TTL")
                .isNotEqualTo(AccountCache.NOT_FOUND).contains("Alice");
    }

    @Test
    void aFailedWriteDoesNotFailTheCaller() {
        memory.failEverything();
        CacheClient throwing = mock(CacheClient.class, call -> {
            throw new IllegalStateException("the client was closed");
        });
        AccountCache throwingCache = new AccountCache(() -> throwing, TestCaches.CACHE_NAME, TTL);

        cache.write("user#alice", ALICE);
        assertThatCode(() -> throwingCache.write("user#alice", ALICE)).as("a write through a client that throws"
                + " (rather than answering an error): the database's write is done, and the caller must not fail")
                .doesNotThrowAnyException();
    }

    @Test
    void aWriteWithoutAClientDoesNotFailTheCaller() {
        AccountCache unreachable = new AccountCache(() -> {
            throw new IllegalStateException("Secrets Manager timed out");
        }, TestCaches.CACHE_NAME, TTL);

        assertThatCode(() -> unreachable.write("user#alice", ALICE)).doesNotThrowAnyException();
    }

    @Test
    void aWriteReturnsOnlyOnceItIsStored() {
        // As a read's fill: a write still on its way when the handler returns may never be sent.
        memory.storeEachWriteAfter(Duration.ofMillis(200));

        cache.write("user#alice", ALICE);

        assertThat(memory.delayedWrites).as("sets sent to the cache by one write of alice").hasSize(1);
        assertThat(memory.delayedWrites.get(0).isDone()).as("write returned before the cache stored it: wait for the set (join)")
                .isTrue();
    }

    @Test
    void readAllAnswersHitsFromTheCacheAndOnlyMissesFromTheDatabase() {
        cache.write("user#alice", ALICE);

        Map<String, Optional<User>> users = cache.readAll(List.of("alice", "bob", "ghost"), id -> "user#" + id, User.class,
                databaseOf(Map.of("bob", BOB)));

        assertThat(users).as(IN_THE_ORDER_OF_IDS).containsExactly(
                entry("alice", Optional.of(ALICE)), entry("bob", Optional.of(BOB)), entry("ghost", Optional.empty()));
        assertThat(memory.hits).as("cache hits: alice's, one get (a key's get sent twice counts twice)").hasValue(1);
        assertThat(memory.misses).as("cache misses: bob's and ghost's, one get each (a key's get sent twice counts twice)")
                .hasValue(2);
        assertThat(databaseReads).as("database reads: one per miss").hasValue(2);
        assertThat(memory.items).containsKey("user#bob").containsEntry("user#ghost", AccountCache.NOT_FOUND);
        assertThat(memory.ttls).as("the TTL each set gave (PT0S or null: none)").containsEntry("user#bob", TTL);
    }

    @Test
    void readAllDoesNotOverwriteAConcurrentWrite() {
        // As for one read: a miss reads the database before alice exists; alice is created and
        // written to the cache; only then is the miss filled with what the database said.
        Map<String, Optional<User>> slowRead = cache.readAll(List.of("alice"), id -> "user#" + id, User.class, id -> {
            cache.write("user#alice", ALICE);
            return Optional.empty();
        });

        assertThat(slowRead).containsExactly(entry("alice", Optional.empty()));
        assertThat(memory.items.get("user#alice"))
                .as("the cache after the fan-out's fill landed on the write's user: the write must set the user (a set,"
                        + " not a delete) and a fill must not replace it (setIfNotExists), or the reader's old \"not found\""
                        + " hides alice for a whole TTL")
                .isNotEqualTo(AccountCache.NOT_FOUND).contains("Alice");
    }

    @Test
    void aSecondReadAllIsAllHits() {
        cache.readAll(List.of("alice", "bob"), id -> "user#" + id, User.class, databaseOf(Map.of("alice", ALICE, "bob", BOB)));

        Map<String, Optional<User>> again = cache.readAll(List.of("alice", "bob"), id -> "user#" + id, User.class,
                databaseOf(Map.of("alice", ALICE, "bob", BOB)));

        assertThat(again).as(IN_THE_ORDER_OF_IDS).containsExactly(entry("alice", Optional.of(ALICE)), entry("bob", Optional.of(BOB)));
        assertThat(memory.hits).as("the second readAll's hits, one get per user (a key's get sent twice counts twice)").hasValue(2);
        assertThat(databaseReads).as("database reads: the first readAll's two misses, none since").hasValue(2);
    }

    @Test
    void readAllSendsEveryGetBeforeWaitingForAny() {
        // A cache that answers only once all three gets have been sent. A reader that waited for
        // one answer before sending the next get would wait in vain: after 5 s that get fails,
        // counts as a miss and goes to the database.
        CompletableFuture<Void> allSent = new CompletableFuture<Void>().orTimeout(5, TimeUnit.SECONDS);
        AtomicInteger sent = new AtomicInteger();
        Set<String> threadsThatSentAGet = ConcurrentHashMap.newKeySet();
        CacheClient client = answering(key -> {
            threadsThatSentAGet.add(Thread.currentThread().getName());
            if (sent.incrementAndGet() == 3) {
                allSent.complete(null);
            }
            return allSent.thenApply(ignored -> hit("{\"username\":\"x\",\"firstName\":\"X\",\"lastName\":\"Y\"}"));
        }, this::storedAsMomentoDoes);
        AccountCache fanOut = new AccountCache(() -> client, TestCaches.CACHE_NAME, TTL);

        Map<String, Optional<User>> users = answered("readAll, with the three gets sent before any is awaited", () ->
                fanOut.readAll(List.of("a", "b", "c"), id -> "user#" + id, User.class, databaseOf(Map.of())));

        assertThat(users).as("the three users, each a hit only if all three gets were sent before any answer was"
                        + " awaited (a get awaited before the next is sent waits 5 s in vain, then reads the database)")
                .hasSize(3).allSatisfy((id, user) -> assertThat(user).isPresent());
        assertThat(databaseReads).as("every get was a hit").hasValue(0);
        threadsThatSentAGet.remove(Thread.currentThread().getName());
        assertThat(threadsThatSentAGet).as("threads other than the caller's that sent a get: none. The SDK's calls are"
                + " asynchronous, so readAll needs no threads of its own (a parallel stream or an executor sends gets from its"
                + " threads): send every get from the thread that called readAll, then wait").isEmpty();
    }

    @Test
    void readAllSendsEveryFillBeforeWaitingForAny() {
        // Three misses, and a cache that stores a fill only once all three have been sent. A
        // reader that waited for each fill before the next would see the first one fail after 5 s.
        CompletableFuture<Void> allSent = new CompletableFuture<Void>().orTimeout(5, TimeUnit.SECONDS);
        AtomicInteger sent = new AtomicInteger();
        CacheClient client = answering(key -> CompletableFuture.completedFuture(new GetResponse.Miss()), (key, value) -> {
            if (sent.incrementAndGet() == 3) {
                allSent.complete(null);
            }
            return allSent.thenApply(ignored -> stored(key, value));
        });
        AccountCache fanOut = new AccountCache(() -> client, TestCaches.CACHE_NAME, TTL);

        Map<String, Optional<User>> users = answered("readAll, with the three fills sent before any is awaited", () ->
                fanOut.readAll(List.of("alice", "bob", "ghost"), id -> "user#" + id, User.class,
                        databaseOf(Map.of("alice", ALICE, "bob", BOB))));

        assertThat(users).as(IN_THE_ORDER_OF_IDS).containsExactly(entry("alice", Optional.of(ALICE)), entry("bob", Optional.of(BOB)),
                entry("ghost", Optional.empty()));
        // A plain boolean: a failed future's description is its TimeoutException's stack trace.
        assertThat(allSent.isDone() && !allSent.isCompletedExceptionally()).as("the three fills, sent before any was awaited,"
                + " and awaited before readAll returned: send every fill, keep its future, and join them all after the loop"
                + " (a fill joined inside the loop waits 5 s in vain for the others; and each fill is a setIfNotExists)").isTrue();
    }

    @Test
    void readAllAnswersOnlyOnceItsFillsAreStored() {
        memory.storeEachWriteAfter(Duration.ofMillis(200));

        Map<String, Optional<User>> users = cache.readAll(List.of("alice", "bob"), id -> "user#" + id, User.class,
                databaseOf(Map.of("alice", ALICE, "bob", BOB)));

        assertThat(users).containsOnlyKeys("alice", "bob");
        assertThat(memory.delayedWrites).as("cache writes the misses sent").hasSize(2);
        assertThat(memory.delayedWrites.stream().allMatch(CompletableFuture::isDone))
                .as("readAll answered before its fills were stored: wait for them first").isTrue();
    }

    @Test
    void aFailedDatabaseReadInReadAllStillWaitsForTheFillsSentBeforeIt() {
        memory.storeEachWriteAfter(Duration.ofMillis(200));
        Function<String, Optional<User>> bobsReadFails = username -> {
            if (username.equals("bob")) {
                throw new IllegalStateException("DynamoDB throttled (injected)");
            }
            return Optional.of(ALICE);
        };

        Throwable failure = catchThrowable(() -> cache.readAll(List.of("alice", "bob"), id -> "user#" + id, User.class,
                bobsReadFails));
        assertThat(failure).as("the database's failure, which must go up as the error it is: answered as \"not found\", bob"
                + " would be listed without his names, and cached so, read as 404 for a whole TTL").hasMessageContaining("injected");
        assertThat(memory.delayedWrites).as("alice's fill, sent before bob's read failed").hasSize(1);
        assertThat(memory.delayedWrites.get(0)).as("readAll gave up before alice's fill was stored: wait for the fills in a finally"
                + " (Lambda may freeze the environment as soon as the error answer is out)").isDone();
    }

    @Test
    void readAllWithAFailingCacheAsksTheDatabaseForEachItem() {
        memory.failEverything();

        Map<String, Optional<User>> users = cache.readAll(List.of("alice", "bob"), id -> "user#" + id, User.class,
                databaseOf(Map.of("alice", ALICE, "bob", BOB)));

        assertThat(users).as(IN_THE_ORDER_OF_IDS).containsExactly(entry("alice", Optional.of(ALICE)), entry("bob", Optional.of(BOB)));
        assertThat(databaseReads).hasValue(2);
    }

    @Test
    void readAllWithoutAClientAsksTheDatabaseForEachItem() {
        AccountCache unreachable = new AccountCache(() -> {
            throw new IllegalStateException("Secrets Manager timed out");
        }, TestCaches.CACHE_NAME, TTL);

        Map<String, Optional<User>> users = unreachable.readAll(List.of("alice", "ghost"), id -> "user#" + id, User.class,
                databaseOf(Map.of("alice", ALICE)));

        assertThat(users).as(IN_THE_ORDER_OF_IDS).containsExactly(entry("alice", Optional.of(ALICE)), entry("ghost", Optional.empty()));
        assertThat(databaseReads).as("database reads: one per id (without a client, answer from the database and return:"
                + " going on to the cache's part reads each again)").hasValue(2);
    }

    @Test
    void readAllSurvivesAGetThatThrowsInsteadOfAnswering() {
        CacheClient client = answering(key -> {
            throw new IllegalStateException("client closed");
        }, this::storedAsMomentoDoes);
        AccountCache broken = new AccountCache(() -> client, TestCaches.CACHE_NAME, TTL);

        Map<String, Optional<User>> users = broken.readAll(List.of("alice"), id -> "user#" + id, User.class,
                databaseOf(Map.of("alice", ALICE)));

        assertThat(users).as(IN_THE_ORDER_OF_IDS).containsExactly(entry("alice", Optional.of(ALICE)));
    }

    /**
     * What {@code call} answers; if it throws (a get or a fill awaited before the next was sent
     * fails after 5 s in these tests), a failure that says so instead of the bare exception.
     */
    private static <T> T answered(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new AssertionError(what + ", threw " + e + ". An await before every call is sent waits 5 s in vain"
                    + " here, then fails; and a failed get must count as a miss, not fail readAll", e);
        }
    }

    /** A database holding {@code users}, counting its reads. */
    private Function<String, Optional<User>> databaseOf(Map<String, User> users) {
        return username -> {
            databaseReads.incrementAndGet();
            return Optional.ofNullable(users.get(username));
        };
    }

    /**
     * A client whose gets answer with {@code gets} and whose setIfNotExists calls answer with
     * {@code fills}, in every form the SDK has (a String or byte[] key and value, with or without a
     * TTL), and whose other calls answer as the in-memory cache does: nothing else, such as the fill
     * after a failed get, meets an unstubbed call's null.
     */
    private CacheClient answering(Function<String, CompletableFuture<GetResponse>> gets,
                                  BiFunction<String, String, CompletableFuture<SetIfNotExistsResponse>> fills) {
        CacheClient momento = memory.client().get();
        return mock(CacheClient.class, call -> switch (call.getMethod().getName()) {
            case "get" -> gets.apply(InMemoryCache.text(call.getArgument(1)));
            case "setIfNotExists" -> fills.apply(InMemoryCache.text(call.getArgument(1)), InMemoryCache.text(call.getArgument(2)));
            default -> delegatesTo(momento).answer(call);
        });
    }

    /** The in-memory cache's answer to a setIfNotExists (the tests above care only about the gets). */
    private CompletableFuture<SetIfNotExistsResponse> storedAsMomentoDoes(String key, String value) {
        return memory.client().get().setIfNotExists(TestCaches.CACHE_NAME, key, value, TTL);
    }

    private static GetResponse hit(String value) {
        return new GetResponse.Hit(ByteString.copyFromUtf8(value)); // the SDK's own: every accessor answers
    }

    /** Momento's answer to a setIfNotExists that stored the item. */
    private static SetIfNotExistsResponse stored(String key, String value) {
        return new SetIfNotExistsResponse.Stored(ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value));
    }
}
