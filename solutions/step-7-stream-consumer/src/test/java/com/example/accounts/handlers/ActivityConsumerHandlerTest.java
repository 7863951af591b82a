package com.example.accounts.handlers;

import static com.example.accounts.KinesisEvents.activity;
import static com.example.accounts.KinesisEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.example.accounts.InMemoryCache;
import com.example.accounts.KinesisEvents;
import com.example.accounts.LocalDynamoDb;
import com.example.accounts.TestCaches;
import com.example.accounts.cache.AccountCache;
import com.example.accounts.handlers.ActivityConsumerHandler.BatchSummary;
import com.example.accounts.model.ActivityEvent;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.repository.ActivityRepository;
import com.example.accounts.service.AccountService;
import com.example.accounts.service.ActivityConsumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The activity consumer, over DynamoDB Local and an in-memory cache: each event of the Kinesis
 * stream is recorded once, with the user and the organization read through the cache.
 */
class ActivityConsumerHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryCache memory = new InMemoryCache();
    private final String accountsTable = LocalDynamoDb.createAccountsTable();
    private final String activityTable = LocalDynamoDb.createActivityTable();
    private final AccountRepository accounts = new AccountRepository(LocalDynamoDb.client(), accountsTable);
    private final ActivityConsumerHandler handler = handler(new ActivityRepository(LocalDynamoDb.client(), activityTable));

    @BeforeEach
    void aliceFoundsAcmeCorpAndBobSignsUp() {
        AccountService api = new AccountService(accounts, TestCaches.accountCache(memory));
        api.createUser(new User("alice", "Alice", "Liddell"));
        api.createUser(new User("bob", "Bob", "Builder"));
        api.createOrganization("acme-corp", "alice");
        memory.items.clear(); // start cold: write-aside has already cached what was just created
    }

    @Test
    void anEventIsRecordedWithTheUserAndTheOrganization() {
        Instant before = Instant.now();

        StreamsEventResponse response = handler.handleRequest(batch(activity("e-1", "bob", "acme-corp", "viewed-dashboard")), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = item("e-1");
        assertThat(item).containsOnlyKeys("eventId", "username", "organization", "action", "occurredAt",
                "userFound", "firstName", "lastName", "organizationFound", "foundingUser", "enrichedAt");
        assertThat(item).containsAllEntriesOf(Map.of(
                "eventId", s("e-1"),
                "username", s("bob"),
                "organization", s("acme-corp"),
                "action", s("viewed-dashboard"),
                "occurredAt", s(KinesisEvents.OCCURRED_AT),
                "userFound", AttributeValue.fromBool(true),
                "firstName", s("Bob"),
                "lastName", s("Builder"),
                "organizationFound", AttributeValue.fromBool(true),
                "foundingUser", s("alice")));
        assertThat(Instant.parse(item.get("enrichedAt").s())).isBetween(before, Instant.now());
    }

    @Test
    void anOrganizationIsLookedUpByItsSlugAsInTheApi() {
        handler.handleRequest(batch(activity("e-1", "alice", "Acme Corp", "renamed-project")), null);

        assertThat(item("e-1")).containsEntry("organization", s("acme-corp"))
                .containsEntry("foundingUser", s("alice"));
    }

    @Test
    void theFirstLookupOfEachNameMissesAndTheRestAreCacheHits() {
        BatchSummary first = handler.process(events(10, "first-").getRecords());

        // alice, bob and acme-corp: one miss each, then 17 hits out of 20 lookups.
        assertThat(first).isEqualTo(new BatchSummary(10, 0, 0, 17, 3, null));
        assertThat(memory.misses).as("the cache's own count").hasValue(3);
        assertThat(first.logLine()).isEqualTo(
                "Enriched 10 activity events (0 duplicates, 0 malformed): 17 of 20 lookups from the cache, 3 from DynamoDB (85 % hits)");

        BatchSummary warm = handler.process(events(10, "second-").getRecords());

        assertThat(warm).isEqualTo(new BatchSummary(10, 0, 0, 20, 0, null));
        assertThat(LocalDynamoDb.itemCount(activityTable)).isEqualTo(20);
    }

    @Test
    void anUnknownUserOrOrganizationIsRecordedAsNotFoundAndNotRetried() {
        KinesisEvent event = batch(
                activity("e-1", "ghost", "acme-corp", "viewed-dashboard"),
                activity("e-2", "alice", "nowhere", "viewed-dashboard"),
                activity("e-3", "ghost", "acme-corp", "logged-out"));

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(item("e-1")).containsEntry("userFound", AttributeValue.fromBool(false))
                .doesNotContainKeys("firstName", "lastName")
                .containsEntry("organizationFound", AttributeValue.fromBool(true))
                .containsEntry("foundingUser", s("alice"));
        assertThat(item("e-2")).containsEntry("userFound", AttributeValue.fromBool(true))
                .containsEntry("firstName", s("Alice"))
                .containsEntry("organizationFound", AttributeValue.fromBool(false))
                .doesNotContainKey("foundingUser");
        // "not found" is cached too: the same batch again finds all six lookups in the cache, the ghosts' included.
        BatchSummary again = handler.process(event.getRecords());
        assertThat(List.of(again.fromCache(), again.fromDatabase())).as("the same batch again: lookups from the cache, from"
                + " DynamoDB").containsExactly(6, 0);
    }

    @ParameterizedTest
    @MethodSource("malformedRecords")
    void aMalformedRecordIsSkippedAndTheRestOfTheBatchRecorded(String data) {
        KinesisEventRecord malformed = KinesisEvents.record("alice", data);
        KinesisEventRecord valid = activity("e-1", "alice", "acme-corp", "viewed-dashboard");

        StreamsEventResponse response = handler.handleRequest(batch(malformed, valid), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(handler.process(List.of(malformed))).isEqualTo(new BatchSummary(0, 0, 1, 0, 0, null));
        assertThat(LocalDynamoDb.itemCount(activityTable)).isEqualTo(1);
        assertThat(item("e-1")).containsEntry("username", s("alice"));
    }

    static Stream<String> malformedRecords() {
        return Stream.of(
                "not JSON",
                "",
                "[\"alice\"]",
                "{}",
                withField("eventId", null),
                withField("username", ""),
                withField("username", "   "),
                withField("username", 42),
                withField("username", "alice smith"),
                withField("username", "a".repeat(65)),
                withField("organization", "#acme"),
                withField("action", null),
                withField("action", "x".repeat(ActivityEvent.MAX_TEXT_LENGTH + 1)),
                withField("eventId", "e".repeat(ActivityEvent.MAX_TEXT_LENGTH + 1)),
                withField("occurredAt", "yesterday"),
                withField("occurredAt", List.of("2026-11-23T10:15:30Z")));
    }

    @Test
    void aRecordWithoutDataIsMalformed() {
        KinesisEventRecord empty = KinesisEvents.record("alice", "");
        empty.getKinesis().setData(null);

        assertThat(handler.process(List.of(empty))).isEqualTo(new BatchSummary(0, 0, 1, 0, 0, null));
    }

    @Test
    void aSecondDeliveryOfTheSameBatchRecordsEachEventOnce() {
        KinesisEvent event = batch(
                activity("e-1", "alice", "acme-corp", "viewed-dashboard"),
                activity("e-2", "bob", "acme-corp", "viewed-dashboard"),
                activity("e-3", "alice", "acme-corp", "logged-out"));
        handler.handleRequest(event, null);
        Map<String, Map<String, AttributeValue>> recorded = items();
        // Between the deliveries, an admin script renames alice, behind the cache's back.
        LocalDynamoDb.client().putItem(put -> put.tableName(accountsTable).item(Map.of(
                "PK", s("USER#alice"), "SK", s("USER#alice"),
                "username", s("alice"), "firstName", s("Alicia"), "lastName", s("Liddell"))));
        memory.items.clear();

        StreamsEventResponse again = handler.handleRequest(event, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(handler.process(event.getRecords()).duplicates()).as("duplicates the third delivery found: each event is"
                + " recorded already, so PutItem's condition (attribute_not_exists on the table's key, eventId) refuses it")
                .isEqualTo(3);
        assertThat(LocalDynamoDb.itemCount(activityTable)).isEqualTo(3);
        assertThat(items()).as("the first delivery's items, unchanged").isEqualTo(recorded);
        assertThat(items().get("e-1")).containsEntry("firstName", s("Alice"));
    }

    @Test
    void aDynamoDbFailureStopsTheBatchAtThatRecordAndLambdaRetriesFromIt() {
        ActivityRepository failing = spy(new ActivityRepository(LocalDynamoDb.client(), activityTable));
        doThrow(DynamoDbException.builder().statusCode(500).message("injected").build())
                .when(failing).writeOnce(argThat(activity -> activity.event().eventId().equals("e-2")));
        KinesisEventRecord first = activity("e-1", "alice", "acme-corp", "viewed-dashboard");
        KinesisEventRecord second = activity("e-2", "bob", "acme-corp", "viewed-dashboard");
        KinesisEventRecord third = activity("e-3", "alice", "acme-corp", "logged-out");

        StreamsEventResponse response = handler(failing).handleRequest(batch(first, second, third), null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(second.getKinesis().getSequenceNumber());
        assertThat(items()).containsOnlyKeys("e-1");

        // Lambda delivers the batch again from the failed record; DynamoDB answers this time.
        StreamsEventResponse retry = handler.handleRequest(batch(second, third), null);

        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(items()).containsOnlyKeys("e-1", "e-2", "e-3");
    }

    @Test
    void onlyAnEventAlreadyRecordedIsADuplicateAnyOtherRefusalIsRetried() {
        // DynamoDB refuses the write for another reason (here: no such table): the record must come again.
        ActivityConsumerHandler noTable = handler(new ActivityRepository(LocalDynamoDb.client(), "no-such-table"));
        KinesisEventRecord record = activity("e-1", "bob", "acme-corp", "viewed-dashboard");

        StreamsEventResponse response = noTable.handleRequest(batch(record), null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(record.getKinesis().getSequenceNumber());
    }

    @Test
    void aFailingCacheDoesNotFailTheRecordDynamoDbAnswers() {
        memory.failEverything();

        StreamsEventResponse response = handler.handleRequest(batch(
                activity("e-1", "alice", "acme-corp", "viewed-dashboard"),
                activity("e-2", "alice", "acme-corp", "logged-out")), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(item("e-2")).containsEntry("firstName", s("Alice")).containsEntry("foundingUser", s("alice"));
    }

    @Test
    void withoutACacheClientEveryLookupIsADatabaseRead() {
        AccountCache unreachable = new AccountCache(() -> {
            throw new IllegalStateException("Secrets Manager unreachable (injected)");
        }, TestCaches.CACHE_NAME, Duration.ofSeconds(60));
        ActivityConsumerHandler noCache = new ActivityConsumerHandler(new ActivityConsumer(accounts,
                new ActivityRepository(LocalDynamoDb.client(), activityTable), unreachable));

        BatchSummary summary = noCache.process(List.of(
                activity("e-1", "alice", "acme-corp", "viewed-dashboard"),
                activity("e-2", "alice", "acme-corp", "logged-out")));

        assertThat(summary).isEqualTo(new BatchSummary(2, 0, 0, 0, 4, null));
        assertThat(item("e-2")).containsEntry("lastName", s("Liddell"));
    }

    @Test
    void theLogLineSaysHowManyLookupsTheCacheAnswered() {
        assertThat(new BatchSummary(100, 0, 0, 194, 6, null).logLine()).isEqualTo(
                "Enriched 100 activity events (0 duplicates, 0 malformed): 194 of 200 lookups from the cache, 6 from DynamoDB (97 % hits)");
        assertThat(new BatchSummary(98, 5, 2, 195, 1, null).logLine()).isEqualTo(
                "Enriched 98 activity events (5 duplicates, 2 malformed): 195 of 196 lookups from the cache, 1 from DynamoDB (99 % hits)");
        assertThat(new BatchSummary(100, 0, 0, 199, 1, null).logLine()).as("a batch with a miss never shows 100 %")
                .endsWith("199 of 200 lookups from the cache, 1 from DynamoDB (99 % hits)");
        assertThat(new BatchSummary(0, 0, 3, 0, 0, null).logLine()).isEqualTo(
                "Enriched 0 activity events (0 duplicates, 3 malformed): 0 of 0 lookups from the cache, 0 from DynamoDB (0 % hits)");
    }

    @Test
    void eachBatchLogsItsSummaryOnce() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(events(3, "logged-"), null);
        } finally {
            System.setOut(stdout);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("lookups from the cache")))
                .singleElement().asString().endsWith("ActivityConsumerHandler - Enriched 3 activity events (0 duplicates, 0 malformed): "
                        + "3 of 6 lookups from the cache, 3 from DynamoDB (50 % hits)");
    }

    private ActivityConsumerHandler handler(ActivityRepository activities) {
        return new ActivityConsumerHandler(new ActivityConsumer(accounts, activities, TestCaches.accountCache(memory)));
    }

    /** Events of alice and bob, in turns, all in acme-corp. */
    private static KinesisEvent events(int count, String eventIdPrefix) {
        return batch(Stream.iterate(0, i -> i + 1).limit(count)
                .map(i -> activity(eventIdPrefix + i, i % 2 == 0 ? "alice" : "bob", "acme-corp", "viewed-page-" + i))
                .toList());
    }

    /** A valid event's JSON with one field changed (null: removed). */
    private static String withField(String field, Object value) {
        ObjectNode event = JSON.createObjectNode()
                .put("eventId", "e-bad")
                .put("username", "alice")
                .put("organization", "acme-corp")
                .put("action", "viewed-dashboard")
                .put("occurredAt", KinesisEvents.OCCURRED_AT);
        if (value == null) {
            event.remove(field);
        } else {
            event.set(field, JSON.valueToTree(value));
        }
        return event.toString();
    }

    private Map<String, AttributeValue> item(String eventId) {
        return LocalDynamoDb.client().getItem(get -> get.tableName(activityTable)
                .key(Map.of("eventId", s(eventId)))
                .consistentRead(true)).item();
    }

    /** Every item of the activity table, by eventId. */
    private Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        LocalDynamoDb.client().scan(scan -> scan.tableName(activityTable).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("eventId").s(), item));
        return items;
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }
}
