package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.dynamodb.DynamoDbFaults;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.momento.FaultRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Step 7 (stream consumer) in the local cloud: activity events put on the local Kinesis reach the
 * activityConsumer function in batches; each is enriched (user and organization read aside
 * through Momento) and recorded once, however often deliveries are retried.
 */
@Timeout(300)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_7)
class Step7EndToEndTest {
    private static final long DEADLINE_SECONDS = 60;
    /** What the consumer logs once per batch; see ActivityConsumerHandler. */
    private static final Pattern BATCH_LINE = Pattern.compile(
            "Enriched (\\d+) activity events \\((\\d+) duplicates, (\\d+) malformed\\): (\\d+) of (\\d+) lookups from the cache, (\\d+) from DynamoDB");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StageClouds.Running step7;
    private static KinesisClient kinesis;
    private static DynamoDbClient admin;
    private static String stream;
    private static String activityTable;

    @BeforeAll
    static void start() {
        step7 = StageClouds.start(StageClouds.STEP_7);
        LocalCloud cloud = step7.cloud();
        Region region = Region.of(cloud.config().deployment().region());
        StaticCredentialsProvider operator = StaticCredentialsProvider.create(cloud.operatorCredentials());
        kinesis = KinesisClient.builder().endpointOverride(cloud.kinesis().endpoint()).region(region)
                .credentialsProvider(operator).build();
        admin = DynamoDbClient.builder().endpointOverride(cloud.dynamoDbEndpoint()).region(region)
                .credentialsProvider(operator).build();
        stream = cloud.kinesisStreams().get("ActivityStream");
        activityTable = cloud.config().resourcesOfType("AWS::DynamoDB::Table").stream()
                .filter(table -> table.logicalId().equals("ActivityTable")).findFirst().orElseThrow().physicalName();
    }

    @AfterAll
    static void stop() {
        if (kinesis != null) {
            kinesis.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (step7 != null) {
            step7.close();
        }
    }

    @BeforeEach
    void healthyAndCold() {
        step7.cloud().dynamoDbFaults().clear();
        step7.cloud().kinesis().faults().clear();
        step7.cloud().momento().faults().clear();
    }

    @Test
    void eachEventIsEnrichedOnceAndLookupsHitTheCacheAfterTheFirstMiss() throws Exception {
        List<String> users = List.of(step7.api().createUser("ann"), step7.api().createUser("ben"), step7.api().createUser("cy"));
        List<String> organizations = List.of(step7.api().createOrganization(users.get(0)),
                step7.api().createOrganization(users.get(1)));
        awaitStreamCacherIdle();
        step7.cloud().momento().flushCache(StageClouds.CACHE); // as the cache is after its TTL: cold
        int linesBefore = batchLines().size();
        long getItemsBefore = getItems();

        List<Map<String, String>> events = events(200, users, organizations);
        put(events);
        await(() -> countItems(events), count -> count == events.size());
        long databaseReads = getItems() - getItemsBefore; // before this test reads the items itself

        Map<String, Map<String, AttributeValue>> written = awaitWritten(events);
        assertThat(written).hasSize(events.size());
        for (Map<String, String> event : events) {
            Map<String, AttributeValue> item = written.get(event.get("eventId"));
            assertThat(item.get("username").s()).isEqualTo(event.get("username"));
            assertThat(item.get("organization").s()).isEqualTo(event.get("organization"));
            assertThat(item.get("action").s()).isEqualTo(event.get("action"));
            assertThat(item.get("firstName").s()).isEqualTo("F"); // AccountsApi.createUser's user
            assertThat(item.get("lastName").s()).isEqualTo("L");
            assertThat(item.get("foundingUser").s()).isEqualTo(users.get(organizations.indexOf(event.get("organization"))));
        }

        List<BatchLine> batches = batchLines().subList(linesBefore, batchLines().size());
        assertThat(batches.stream().mapToInt(BatchLine::events).sum()).as("each event delivered once").isEqualTo(200);
        assertThat(batches.stream().mapToInt(BatchLine::duplicates).sum()).isZero();
        int distinct = users.size() + organizations.size();
        assertThat(batches.stream().mapToInt(BatchLine::misses).sum()).as("one miss per user and organization").isEqualTo(distinct);
        // Mostly all in the first batch; but PutRecords appends its records one by one (as Kinesis does), so on a busy
        // machine a poll may read the first few alone, and the misses spread over the first batches: one per key in
        // all (above) says that what a batch looked up stayed cached for the next.
        assertThat(batches.get(0).misses()).as("the first batch misses (the cache was flushed): %s", batches).isPositive();
        assertThat(batches.get(batches.size() - 1).hits()).as("the last batch only hits")
                .isEqualTo(batches.get(batches.size() - 1).lookups());
        assertThat(databaseReads).as("DynamoDB reads: only the misses").isEqualTo(distinct);
    }

    @Test
    void failedWritesAreRetriedFromTheFailedRecordAndEachEventIsWrittenOnce() throws Exception {
        String dee = step7.api().createUser("dee");
        String organization = step7.api().createOrganization(dee);
        awaitStreamCacherIdle();
        int linesBefore = batchLines().size();
        // DynamoDB fails every write for a while (beyond the SDK's own retries), and the stream
        // is throttled at first too: Lambda has to deliver again.
        step7.cloud().dynamoDbFaults().add("PutItem", DynamoDbFaults.Kind.SERVER_ERROR, -1);
        assertThat(step7.api().post("/_local/kinesis/faults?operation=GetRecords&kind=PROVISIONED_THROUGHPUT_EXCEEDED&times=3",
                "", null).status()).isEqualTo(201);

        List<Map<String, String>> events = events(30, List.of(dee), List.of(organization));
        put(events);
        assertThat(await(() -> step7.logLines("the function reported failed records"), lines -> !lines.isEmpty()))
                .as("the consumer reported the records it could not write").isNotEmpty();
        assertThat(countItems(events)).as("nothing written while DynamoDB fails").isZero();
        step7.cloud().dynamoDbFaults().clear();

        Map<String, Map<String, AttributeValue>> written = awaitWritten(events);
        assertThat(written).hasSize(events.size());
        assertThat(step7.logLines("retrying")).as("the poller retried").isNotEmpty();
        List<BatchLine> batches = batchLines().subList(linesBefore, batchLines().size());
        assertThat(batches.stream().mapToInt(BatchLine::events).sum()).as("every event delivered at least once")
                .isGreaterThanOrEqualTo(30);
        assertThat(countItems(events)).as("but each recorded once").isEqualTo(30);
    }

    @Test
    void aSilentMomentoSlowsTheConsumerButNeverHoldsUpItsShard() throws Exception {
        String eve = step7.api().createUser("eve");
        String organization = step7.api().createOrganization(eve);
        awaitStreamCacherIdle();
        step7.cloud().momento().flushCache(StageClouds.CACHE);
        // Every cache call waits past the SDK's deadline (1.1 s): a record's two lookups cost about 4.4 s.
        step7.cloud().momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).delayBy(Duration.ofSeconds(5)));
        int timeoutsBefore = step7.logLines("Task timed out").size();

        List<Map<String, String>> events = events(4, List.of(eve), List.of(organization));
        long written;
        try {
            put(events);
            written = await(() -> countItems(events), count -> count == events.size());
        } finally {
            step7.cloud().momento().faults().clear(); // the other tests of this cloud want Momento back
        }

        assertThat(written).as("each event recorded once, DynamoDB answering every lookup").isEqualTo(4);
        assertThat(step7.logLines("not started")).as("the consumer stopped before its 10 s timeout and reported the next record")
                .isNotEmpty();
        assertThat(step7.logLines("Task timed out")).as("no invocation timed out (that would deliver the whole batch again)")
                .hasSize(timeoutsBefore);
    }

    @Test
    void theStreamIsReadWithTheFunctionsRole() throws Exception {
        await(() -> step7.cloud().iamDecisions(), decisions -> decisions.stream()
                .anyMatch(decision -> decision.action().equals("kinesis:GetRecords") && isConsumer(decision)));

        assertThat(step7.cloud().iamDecisions())
                .filteredOn(decision -> decision.action().startsWith("kinesis:") && isConsumer(decision))
                .isNotEmpty()
                .allMatch(Decision::isAllowed)
                .extracting(Decision::action)
                .contains("kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords");
    }

    private static boolean isConsumer(Decision decision) {
        return decision.principalArn() != null && decision.principalArn().contains("activityConsumer");
    }

    private static List<Map<String, String>> events(int count, List<String> users, List<String> organizations) {
        List<Map<String, String>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Map.of("eventId", UUID.randomUUID().toString(), "username", users.get(i % users.size()),
                    "organization", organizations.get(i % organizations.size()), "action", "action-" + i,
                    "occurredAt", "2026-11-23T10:15:30Z"));
        }
        return events;
    }

    private static void put(List<Map<String, String>> events) throws Exception {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (Map<String, String> event : events) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey(event.get("username"))
                    .data(SdkBytes.fromByteArray(JSON.writeValueAsBytes(event))).build());
        }
        assertThat(kinesis.putRecords(request -> request.streamName(stream).records(entries)).failedRecordCount()).isZero();
    }

    /** The activity table's items for these events, by event id, once all are there (or the deadline passed). */
    private static Map<String, Map<String, AttributeValue>> awaitWritten(List<Map<String, String>> events) throws Exception {
        await(() -> countItems(events), count -> count == events.size());
        Map<String, Map<String, AttributeValue>> written = new HashMap<>();
        for (Map<String, String> event : events) {
            Map<String, AttributeValue> item = admin.getItem(get -> get.tableName(activityTable)
                    .key(Map.of("eventId", AttributeValue.builder().s(event.get("eventId")).build()))).item();
            if (item != null && !item.isEmpty()) {
                written.put(event.get("eventId"), item);
            }
        }
        return written;
    }

    /** How many items the activity table holds for these events: a scan, so a duplicate would count twice. */
    private static long countItems(List<Map<String, String>> events) {
        List<String> ids = events.stream().map(event -> event.get("eventId")).toList();
        return admin.scanPaginator(scan -> scan.tableName(activityTable)).items().stream()
                .filter(item -> ids.contains(item.get("eventId").s())).count();
    }

    /** Writes through the API reach the cache twice (write-aside, stream cacher): let the second settle first. */
    private static void awaitStreamCacherIdle() throws Exception {
        long before;
        do {
            before = step7.cloud().reports().size();
            Thread.sleep(1_000);
        } while (step7.cloud().reports().size() != before);
    }

    private static long getItems() {
        return step7.cloud().dynamoDbStats().calls("GetItem");
    }

    record BatchLine(int events, int duplicates, int malformed, int hits, int lookups, int misses) {
    }

    private static List<BatchLine> batchLines() {
        List<BatchLine> lines = new ArrayList<>();
        for (String line : step7.logLines("lookups from the cache")) {
            Matcher matcher = BATCH_LINE.matcher(line);
            if (matcher.find()) {
                lines.add(new BatchLine(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                        Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6))));
            }
        }
        return lines;
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = probe.call();
        }
        return value;
    }

    /** Least privilege and no leaked key on this stage's cloud (see {@link LeastPrivilegeCheck}). */
    @Test
    void leastPrivilegeAndNoLeakedKey() throws Exception {
        LeastPrivilegeCheck.verify(StageClouds.STEP_7, step7);
    }
}
