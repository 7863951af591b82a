package com.example.accounts.handlers;

import static com.example.accounts.KinesisEvents.activity;
import static com.example.accounts.KinesisEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The activity consumer, over DynamoDB Local and an in-memory cache: each event of the Kinesis
 * stream is recorded once, with the user and the organization read through the cache.
 */
class ActivityConsumerHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A number in a log line: 12, or 99.4 as one number (not 99 and 4). */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** A part of a log line between commas, semicolons and brackets: one number and what it counts, as a rule. */
    private static final Pattern CLAUSE = Pattern.compile("[^,;()]+");
    private static final Pattern CACHE_WORD = Pattern.compile("(?i)cache|hit");
    private static final Pattern A_WORD = Pattern.compile("\\p{L}{2,}");
    /** A percentage: 96 %, 99.4%, or 99,4 % (String.format's decimal comma in some languages). */
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%");

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

    /** A Lambda context with the whole timeout still ahead; and the same for {@code process}. */
    private static final Context TIME_TO_SPARE = contextWith(10_000);
    private static final LongSupplier NO_DEADLINE = () -> 10_000;

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

        StreamsEventResponse response = handler.handleRequest(batch(activity("e-1", "bob", "acme-corp", "viewed-dashboard")), TIME_TO_SPARE);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> item = item("e-1");
        assertThat(item).as("the enriched record's attributes (more of one's own, such as a TTL attribute, may come too)")
                .containsKeys("eventId", "username", "organization", "action", "occurredAt",
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
        handler.handleRequest(batch(activity("e-1", "alice", "Acme Corp", "renamed-project")), TIME_TO_SPARE);

        assertThat(item("e-1")).containsEntry("organization", s("acme-corp"))
                .containsEntry("foundingUser", s("alice"));
    }

    @Test
    void theFirstLookupOfEachNameMissesAndTheRestAreCacheHits() {
        int hitsBefore = memory.hits.get();

        BatchSummary first = handler.process(events(10, "first-").getRecords(), NO_DEADLINE);

        // alice, bob and acme-corp: one miss each, then 17 hits out of 20 lookups.
        assertThat(first).as("the batch's summary: each name's first lookup reads DynamoDB, the 17 others come from the"
                + " cache (fewer from the cache: a lookup that does not go through cache.read)")
                .isEqualTo(new BatchSummary(10, 0, 0, 17, 3, null));
        assertThat(List.of(memory.misses.get(), memory.hits.get() - hitsBefore))
                .as("the cache's own count of its misses and hits during the batch").containsExactly(3, 17);

        BatchSummary warm = handler.process(events(10, "second-").getRecords(), NO_DEADLINE);

        assertThat(warm).isEqualTo(new BatchSummary(10, 0, 0, 20, 0, null));
        assertThat(LocalDynamoDb.itemCount(activityTable)).isEqualTo(20);
    }

    @Test
    void anUnknownUserOrOrganizationIsRecordedAsNotFoundAndNotRetried() {
        List<KinesisEventRecord> records = List.of(
                activity("e-1", "ghost", "acme-corp", "viewed-dashboard"),
                activity("e-2", "alice", "nowhere", "viewed-dashboard"),
                activity("e-3", "ghost", "acme-corp", "logged-out"));

        StreamsEventResponse response = handler.handleRequest(delivery(records), TIME_TO_SPARE);

        assertThat(response.getBatchItemFailures()).as("the batch item failures: none. An unknown user or organization is"
                + " recorded as not found, not retried (a retry would find it missing again, forever)").isEmpty();
        assertThat(item("e-1")).containsEntry("userFound", AttributeValue.fromBool(false))
                .doesNotContainKeys("firstName", "lastName")
                .containsEntry("organizationFound", AttributeValue.fromBool(true))
                .containsEntry("foundingUser", s("alice"));
        assertThat(item("e-2")).containsEntry("userFound", AttributeValue.fromBool(true))
                .containsEntry("firstName", s("Alice"))
                .containsEntry("organizationFound", AttributeValue.fromBool(false))
                .doesNotContainKey("foundingUser");
        // "not found" is cached too: the same batch again finds all six lookups in the cache, the ghosts' included.
        BatchSummary again = handler.process(delivery(records).getRecords(), NO_DEADLINE);
        assertThat(List.of(again.fromCache(), again.fromDatabase())).as("the same batch again: lookups from the cache, from"
                + " DynamoDB; a \"not found\" is cached too, and a lookup of a known name that reads DynamoDB again does not go"
                + " through the cache (see theFirstLookupOfEachNameMissesAndTheRestAreCacheHits)").containsExactly(6, 0);
    }

    @ParameterizedTest
    @MethodSource("malformedRecords")
    void aMalformedRecordIsSkippedAndTheRestOfTheBatchRecorded(String data) {
        KinesisEventRecord malformed = KinesisEvents.record("alice", data);
        KinesisEventRecord valid = activity("e-1", "alice", "acme-corp", "viewed-dashboard");

        StreamsEventResponse response = handler.handleRequest(delivery(List.of(malformed, valid)), TIME_TO_SPARE);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(handler.process(delivery(List.of(malformed)).getRecords(), NO_DEADLINE)).isEqualTo(new BatchSummary(0, 0, 1, 0, 0, null));
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

        assertThat(handler.process(List.of(empty), NO_DEADLINE)).isEqualTo(new BatchSummary(0, 0, 1, 0, 0, null));
    }

    @Test
    void aSecondDeliveryOfTheSameBatchRecordsEachEventOnce() {
        List<KinesisEventRecord> records = List.of(
                activity("e-1", "alice", "acme-corp", "viewed-dashboard"),
                activity("e-2", "bob", "acme-corp", "viewed-dashboard"),
                activity("e-3", "alice", "acme-corp", "logged-out"));
        handler.handleRequest(delivery(records), TIME_TO_SPARE);
        Map<String, Map<String, AttributeValue>> recorded = items();
        // Between the deliveries, an admin script renames alice, behind the cache's back.
        LocalDynamoDb.client().putItem(put -> put.tableName(accountsTable).item(Map.of(
                "PK", s("USER#alice"), "SK", s("USER#alice"),
                "username", s("alice"), "firstName", s("Alicia"), "lastName", s("Liddell"))));
        memory.items.clear();

        // Lambda delivers the same records again (same sequence numbers, same data), in a new event.
        StreamsEventResponse again = handler.handleRequest(delivery(records), TIME_TO_SPARE);

        assertThat(again.getBatchItemFailures()).as("records the second delivery reported failed: none. Each event is"
                + " recorded already, so its PutItem's condition refuses it, and that refusal is a duplicate, counted, not a"
                + " failure (ActivityRepository.writeOnce)").isEmpty();
        assertThat(handler.process(delivery(records).getRecords(), NO_DEADLINE).duplicates()).as("duplicates the third delivery found: each event is"
                + " recorded already, so PutItem's condition (attribute_not_exists on the table's key, eventId) refuses it")
                .isEqualTo(3);
        assertThat(LocalDynamoDb.itemCount(activityTable)).isEqualTo(3);
        assertThat(items()).as("the first delivery's items, unchanged").isEqualTo(recorded);
        assertThat(items().get("e-1")).containsEntry("firstName", s("Alice"));
    }

    /**
     * Two deliveries of one event at the same time (Lambda retrying a batch while a timed-out invocation
     * still writes): the other delivery's write lands just before this one's. Only the write's own
     * condition can see it; a read before the write saw no item a moment earlier.
     */
    @Test
    void aDeliveryWhoseEventAnotherJustRecordedIsADuplicateAndKeepsTheOthersItem() {
        Map<String, AttributeValue> recordedByTheOther = Map.of("eventId", s("e-1"), "username", s("bob"),
                "organization", s("acme-corp"), "action", s("viewed-dashboard"), "firstName", s("Robert"));
        DynamoDbClient racing = anotherDeliveryWritesJustBeforeTheFirstWrite(LocalDynamoDb.client(), activityTable, recordedByTheOther);

        BatchSummary summary = handler(new ActivityRepository(racing, activityTable))
                .process(List.of(activity("e-1", "bob", "acme-corp", "viewed-dashboard")), NO_DEADLINE);

        assertThat(item("e-1")).as("the item of the delivery that wrote first: a write that replaced it was not"
                + " conditional (a read first, then a plain PutItem, lets both deliveries write: the condition"
                + " attribute_not_exists(eventId) on the PutItem itself decides, in ActivityRepository.writeOnce)")
                .isEqualTo(recordedByTheOther);
        assertThat(summary.duplicates()).as("duplicates: the event was recorded already when this delivery wrote").isEqualTo(1);
    }

    /** The real client, but the first write of any kind is preceded by another delivery's PutItem of {@code item}. */
    private static DynamoDbClient anotherDeliveryWritesJustBeforeTheFirstWrite(DynamoDbClient real, String table,
                                                                              Map<String, AttributeValue> item) {
        Set<String> writes = Set.of("putItem", "updateItem", "transactWriteItems", "batchWriteItem");
        java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
        return (DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (writes.contains(method.getName()) && !written.getAndSet(true)) {
                        real.putItem(put -> put.tableName(table).item(item));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void nearTheTimeoutTheBatchStopsSoWhatItDidStaysDoneAndLambdaResumesAtTheNextRecord() {
        KinesisEvent records = events(4, "late-");
        // The function's time runs down 4 s with each event recorded: 12 s left at first, 8 after late-0, 4 after late-1.
        LongSupplier timeLeft = () -> 12_000 - 4_000L * items().size();

        BatchSummary summary = handler.process(records.getRecords(), timeLeft);

        assertThat(items()).as("the events recorded before the time ran short (process must ask for the time left before"
                + " EACH record, not once before the loop, and stop when it runs short)").containsOnlyKeys("late-0", "late-1");
        assertThat(eventOf(records, summary.retryFrom())).as("the record left for the next delivery, in retryFrom: late-2,"
                + " the first not started (a break without it drops the rest of the batch as done)").isEqualTo("late-2");

        StreamsEventResponse next = handler.handleRequest(delivery(records.getRecords().subList(2, 4)), TIME_TO_SPARE);

        assertThat(next.getBatchItemFailures()).isEmpty();
        assertThat(items()).containsOnlyKeys("late-0", "late-1", "late-2", "late-3");
    }

    @Test
    void aDeliveryWithLittleTimeLeftStillRecordsOneEventAndAsksTheContext() {
        KinesisEvent records = events(3, "short-");

        // 1 s left from the start: less than a record may take (5 s with Momento silent).
        StreamsEventResponse response = handler.handleRequest(records, contextWith(1_000));

        Set<String> recorded = items().keySet();
        assertThat(recorded).as(() -> recorded.isEmpty()
                ? "no event recorded: every delivery must make progress (skip the time check before the first record)"
                : "events recorded with 1 s left: one only (handleRequest must hand process the Context's"
                        + " getRemainingTimeInMillis)").containsOnly("short-0");
        // Lambda retries from the lowest sequence number reported: short-1's (short-2 may be reported too).
        assertThat(response.getBatchItemFailures()).extracting(failure -> eventOf(records, failure.getItemIdentifier()))
                .as("the batch item failures: short-1, left for the next delivery (and short-2, if you like)")
                .contains("short-1").isSubsetOf("short-1", "short-2");
    }

    @Test
    void handleRequestAsksTheContextBeforeEachRecord() {
        KinesisEvent records = events(4, "ticking-");
        Context context = contextWith(0);
        // 12 s left at first, 4 s less with each event recorded: 8 s after ticking-0, 4 s after ticking-1.
        when(context.getRemainingTimeInMillis()).thenAnswer(call -> 12_000 - 4_000 * items().size());

        StreamsEventResponse response = handler.handleRequest(records, context);

        assertThat(items()).as("the events recorded while the function's time ran down: handleRequest must let process"
                + " ask the Context before EACH record (context::getRemainingTimeInMillis), not hand it a time read once")
                .containsOnlyKeys("ticking-0", "ticking-1");
        assertThat(response.getBatchItemFailures()).extracting(failure -> eventOf(records, failure.getItemIdentifier()))
                .contains("ticking-2").isSubsetOf("ticking-2", "ticking-3");
    }

    /** The event id of the record with this sequence number; null for none. */
    private static String eventOf(KinesisEvent records, String sequenceNumber) {
        return records.getRecords().stream().filter(record -> record.getKinesis().getSequenceNumber().equals(sequenceNumber))
                .map(record -> StandardCharsets.UTF_8.decode(record.getKinesis().getData().duplicate()).toString())
                .map(json -> json.replaceFirst("(?s).*\"eventId\"\\s*:\\s*\"([^\"]*)\".*", "$1")).findFirst().orElse(null);
    }

    @Test
    void aDynamoDbFailureStopsTheBatchAtThatRecordAndLambdaRetriesFromIt() {
        ActivityRepository failing = spy(new ActivityRepository(LocalDynamoDb.client(), activityTable));
        doThrow(DynamoDbException.builder().statusCode(500).message("injected").build())
                .when(failing).writeOnce(argThat(activity -> activity.event().eventId().equals("e-2")));
        KinesisEventRecord first = activity("e-1", "alice", "acme-corp", "viewed-dashboard");
        KinesisEventRecord second = activity("e-2", "bob", "acme-corp", "viewed-dashboard");
        KinesisEventRecord third = activity("e-3", "alice", "acme-corp", "logged-out");

        StreamsEventResponse response = handleOrSayWhy(handler(failing), delivery(List.of(first, second, third)));

        // Lambda retries from the lowest sequence number reported: the failed record's (the ones after it may be
        // reported too), never one recorded before it.
        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .as("the batch item failures: the record whose write failed, by its sequence number")
                .contains(second.getKinesis().getSequenceNumber())
                .isSubsetOf(second.getKinesis().getSequenceNumber(), third.getKinesis().getSequenceNumber());
        assertThat(items().keySet()).as("the events recorded: e-1 only, as the batch stops at e-2, whose write failed")
                .containsOnly("e-1");

        // Lambda delivers the batch again from the failed record; DynamoDB answers this time.
        StreamsEventResponse retry = handler.handleRequest(delivery(List.of(second, third)), TIME_TO_SPARE);

        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(items()).containsOnlyKeys("e-1", "e-2", "e-3");
    }

    @Test
    void aLookupDynamoDbFailedIsRetriedNotRecordedAsNotFound() {
        // The cache is cold (see the set-up), so bob's lookup reads DynamoDB, which fails this time.
        AccountRepository failingReads = spy(new AccountRepository(LocalDynamoDb.client(), accountsTable));
        doThrow(DynamoDbException.builder().statusCode(500).message("injected").build()).when(failingReads).findUser("bob");
        ActivityConsumerHandler lookupsFail = new ActivityConsumerHandler(new ActivityConsumer(failingReads,
                new ActivityRepository(LocalDynamoDb.client(), activityTable), TestCaches.accountCache(memory)));
        KinesisEventRecord record = activity("e-1", "bob", "acme-corp", "viewed-dashboard");

        StreamsEventResponse response = handleOrSayWhy(lookupsFail, batch(record));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .as("the batch item failures: a lookup that DynamoDB failed is reported, so that Lambda retries the record"
                        + " (a lookup's failure caught would record bob as not found, for good)")
                .containsExactly(record.getKinesis().getSequenceNumber());
        assertThat(items()).as("the events recorded: none, as bob's lookup failed").isEmpty();
    }

    @Test
    void onlyAnEventAlreadyRecordedIsADuplicateAnyOtherRefusalIsRetried() {
        // DynamoDB refuses the write for another reason (here: no such table): the record must come again.
        ActivityConsumerHandler noTable = handler(new ActivityRepository(LocalDynamoDb.client(), "no-such-table"));
        KinesisEventRecord record = activity("e-1", "bob", "acme-corp", "viewed-dashboard");

        StreamsEventResponse response = handleOrSayWhy(noTable, batch(record));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .as("the batch item failures: a PutItem that failed for another reason than its condition is reported,"
                        + " so that Lambda retries it (only ConditionalCheckFailedException means \"already recorded\")")
                .containsExactly(record.getKinesis().getSequenceNumber());
    }

    @Test
    void aFailingCacheDoesNotFailTheRecordDynamoDbAnswers() {
        memory.failEverything();

        StreamsEventResponse response = handler.handleRequest(batch(
                activity("e-1", "alice", "acme-corp", "viewed-dashboard"),
                activity("e-2", "alice", "acme-corp", "logged-out")), TIME_TO_SPARE);

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
                activity("e-2", "alice", "acme-corp", "logged-out")), NO_DEADLINE);

        assertThat(summary).isEqualTo(new BatchSummary(2, 0, 0, 0, 4, null));
        assertThat(item("e-2")).containsEntry("lastName", s("Liddell"));
    }

    @Test
    void theLogLineSaysHowManyLookupsTheCacheAnswered() {
        // The wording is yours (the guide's line is an example): the line must state the batch's numbers.
        assertStatesItsNumbers(new BatchSummary(98, 5, 2, 195, 1, null));
        assertStatesItsNumbers(new BatchSummary(100, 3, 4, 194, 6, null));
        assertStatesItsNumbers(new BatchSummary(0, 0, 3, 0, 0, null)); // no lookups at all
        assertThat(new BatchSummary(100, 0, 0, 199, 1, null).logLine()).as("a batch with a miss never shows 100 % hits")
                .doesNotContainPattern("\\b100\\s*%");
    }

    @Test
    void eachBatchLogsItsSummaryOnce() {
        handler.process(events(2, "logged-").getRecords(), NO_DEADLINE); // logged-0 and logged-1 are recorded already
        memory.items.clear(); // cold again: alice, bob and acme-corp miss once each
        List<KinesisEventRecord> records = new ArrayList<>(events(7, "logged-").getRecords());
        records.add(KinesisEvents.record("alice", "not JSON"));

        // 7 events enriched (2 of them duplicates), 1 malformed; 14 lookups: 3 misses, 11 from the cache.
        assertLogsOneSummary(batch(records), new BatchSummary(7, 2, 1, 11, 3, null));
        // The next batch logs its own numbers: 4 events, all 8 lookups from the cache.
        assertLogsOneSummary(events(4, "warm-"), new BatchSummary(4, 0, 0, 8, 0, null));
    }

    /** While the handler takes this batch, exactly one line logged states all the batch's numbers, in any wording. */
    private void assertLogsOneSummary(KinesisEvent event, BatchSummary expected) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(event, TIME_TO_SPARE);
        } finally {
            System.setOut(stdout);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        // Right but for the duplicates: the repository wrote again what was recorded already (its test says more).
        BatchSummary noDuplicates = new BatchSummary(expected.enriched(), 0, expected.malformed(), expected.fromCache(),
                expected.fromDatabase(), null);
        boolean duplicatesWrittenAgain = expected.duplicates() > 0
                && lines.stream().noneMatch(line -> statesTheNumbersOf(expected, line))
                && lines.stream().anyMatch(line -> statesTheNumbersOf(noDuplicates, line));
        // Right but for fewer lookups from the cache: a lookup reads DynamoDB without the cache (its test says more).
        int lookups = expected.fromCache() + expected.fromDatabase();
        boolean lookupsPastTheCache = lines.stream().noneMatch(line -> statesTheNumbersOf(expected, line))
                && java.util.stream.IntStream.range(0, expected.fromCache()).anyMatch(fromCache -> lines.stream().anyMatch(line ->
                        statesTheNumbersOf(new BatchSummary(expected.enriched(), expected.duplicates(), expected.malformed(),
                                fromCache, lookups - fromCache, null), line)));
        assertThat(lines.stream().filter(line -> statesTheNumbersOf(expected, line)))
                .as("%sthe lines the handler logged for one batch that state its numbers (%s): there must be exactly one,"
                        + " the batch's summary line. The lines logged were:%n%s",
                        duplicatesWrittenAgain ? "A line states the batch's numbers but for 0 duplicates: the events recorded"
                                + " already were counted as new, either written again (ActivityRepository.writeOnce's condition"
                                + " must refuse them) or refused and answered true (writeOnce answers false for them; see"
                                + " aSecondDeliveryOfTheSameBatchRecordsEachEventOnce); "
                                : lookupsPastTheCache ? "A line states the batch's numbers but with fewer lookups from the cache:"
                                + " a lookup reads DynamoDB without going through the cache (see"
                                + " theFirstLookupOfEachNameMissesAndTheRestAreCacheHits); " : "",
                        description(expected), String.join("\n", lines))
                .hasSize(1);
    }

    private static void assertStatesItsNumbers(BatchSummary summary) {
        String line = summary.logLine();
        assertThat(statesTheNumbersOf(summary, line)).as("the summary line must state %s (in any words); it reads: %s",
                description(summary), line).isTrue();
        assertThat(CLAUSE.matcher(line).results().map(MatchResult::group)
                .filter(clause -> numbersIn(clause).contains(String.valueOf(summary.fromCache())))
                .anyMatch(clause -> CACHE_WORD.matcher(clause).find() || !A_WORD.matcher(clause).find()))
                .as("the %d lookups the cache answered must be stated as the cache's (next to \"cache\" or \"hit\", not"
                        + " DynamoDB's); the line reads: %s", summary.fromCache(), line).isTrue();
        int lookups = summary.fromCache() + summary.fromDatabase();
        // Rounded down or to the nearest, to as many decimals as the line gives: 99 %, 99.4 % or 99.5 % for 99.45 %.
        PERCENT.matcher(line).results().map(percent -> new BigDecimal(percent.group(1).replace(',', '.'))).forEach(percent -> {
            BigDecimal exact = lookups == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(summary.fromCache() * 100L).divide(BigDecimal.valueOf(lookups), 10, RoundingMode.DOWN);
            assertThat(percent).as("the hit ratio the line states, of %d lookups from the cache in %d: %s",
                    summary.fromCache(), lookups, line).isIn(exact.setScale(percent.scale(), RoundingMode.DOWN),
                    exact.setScale(percent.scale(), RoundingMode.HALF_UP));
        });
    }

    private static String description(BatchSummary summary) {
        return summary.enriched() + " events enriched (or " + (summary.enriched() - summary.duplicates()) + " new), "
                + summary.duplicates() + " duplicates, " + summary.malformed()
                + " malformed, " + summary.fromCache() + " lookups from the cache, " + summary.fromDatabase() + " from DynamoDB"
                + " (or " + (summary.fromCache() + summary.fromDatabase()) + " lookups in all)";
    }

    /**
     * Whether a line states a summary's numbers: the events enriched (all of them, or the new ones
     * beside the duplicates), duplicates, malformed, lookups from the cache, and those from DynamoDB or
     * all the lookups (either tells what the cache did not answer).
     */
    private static boolean statesTheNumbersOf(BatchSummary summary, String line) {
        List<String> stated = numbersIn(line);
        return stated.containsAll(Stream.of(summary.duplicates(), summary.malformed(), summary.fromCache())
                .map(String::valueOf).toList())
                && eitherIsStated(stated, summary.enriched(), summary.enriched() - summary.duplicates())
                && eitherIsStated(stated, summary.fromDatabase(), summary.fromCache() + summary.fromDatabase());
    }

    private static boolean eitherIsStated(List<String> stated, int one, int other) {
        return stated.contains(String.valueOf(one)) || stated.contains(String.valueOf(other));
    }

    /** The whole numbers a line states, as written. */
    private static List<String> numbersIn(String line) {
        return NUMBER.matcher(line).results().map(MatchResult::group).toList();
    }

    /** The handler's answer; an exception it let out fails the test with what it must do instead. */
    private static StreamsEventResponse handleOrSayWhy(ActivityConsumerHandler handler, KinesisEvent event) {
        try {
            return handler.handleRequest(event, TIME_TO_SPARE);
        } catch (RuntimeException e) {
            throw new AssertionError("handleRequest let an exception out: it must catch a record's failure, stop the batch"
                    + " there and report its sequence number in batchItemFailures"
                    + " (see aDynamoDbFailureStopsTheBatchAtThatRecordAndLambdaRetriesFromIt): an exception makes Lambda deliver"
                    + " the whole batch again, the events recorded before it too; it threw " + e, e);
        }
    }

    private ActivityConsumerHandler handler(ActivityRepository activities) {
        return new ActivityConsumerHandler(new ActivityConsumer(accounts, activities, TestCaches.accountCache(memory)));
    }

    /** A Lambda context with this much time left before the function's timeout, and a logger, as Lambda's has. */
    private static Context contextWith(int millisLeft) {
        Context context = mock(Context.class);
        when(context.getRemainingTimeInMillis()).thenReturn(millisLeft);
        when(context.getLogger()).thenReturn(STANDARD_OUTPUT);
        return context;
    }

    /** Events of alice and bob, in turns, all in acme-corp. */
    private static KinesisEvent events(int count, String eventIdPrefix) {
        return batch(Stream.iterate(0, i -> i + 1).limit(count)
                .map(i -> activity(eventIdPrefix + i, i % 2 == 0 ? "alice" : "bob", "acme-corp", "viewed-page-" + i))
                .toList());
    }

    /**
     * A delivery of these records as Lambda makes one: each invocation gets a new event, read afresh from the stream,
     * so its records are new objects with the same sequence numbers and data, whose buffers no earlier delivery read.
     */
    private static KinesisEvent delivery(List<KinesisEventRecord> records) {
        return batch(records.stream().map(ActivityConsumerHandlerTest::freshCopy).toList());
    }

    private static KinesisEventRecord freshCopy(KinesisEventRecord record) {
        KinesisEvent.Record kinesis = record.getKinesis();
        KinesisEvent.Record data = new KinesisEvent.Record();
        data.setKinesisSchemaVersion(kinesis.getKinesisSchemaVersion());
        data.setPartitionKey(kinesis.getPartitionKey());
        data.setSequenceNumber(kinesis.getSequenceNumber());
        data.setApproximateArrivalTimestamp(kinesis.getApproximateArrivalTimestamp());
        data.setEncryptionType(kinesis.getEncryptionType());
        if (kinesis.getData() != null) {
            ByteBuffer original = kinesis.getData().duplicate();
            byte[] bytes = new byte[original.remaining()];
            original.get(bytes);
            data.setData(ByteBuffer.wrap(bytes));
        }
        KinesisEventRecord copy = new KinesisEventRecord();
        copy.setKinesis(data);
        copy.setEventSource(record.getEventSource());
        copy.setEventID(record.getEventID());
        copy.setEventName(record.getEventName());
        copy.setEventVersion(record.getEventVersion());
        copy.setEventSourceARN(record.getEventSourceARN());
        copy.setAwsRegion(record.getAwsRegion());
        copy.setInvokeIdentityArn(record.getInvokeIdentityArn());
        return copy;
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
