package com.example.accounts.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.example.accounts.InMemoryCache;
import com.example.accounts.TestCaches;
import com.example.accounts.cache.AccountCache;
import com.example.accounts.cache.CacheKeys;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import com.example.accounts.service.StreamCacher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import momento.sdk.CacheClient;
import momento.sdk.exceptions.ServerUnavailableException;
import momento.sdk.responses.cache.SetResponse;
import org.junit.jupiter.api.Test;

/**
 * The stream cacher: each change of the table, as DynamoDB Streams delivers it, refreshes or
 * deletes the cache entry that the service's cached reads use.
 */
class StreamCacherHandlerTest {
    private static final String NOT_FOUND_AS_STORED = TestCaches.notFoundAsStored();

    /** The read path's keys, built as the service builds them (the key format is CacheKeys' own). */
    private static final String BOB_IN_ACME_KEY = CacheKeys.membership("acme", "bob");
    private static final String ACME_KEY = CacheKeys.organization("acme");
    private static final String ALICE_KEY = CacheKeys.user("alice");
    private static final String CAROL_KEY = CacheKeys.user("carol");

    private final InMemoryCache memory = new InMemoryCache();
    private final StreamCacherHandler handler = new StreamCacherHandler(new StreamCacher(TestCaches.accountCache(memory)));
    /** The service's read path over the same cache, with a database that must not be asked. */
    private final AccountRepository database = mock(AccountRepository.class);
    private final AccountService reads = new AccountService(database, TestCaches.accountCache(memory));
    private int sequence;

    @Test
    void anInsertedUserIsCachedAsTheReadPathReadsIt() {
        StreamsEventResponse response = handle(insert(user("alice", "Alice", "Liddell")));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(memory.items).as("the cache after alice's INSERT: the stream cacher caches an INSERT's new image, as it"
                + " does a MODIFY's").containsKey(ALICE_KEY);
        assertThat(memory.ttls).as("the TTL of alice's entry: the stream cacher sets with the cache's TTL, as the read path"
                + " does (AccountCache.replace gives each set the TTL the cache was built with: Clients.CACHE_TTL, 60 s"
                + " since step 2)").containsEntry(ALICE_KEY, Duration.ofSeconds(60));
        assertThat(reads.getUser("alice")).isEqualTo(new User("alice", "Alice", "Liddell"));
        verifyNoInteractions(database);
    }

    @Test
    void aModifiedUserReplacesTheCachedOne() {
        memory.items.put(ALICE_KEY, "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}");

        handle(modify(user("alice", "Alice", "Liddell"), user("alice", "Alicia", "Liddell")));

        assertThat(reads.getUser("alice").firstName()).isEqualTo("Alicia");
        verifyNoInteractions(database);
    }

    @Test
    void insertedAndModifiedOrganizationsAndMembershipsAreCached() {
        handle(insert(organization("acme", "alice")),
                insert(membership("acme", "alice", "Owner")),
                insert(membership("acme", "bob", "Member")),
                modify(membership("acme", "bob", "Member"), membership("acme", "bob", "Admin")));

        assertThat(reads.getOrganization("acme")).isEqualTo(new Organization("acme", "alice"));
        assertThat(reads.getMembership("acme", "alice")).isEqualTo(new Membership("acme", "alice", Role.OWNER));
        assertThat(reads.getMembership("acme", "bob")).as("bob's membership after its INSERT (Member), then its MODIFY"
                + " (Admin): the records are applied in the batch's order, a MODIFY from its new image")
                .isEqualTo(new Membership("acme", "bob", Role.ADMIN));
        assertThat(memory.ttls).as("the TTLs of the entries: the stream cacher sets with the cache's TTL, as the read path"
                + " does: Clients.CACHE_TTL, 60 s since step 2").containsEntry(ACME_KEY, Duration.ofSeconds(60))
                .containsEntry(BOB_IN_ACME_KEY, Duration.ofSeconds(60));
        verifyNoInteractions(database);
    }

    @Test
    void aRemovedItemOfEachKindIsCachedAsNotFound() {
        memory.items.put(ALICE_KEY, "{}");
        memory.items.put(ACME_KEY, "{}");
        memory.items.put(BOB_IN_ACME_KEY, "{}");
        memory.items.put(CAROL_KEY, "{}");

        StreamsEventResponse response = handle(remove(user("alice", "Alice", "Liddell")),
                remove(organization("acme", "alice")),
                remove(membership("acme", "bob", "Member")));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(memory.items).containsOnly(entry(ALICE_KEY, NOT_FOUND_AS_STORED), entry(ACME_KEY, NOT_FOUND_AS_STORED),
                entry(BOB_IN_ACME_KEY, NOT_FOUND_AS_STORED), entry(CAROL_KEY, "{}"));
        assertThat(memory.ttls).as("the TTL of a cached \"not found\": Clients.CACHE_TTL, 60 s since step 2")
                .containsEntry(BOB_IN_ACME_KEY, Duration.ofSeconds(60));
    }

    @Test
    void anItemOfAnUnknownKindIsIgnored() {
        Map<String, AttributeValue> audit = Map.of("PK", s("AUDIT#2026-11-23"), "SK", s("EVENT#1"), "what", s("login"));

        StreamsEventResponse response = handle(insert(audit), remove(audit));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(memory.items).isEmpty();
    }

    @Test
    void anIncompleteItemIsRemovedRatherThanCached() {
        memory.items.put(ALICE_KEY, "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}");
        memory.items.put(ACME_KEY, "{\"organizationName\":\"acme\",\"foundingUser\":\"alice\"}");
        memory.items.put(BOB_IN_ACME_KEY, "{\"organizationName\":\"acme\",\"memberUsername\":\"bob\",\"role\":\"Member\"}");
        // Each lacks one attribute the read path needs, or holds a role it does not know.
        Map<String, AttributeValue> withoutLastName = without(user("alice", "Alice", "Liddell"), "lastName");
        Map<String, AttributeValue> withoutFounder = without(organization("acme", "alice"), "foundingUser");
        Map<String, AttributeValue> unknownRole = new HashMap<>(membership("acme", "bob", "Member"));
        unknownRole.put("role", s("Viewer"));

        StreamsEventResponse response = handle(modify(user("alice", "Alice", "Liddell"), withoutLastName),
                modify(organization("acme", "alice"), withoutFounder),
                modify(membership("acme", "bob", "Member"), unknownRole));

        assertThat(memory.items).doesNotContainKeys(ALICE_KEY, ACME_KEY, BOB_IN_ACME_KEY);
        assertThat(response.getBatchItemFailures()).as("nothing to retry: the database answers for these items").isEmpty();
    }

    @Test
    void aFailingCacheWriteIsReportedWithItsSequenceNumber() {
        memory.failEverything();
        DynamodbStreamRecord first = insert(user("alice", "Alice", "Liddell"));
        DynamodbStreamRecord second = insert(user("bob", "Bob", "Builder"));

        StreamsEventResponse response = handle(first, second);

        // Lambda retries from the lowest sequence number reported, so the records after the failed one come
        // again too: report the failed record, and the ones after it if you like, never one applied before it.
        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .as("the batch item failures: the record whose cache write failed, by its sequence number (AccountCache's"
                        + " set must throw, and handleRequest report the record it failed on)")
                .contains(first.getDynamodb().getSequenceNumber())
                .isSubsetOf(first.getDynamodb().getSequenceNumber(), second.getDynamodb().getSequenceNumber());
    }

    /**
     * A shard's records are applied in order: the batch stops at the first that fails, and Lambda
     * retries from it. Going on past it would cache the records after it first, then, on the
     * retry, the failed one and those after it again: an item could read new, old, then new.
     */
    @Test
    void aBatchStopsAtItsFirstFailedRecord() {
        CacheClient momento = memory.client().get();
        AtomicInteger sets = new AtomicInteger();
        CacheClient failingItsSecondSet = mock(CacheClient.class, call ->
                call.getMethod().getName().equals("set") && sets.incrementAndGet() == 2
                        ? CompletableFuture.completedFuture(new SetResponse.Error(
                                new ServerUnavailableException(new RuntimeException("injected"), null)))
                        : delegatesTo(momento).answer(call));
        StreamCacherHandler stopping = new StreamCacherHandler(new StreamCacher(
                new AccountCache(() -> failingItsSecondSet, TestCaches.CACHE_NAME, Duration.ofSeconds(60))));
        DynamodbStreamRecord applied = insert(user("bob", "Bob", "Builder"));
        DynamodbStreamRecord failed = insert(user("alice", "Alice", "Liddell"));
        DynamodbStreamRecord after = insert(user("carol", "Carol", "Danvers"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(List.of(applied, failed, after)));

        StreamsEventResponse response = handleOrSayWhy(stopping, event);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .as("the batch item failures: the record whose cache write failed (the batch's second), by its sequence"
                        + " number, not the batch's first, which was applied: report the record the batch stopped at")
                .contains(failed.getDynamodb().getSequenceNumber())
                .doesNotContain(applied.getDynamodb().getSequenceNumber());
        assertThat(memory.items).as("the record after the failed one, applied: the batch must stop at its first failure"
                + " (return its sequence number there), or the cache takes the records out of order").doesNotContainKey(CAROL_KEY);
    }

    @Test
    void aRemovalTheCacheFailsToApplyIsReported() {
        handle(insert(user("alice", "Alice", "Liddell")));
        DynamodbStreamRecord removed = remove(user("alice", "Alice", "Liddell"));
        memory.failEverything();

        StreamsEventResponse response = handle(removed);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .as("the batch item failures: the removal whose cached \"not found\" could not be set (AccountCache's"
                        + " replaceWithNotFound must throw)")
                .containsExactly(removed.getDynamodb().getSequenceNumber());
    }

    private StreamsEventResponse handle(DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(List.of(records)));
        return handleOrSayWhy(handler, event);
    }

    /** Lambda's logger writes to the function's log, standard output here (looked up at each call: a test may capture it). */
    private static final LambdaLogger STANDARD_OUTPUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    /** A Lambda context as the runtime hands one, with a logger and time left: a handler may use either. */
    private static Context aContext() {
        Context context = mock(Context.class);
        when(context.getLogger()).thenReturn(STANDARD_OUTPUT);
        when(context.getRemainingTimeInMillis()).thenReturn(60_000);
        return context;
    }

    /** The handler's answer; an exception it let out fails the test with what it must do instead. */
    private static StreamsEventResponse handleOrSayWhy(StreamCacherHandler handler, DynamodbEvent event) {
        try {
            return handler.handleRequest(event, aContext());
        } catch (RuntimeException e) {
            throw new AssertionError("handleRequest let an exception out: it must catch a record's failure and report its"
                    + " sequence number in batchItemFailures (an exception makes Lambda retry the whole batch, the records"
                    + " applied before it too); it threw " + e, e);
        }
    }

    private DynamodbStreamRecord insert(Map<String, AttributeValue> item) {
        return record("INSERT", item, null, item);
    }

    private DynamodbStreamRecord modify(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        return record("MODIFY", after, before, after);
    }

    private DynamodbStreamRecord remove(Map<String, AttributeValue> item) {
        return record("REMOVE", null, item, item);
    }

    private DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> newImage,
                                        Map<String, AttributeValue> oldImage, Map<String, AttributeValue> item) {
        StreamRecord change = new StreamRecord();
        change.setKeys(Map.of("PK", item.get("PK"), "SK", item.get("SK")));
        change.setNewImage(newImage);
        change.setOldImage(oldImage);
        change.setSequenceNumber(String.format("%021d", ++sequence));
        change.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(change);
        return record;
    }

    private static Map<String, AttributeValue> user(String username, String firstName, String lastName) {
        return Map.of("PK", s("USER#" + username), "SK", s("USER#" + username),
                "username", s(username), "firstName", s(firstName), "lastName", s(lastName));
    }

    private static Map<String, AttributeValue> organization(String name, String founder) {
        return Map.of("PK", s("ORG#" + name), "SK", s("ORG#" + name),
                "organizationName", s(name), "foundingUser", s(founder));
    }

    private static Map<String, AttributeValue> membership(String organization, String username, String role) {
        return Map.of("PK", s("ORGMEMBERS#" + organization), "SK", s("MEMBER#" + username),
                "organizationName", s(organization), "memberUsername", s(username), "role", s(role));
    }

    private static Map<String, AttributeValue> without(Map<String, AttributeValue> item, String attribute) {
        Map<String, AttributeValue> less = new HashMap<>(item);
        less.remove(attribute);
        return less;
    }

    private static AttributeValue s(String text) {
        return new AttributeValue().withS(text);
    }
}
