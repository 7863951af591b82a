package com.example.localcloud.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.localcloud.awsjson.WireFormat;
import com.example.localcloud.iam.AccessCheck;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/**
 * What Kinesis must do for the real SDK v2 client, written once and run in each of the SDK's wire
 * formats: CBOR, its default ({@link LocalKinesisCborContractTest}), and JSON
 * ({@link LocalKinesisJsonContractTest}). After every test, every answer the client got must have
 * been in that format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KinesisContract {

    static final String ACCOUNT = "000000000000";
    private static final String ZERO = "shardId-000000000000";
    private static final String ONE = "shardId-000000000001";

    private final KinesisClients.SeenContentTypes seen = new KinesisClients.SeenContentTypes();
    private LocalKinesis kinesis;
    private KinesisClient client;

    /** The format this run's client speaks. */
    abstract WireFormat format();

    @BeforeAll
    void start() throws Exception {
        kinesis = LocalKinesis.start("us-east-1", ACCOUNT, AccessCheck.allowAll());
        client = KinesisClients.forEndpoint(kinesis.endpoint(), "AKIDCONTRACTTEST", format(), seen);
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
    }

    @AfterEach
    void everyExchangeWasInTheFormatOfThisRun() {
        assertThat(seen.requests).as("requests the SDK sent").isNotEmpty().containsOnly(format().contentType());
        assertThat(seen.responses).as("answers the server gave").containsOnly(format().contentType());
        seen.requests.clear();
        seen.responses.clear();
    }

    /** Every test uses its own streams, so tests share one server without seeing each other. */
    private static String uniqueName(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A server and client of its own, for a test that moves the server's clock: the shared
     * server's clock must stay the wall clock for the tests that compare times with it.
     */
    private record OwnServer(LocalKinesis kinesis, KinesisClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            kinesis.close();
        }
    }

    private OwnServer ownServer() throws Exception {
        LocalKinesis own = LocalKinesis.start("us-east-1", ACCOUNT, AccessCheck.allowAll());
        return new OwnServer(own, KinesisClients.forEndpoint(own.endpoint(), "AKIDCONTRACTTEST", format(), seen));
    }

    private String createStream(String purpose, int shards) {
        return createStream(client, purpose, shards);
    }

    private static String createStream(KinesisClient client, String purpose, int shards) {
        String name = uniqueName(purpose);
        client.createStream(r -> r.streamName(name).shardCount(shards));
        return name;
    }

    private String iterator(String stream, String shardId, ShardIteratorType type) {
        return iterator(client, stream, shardId, type);
    }

    private static String iterator(KinesisClient client, String stream, String shardId, ShardIteratorType type) {
        return client.getShardIterator(r -> r.streamName(stream).shardId(shardId).shardIteratorType(type)).shardIterator();
    }

    private PutRecordResponse put(String stream, String partitionKey, String data) {
        return put(client, stream, partitionKey, data);
    }

    private static PutRecordResponse put(KinesisClient client, String stream, String partitionKey, String data) {
        return client.putRecord(r -> r.streamName(stream).partitionKey(partitionKey).data(SdkBytes.fromUtf8String(data)));
    }

    private static List<String> dataOf(GetRecordsResponse response) {
        return response.records().stream().map(record -> record.data().asUtf8String()).toList();
    }

    /** The shard AWS puts a partition key on, computed here independently of the server's code. */
    private static String expectedShard(String partitionKey, List<Shard> shards) throws Exception {
        BigInteger hash = new BigInteger(1, MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        return shards.stream()
                .filter(s -> new BigInteger(s.hashKeyRange().startingHashKey()).compareTo(hash) <= 0
                        && hash.compareTo(new BigInteger(s.hashKeyRange().endingHashKey())) <= 0)
                .map(Shard::shardId)
                .findFirst().orElseThrow();
    }

    // ---- streams

    @Test
    void aNewStreamIsActiveAtOnceWithItsShardsSplittingTheHashKeySpaceEvenly() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String name = createStream("described", 3);

        StreamDescription description = client.describeStream(r -> r.streamName(name)).streamDescription();

        assertThat(description.streamName()).isEqualTo(name);
        assertThat(description.streamARN()).isEqualTo("arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + name);
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(description.streamModeDetails().streamMode()).isEqualTo(StreamMode.PROVISIONED);
        assertThat(description.retentionPeriodHours()).isEqualTo(24);
        assertThat(description.hasMoreShards()).isFalse();
        assertThat(description.streamCreationTimestamp()).isBetween(before, Instant.now());
        assertThat(description.shards()).extracting(Shard::shardId)
                .containsExactly(ZERO, ONE, "shardId-000000000002");
        // the ranges AWS gives a new three-shard stream
        assertThat(description.shards()).extracting(s -> s.hashKeyRange().startingHashKey() + ".." + s.hashKeyRange().endingHashKey())
                .containsExactly(
                        "0..113427455640312821154458202477256070484",
                        "113427455640312821154458202477256070485..226854911280625642308916404954512140969",
                        "226854911280625642308916404954512140970..340282366920938463463374607431768211455");
        assertThat(description.shards()).allSatisfy(shard -> {
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("\\d{56}");
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).as("open shard").isNull();
            assertThat(shard.parentShardId()).isNull();
        });
    }

    @Test
    void describeStreamSummaryFindsTheStreamByNameOrArn() {
        String name = createStream("summary", 2);
        String arn = kinesis.streamArn(name);

        StreamDescriptionSummary byName = client.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary();
        StreamDescriptionSummary byArn = client.describeStreamSummary(r -> r.streamARN(arn)).streamDescriptionSummary();

        assertThat(byName.streamARN()).isEqualTo(arn);
        assertThat(byName.openShardCount()).isEqualTo(2);
        assertThat(byName.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(byArn.streamName()).isEqualTo(name);
        assertThat(byArn.streamCreationTimestamp()).isEqualTo(byName.streamCreationTimestamp());
    }

    @Test
    void anOnDemandStreamGetsFourShards() {
        String name = uniqueName("on-demand");
        client.createStream(r -> r.streamName(name).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));

        StreamDescriptionSummary summary = client.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary();

        assertThat(summary.streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
        assertThat(summary.openShardCount()).isEqualTo(4);
    }

    @Test
    void creatingAnExistingStreamIsResourceInUse() {
        String name = createStream("twice", 1);

        ResourceInUseException inUse = catchThrowableOfType(ResourceInUseException.class,
                () -> client.createStream(r -> r.streamName(name).shardCount(1)));

        assertThat(inUse.awsErrorDetails().errorMessage()).isEqualTo("Stream " + name + " under account " + ACCOUNT + " already exists.");
        assertThat(inUse.statusCode()).isEqualTo(400);
    }

    @Test
    void aMissingStreamIsResourceNotFoundInAwsWords() {
        String name = uniqueName("never-created");

        ResourceNotFoundException notFound = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.describeStreamSummary(r -> r.streamName(name)));

        assertThat(notFound.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(notFound.awsErrorDetails().errorMessage()).isEqualTo("Stream " + name + " under account " + ACCOUNT + " not found.");
        assertThat(notFound.statusCode()).isEqualTo(400);
    }

    @Test
    void aDeletedStreamIsGoneAndItsIteratorsWithIt() {
        String name = createStream("deleted", 1);
        put(name, "k", "before delete");
        String iterator = iterator(name, ZERO, ShardIteratorType.TRIM_HORIZON);

        client.deleteStream(r -> r.streamName(name));

        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> client.describeStream(r -> r.streamName(name))))
                .isNotNull();
        ResourceNotFoundException gone = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.getRecords(r -> r.shardIterator(iterator)));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Shard " + ZERO + " in stream " + name + " under account " + ACCOUNT + " does not exist");
        // a new stream of the same name does not take the old iterators or records
        client.createStream(r -> r.streamName(name).shardCount(1));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> client.getRecords(r -> r.shardIterator(iterator))))
                .isNotNull();
        assertThat(client.getRecords(r -> r.shardIterator(iterator(name, ZERO, ShardIteratorType.TRIM_HORIZON))).records()).isEmpty();
    }

    @Test
    void listStreamsPagesInNameOrder() {
        String prefix = uniqueName("list") + "-";
        for (String suffix : List.of("c", "a", "b")) {
            client.createStream(r -> r.streamName(prefix + suffix).shardCount(1));
        }

        ListStreamsResponse first = client.listStreams(r -> r.exclusiveStartStreamName(prefix).limit(2));
        ListStreamsResponse second = client.listStreams(r -> r.nextToken(first.nextToken()).limit(2));

        assertThat(first.streamNames()).containsExactly(prefix + "a", prefix + "b");
        assertThat(first.hasMoreStreams()).isTrue();
        assertThat(first.streamSummaries()).extracting(s -> s.streamARN()).containsExactly(kinesis.streamArn(prefix + "a"), kinesis.streamArn(prefix + "b"));
        assertThat(first.streamSummaries()).allSatisfy(s -> assertThat(s.streamStatus()).isEqualTo(StreamStatus.ACTIVE));
        assertThat(second.streamNames()).first().isEqualTo(prefix + "c");
        assertThat(client.listStreams().streamNames()).contains(prefix + "a", prefix + "b", prefix + "c");
    }

    @Test
    void listShardsPagesWithNextTokenAndStartsAfterAShard() {
        String name = createStream("list-shards", 5);

        ListShardsResponse first = client.listShards(r -> r.streamName(name).maxResults(2));
        ListShardsResponse second = client.listShards(r -> r.nextToken(first.nextToken()).maxResults(2));
        ListShardsResponse third = client.listShards(r -> r.nextToken(second.nextToken()).maxResults(2));
        ListShardsResponse afterOne = client.listShards(r -> r.streamARN(kinesis.streamArn(name)).exclusiveStartShardId(ONE));

        assertThat(first.shards()).extracting(Shard::shardId).containsExactly(ZERO, ONE);
        assertThat(second.shards()).extracting(Shard::shardId).containsExactly("shardId-000000000002", "shardId-000000000003");
        assertThat(third.shards()).extracting(Shard::shardId).containsExactly("shardId-000000000004");
        assertThat(third.nextToken()).isNull();
        assertThat(afterOne.shards()).extracting(Shard::shardId)
                .containsExactly("shardId-000000000002", "shardId-000000000003", "shardId-000000000004");
        InvalidArgumentException both = catchThrowableOfType(InvalidArgumentException.class,
                () -> client.listShards(r -> r.streamName(name).nextToken(first.nextToken())));
        assertThat(both.awsErrorDetails().errorMessage()).contains("NextToken").contains("StreamName");
    }

    // ---- writing and reading records

    @Test
    void aRecordComesBackWithItsDataKeySequenceNumberAndArrivalTime() {
        String name = createStream("round-trip", 1);
        byte[] everyByte = new byte[256];
        IntStream.range(0, 256).forEach(i -> everyByte[i] = (byte) i);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        PutRecordResponse put = client.putRecord(r -> r.streamName(name).partitionKey("user-1").data(SdkBytes.fromByteArray(everyByte)));
        Instant after = Instant.now();
        GetRecordsResponse read = client.getRecords(r -> r.shardIterator(iterator(name, ZERO, ShardIteratorType.TRIM_HORIZON)));

        assertThat(put.shardId()).isEqualTo(ZERO);
        assertThat(put.sequenceNumber()).matches("[1-9]\\d{55}");
        assertThat(read.records()).hasSize(1);
        Record record = read.records().get(0);
        assertThat(record.data().asByteArray()).isEqualTo(everyByte);
        assertThat(record.partitionKey()).isEqualTo("user-1");
        assertThat(record.sequenceNumber()).isEqualTo(put.sequenceNumber());
        assertThat(record.approximateArrivalTimestamp()).isBetween(before, after);
        assertThat(read.millisBehindLatest()).isZero();
        assertThat(read.nextShardIterator()).isNotBlank();
    }

    @Test
    void putRecordsAnswersPerRecordInOrderAndEachShardKeepsItsOwnOrder() throws Exception {
        String name = createStream("batch", 4);
        List<Shard> shards = client.listShards(r -> r.streamName(name)).shards();
        List<PutRecordsRequestEntry> entries = IntStream.range(0, 40)
                .mapToObj(i -> PutRecordsRequestEntry.builder().partitionKey("key-" + (i % 8)).data(SdkBytes.fromUtf8String("r" + i)).build())
                .toList();

        PutRecordsResponse put = client.putRecords(r -> r.streamName(name).records(entries));

        assertThat(put.failedRecordCount()).isZero();
        assertThat(put.records()).hasSize(40);
        Map<String, List<String>> expectedByShard = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            PutRecordsResultEntry result = put.records().get(i);
            assertThat(result.errorCode()).isNull();
            assertThat(result.shardId()).isEqualTo(expectedShard("key-" + (i % 8), shards));
            expectedByShard.computeIfAbsent(result.shardId(), id -> new ArrayList<>()).add("r" + i);
        }
        assertThat(expectedByShard).as("eight keys spread over the four shards").hasSizeGreaterThanOrEqualTo(3);
        for (Map.Entry<String, List<String>> shard : expectedByShard.entrySet()) {
            GetRecordsResponse read = client.getRecords(r -> r.shardIterator(iterator(name, shard.getKey(), ShardIteratorType.TRIM_HORIZON)));
            assertThat(dataOf(read)).as(shard.getKey()).containsExactlyElementsOf(shard.getValue());
            List<BigInteger> sequenceNumbers = read.records().stream().map(r -> new BigInteger(r.sequenceNumber())).toList();
            assertThat(sequenceNumbers).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void partitionKeysAndExplicitHashKeysPickShardsAsInAws() {
        String name = createStream("hashing", 2);

        // md5("a") = 0cc175b9...: lower half; md5("b") = 92eb5ffe...: upper half
        assertThat(put(name, "a", "x").shardId()).isEqualTo(ZERO);
        assertThat(put(name, "b", "x").shardId()).isEqualTo(ONE);
        String half = BigInteger.ONE.shiftLeft(127).toString();
        String justBelowHalf = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE).toString();
        assertThat(client.putRecord(r -> r.streamName(name).partitionKey("b").explicitHashKey(justBelowHalf)
                .data(SdkBytes.fromUtf8String("x"))).shardId()).isEqualTo(ZERO);
        assertThat(client.putRecord(r -> r.streamName(name).partitionKey("a").explicitHashKey(half)
                .data(SdkBytes.fromUtf8String("x"))).shardId()).isEqualTo(ONE);
    }

    @Test
    void anExplicitHashKeyBeyondTheHashKeySpaceIsAnInvalidArgument() {
        String name = createStream("hash-too-big", 1);
        String tooBig = BigInteger.ONE.shiftLeft(128).toString();

        InvalidArgumentException invalid = catchThrowableOfType(InvalidArgumentException.class,
                () -> client.putRecord(r -> r.streamName(name).partitionKey("a").explicitHashKey(tooBig).data(SdkBytes.fromUtf8String("x"))));

        assertThat(invalid.awsErrorDetails().errorMessage()).startsWith("Invalid ExplicitHashKey.").endsWith(tooBig);
    }

    @Test
    void limitReadsPartOfTheShardAndNextShardIteratorGoesOn() {
        String name = createStream("paging", 1);
        for (int i = 1; i <= 5; i++) {
            put(name, "k", "r" + i);
        }

        GetRecordsResponse first = client.getRecords(r -> r.shardIterator(iterator(name, ZERO, ShardIteratorType.TRIM_HORIZON)).limit(2));
        GetRecordsResponse second = client.getRecords(r -> r.shardIterator(first.nextShardIterator()).limit(2));
        GetRecordsResponse third = client.getRecords(r -> r.shardIterator(second.nextShardIterator()).limit(2));
        GetRecordsResponse empty = client.getRecords(r -> r.shardIterator(third.nextShardIterator()));
        put(name, "k", "r6");
        GetRecordsResponse later = client.getRecords(r -> r.shardIterator(empty.nextShardIterator()));

        assertThat(dataOf(first)).containsExactly("r1", "r2");
        assertThat(dataOf(second)).containsExactly("r3", "r4");
        assertThat(dataOf(third)).containsExactly("r5");
        assertThat(third.millisBehindLatest()).isZero();
        assertThat(empty.records()).isEmpty();
        assertThat(empty.millisBehindLatest()).isZero();
        assertThat(empty.nextShardIterator()).as("an open shard always has a next iterator").isNotBlank();
        assertThat(dataOf(later)).containsExactly("r6");
    }

    @Test
    void aReadThatIsBehindSaysHowFar() throws Exception {
        try (OwnServer own = ownServer()) {
            String name = createStream(own.client(), "behind", 1);
            put(own.client(), name, "k", "old");
            put(own.client(), name, "k", "new");
            own.kinesis().advanceClock(Duration.ofSeconds(30));

            GetRecordsResponse first = own.client().getRecords(r -> r.shardIterator(
                    iterator(own.client(), name, ZERO, ShardIteratorType.TRIM_HORIZON)).limit(1));

            assertThat(dataOf(first)).containsExactly("old");
            assertThat(first.millisBehindLatest()).isBetween(30_000L, 40_000L);
        }
    }

    @Test
    void latestSeesOnlyRecordsPutAfterTheIterator() {
        String name = createStream("latest", 1);
        put(name, "k", "before");
        String latest = iterator(name, ZERO, ShardIteratorType.LATEST);
        put(name, "k", "after");

        assertThat(dataOf(client.getRecords(r -> r.shardIterator(latest)))).containsExactly("after");
    }

    @Test
    void atAndAfterSequenceNumberStartAtOrJustAfterThatRecord() {
        String name = createStream("by-sequence", 1);
        put(name, "k", "r1");
        String second = put(name, "k", "r2").sequenceNumber();
        put(name, "k", "r3");

        String at = client.getShardIterator(r -> r.streamName(name).shardId(ZERO)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(second)).shardIterator();
        String after = client.getShardIterator(r -> r.streamName(name).shardId(ZERO)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(second)).shardIterator();

        assertThat(dataOf(client.getRecords(r -> r.shardIterator(at)))).containsExactly("r2", "r3");
        assertThat(dataOf(client.getRecords(r -> r.shardIterator(after)))).containsExactly("r3");
    }

    @Test
    void aSequenceNumberOfAnotherShardIsAnInvalidArgument() {
        String name = createStream("wrong-shard", 2);
        String onShardZero = put(name, "a", "x").sequenceNumber();

        InvalidArgumentException invalid = catchThrowableOfType(InvalidArgumentException.class,
                () -> client.getShardIterator(r -> r.streamName(name).shardId(ONE)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(onShardZero)));
        InvalidArgumentException missing = catchThrowableOfType(InvalidArgumentException.class,
                () -> client.getShardIterator(r -> r.streamName(name).shardId(ONE)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)));

        assertThat(invalid.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid StartingSequenceNumber. It encodes " + ZERO + ", while it was used in a call to a shard with " + ONE);
        assertThat(missing.awsErrorDetails().errorMessage()).contains("StartingSequenceNumber").contains("AFTER_SEQUENCE_NUMBER");
    }

    @Test
    void atTimestampStartsAtTheFirstRecordThatArrivedAtOrAfterIt() throws Exception {
        try (OwnServer own = ownServer()) {
            KinesisClient c = own.client();
            String name = createStream(c, "by-time", 1);
            put(c, name, "k", "early");
            own.kinesis().advanceClock(Duration.ofSeconds(10));
            put(c, name, "k", "late");
            List<Record> all = c.getRecords(r -> r.shardIterator(iterator(c, name, ZERO, ShardIteratorType.TRIM_HORIZON))).records();
            Instant lateArrival = all.get(1).approximateArrivalTimestamp();

            String fromLate = c.getShardIterator(r -> r.streamName(name).shardId(ZERO)
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(lateArrival)).shardIterator();
            String fromJustBefore = c.getShardIterator(r -> r.streamName(name).shardId(ZERO)
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(lateArrival.minusMillis(1))).shardIterator();
            String fromBeforeBoth = c.getShardIterator(r -> r.streamName(name).shardId(ZERO)
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(all.get(0).approximateArrivalTimestamp())).shardIterator();

            assertThat(Duration.between(all.get(0).approximateArrivalTimestamp(), lateArrival)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(dataOf(c.getRecords(r -> r.shardIterator(fromLate)))).containsExactly("late");
            assertThat(dataOf(c.getRecords(r -> r.shardIterator(fromJustBefore)))).containsExactly("late");
            assertThat(dataOf(c.getRecords(r -> r.shardIterator(fromBeforeBoth)))).containsExactly("early", "late");
            InvalidArgumentException future = catchThrowableOfType(InvalidArgumentException.class,
                    () -> c.getShardIterator(r -> r.streamName(name).shardId(ZERO)
                            .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(Instant.now().plus(Duration.ofDays(1)))));
            assertThat(future.awsErrorDetails().errorMessage()).contains("Timestamp");
        }
    }

    @Test
    void anIteratorExpiresAfterFiveMinutes() throws Exception {
        try (OwnServer own = ownServer()) {
            KinesisClient c = own.client();
            String name = createStream(c, "expiry", 1);
            put(c, name, "k", "r1");
            String old = iterator(c, name, ZERO, ShardIteratorType.TRIM_HORIZON);
            own.kinesis().advanceClock(Duration.ofMinutes(4));
            String fourMinutesOld = iterator(c, name, ZERO, ShardIteratorType.TRIM_HORIZON);
            assertThat(dataOf(c.getRecords(r -> r.shardIterator(old)))).as("4 minutes old").containsExactly("r1");

            own.kinesis().advanceClock(Duration.ofMinutes(1).plusSeconds(1));

            ExpiredIteratorException expired = catchThrowableOfType(ExpiredIteratorException.class,
                    () -> c.getRecords(r -> r.shardIterator(old)));
            assertThat(expired.statusCode()).isEqualTo(400);
            assertThat(expired.awsErrorDetails().errorMessage()).startsWith("Iterator expired.")
                    .contains("tolerated delay of 300000 milliseconds");
            assertThat(dataOf(c.getRecords(r -> r.shardIterator(fourMinutesOld)))).as("1 minute old").containsExactly("r1");
        }
    }

    @Test
    void aShardIteratorThatIsNotOneIsAnInvalidArgument() {
        InvalidArgumentException invalid = catchThrowableOfType(InvalidArgumentException.class,
                () -> client.getRecords(r -> r.shardIterator("not-an-iterator")));

        assertThat(invalid.awsErrorDetails().errorMessage()).isEqualTo("Invalid ShardIterator.");
    }

    @Test
    void aMissingShardIsResourceNotFound() {
        String name = createStream("one-shard", 1);

        ResourceNotFoundException notFound = catchThrowableOfType(ResourceNotFoundException.class,
                () -> iterator(name, "shardId-000000000009", ShardIteratorType.TRIM_HORIZON));

        assertThat(notFound.awsErrorDetails().errorMessage())
                .isEqualTo("Shard shardId-000000000009 in stream " + name + " under account " + ACCOUNT + " does not exist");
    }

    // ---- validation: the member is named

    @Test
    void aMissingOrMalformedMemberIsAValidationErrorThatNamesIt() {
        String name = createStream("validation", 1);

        ValidationException noKey = catchThrowableOfType(ValidationException.class,
                () -> client.putRecord(r -> r.streamName(name).data(SdkBytes.fromUtf8String("x"))));
        ValidationException noData = catchThrowableOfType(ValidationException.class,
                () -> client.putRecord(r -> r.streamName(name).partitionKey("k")));
        ValidationException longKey = catchThrowableOfType(ValidationException.class,
                () -> put(name, "k".repeat(257), "x"));
        ValidationException secondRecord = catchThrowableOfType(ValidationException.class,
                () -> client.putRecords(r -> r.streamName(name).records(
                        PutRecordsRequestEntry.builder().partitionKey("k").data(SdkBytes.fromUtf8String("1")).build(),
                        PutRecordsRequestEntry.builder().data(SdkBytes.fromUtf8String("2")).build())));
        ValidationException badName = catchThrowableOfType(ValidationException.class,
                () -> client.createStream(r -> r.streamName("no spaces!").shardCount(1)));
        ValidationException noShards = catchThrowableOfType(ValidationException.class,
                () -> client.createStream(r -> r.streamName(uniqueName("zero")).shardCount(0)));
        ValidationException bigLimit = catchThrowableOfType(ValidationException.class,
                () -> client.getRecords(r -> r.shardIterator(iterator(name, ZERO, ShardIteratorType.LATEST)).limit(10_001)));

        assertThat(noKey.awsErrorDetails().errorMessage()).isEqualTo(
                "1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: Member must not be null");
        assertThat(noData.awsErrorDetails().errorMessage()).contains("at 'data'").contains("must not be null");
        assertThat(longKey.awsErrorDetails().errorMessage()).contains("at 'partitionKey'").contains("less than or equal to 256");
        assertThat(secondRecord.awsErrorDetails().errorMessage()).contains("at 'records.2.member.partitionKey'");
        assertThat(badName.awsErrorDetails().errorMessage()).contains("'no spaces!' at 'streamName'").contains("[a-zA-Z0-9_.-]+");
        assertThat(noShards.awsErrorDetails().errorMessage()).contains("'0' at 'shardCount'").contains("greater than or equal to 1");
        assertThat(bigLimit.awsErrorDetails().errorMessage()).contains("'10001' at 'limit'").contains("less than or equal to 10000");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(client.getRecords(r -> r.shardIterator(iterator(name, ZERO, ShardIteratorType.TRIM_HORIZON))).records())
                .as("no invalid PutRecords stored anything").isEmpty();
    }

    @Test
    void aCallWithNeitherStreamNameNorArnIsAnInvalidArgument() {
        InvalidArgumentException invalid = catchThrowableOfType(InvalidArgumentException.class,
                () -> client.describeStreamSummary(r -> { }));

        assertThat(invalid.awsErrorDetails().errorMessage()).contains("StreamName").contains("StreamARN");
    }
}
