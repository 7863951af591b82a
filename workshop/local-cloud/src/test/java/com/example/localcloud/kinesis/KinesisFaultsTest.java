package com.example.localcloud.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.localcloud.awsjson.WireFormat;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.Decision;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Injected faults, seen through the real SDK: the errors AWS answers under load, and what the SDK does with them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KinesisFaultsTest {

    private static final String ACCOUNT = "000000000000";
    private static final String SHARD = "shardId-000000000000";

    private final KinesisClients.SeenContentTypes seen = new KinesisClients.SeenContentTypes();
    private LocalKinesis kinesis;

    @BeforeAll
    void start() throws Exception {
        // AKIDDENIED may do nothing; every other key everything
        AccessCheck iam = (key, action, arn) -> "AKIDDENIED".equals(key)
                ? new Decision(Decision.Outcome.IMPLICIT_DENY, "arn:aws:sts::" + ACCOUNT + ":assumed-role/r/f", action, arn)
                : Decision.allowed("arn:aws:iam::" + ACCOUNT + ":root", action, arn);
        kinesis = LocalKinesis.start("us-east-1", ACCOUNT, iam);
    }

    @AfterAll
    void stop() {
        kinesis.close();
    }

    @AfterEach
    void clearFaults() {
        kinesis.faults().clear();
    }

    private KinesisClient noRetries(WireFormat format) {
        return KinesisClients.forEndpoint(kinesis.endpoint(), "AKIDFAULTS", format, seen);
    }

    private static String newStream(LocalKinesis kinesis) {
        String name = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        kinesis.createStream(name, 1);
        return name;
    }

    private static String trimHorizon(KinesisClient client, String stream) {
        return client.getShardIterator(r -> r.streamName(stream).shardId(SHARD).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void throttledGetRecordsIsProvisionedThroughputExceededAndMovesNothing(WireFormat format) {
        String stream = newStream(kinesis);
        try (KinesisClient client = noRetries(format)) {
            client.putRecord(r -> r.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String("r1")));
            String iterator = trimHorizon(client, stream);
            kinesis.faults().add("GetRecords", KinesisFaults.Kind.PROVISIONED_THROUGHPUT_EXCEEDED, 1);

            ProvisionedThroughputExceededException throttled = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                    () -> client.getRecords(r -> r.shardIterator(iterator)));

            assertThat(throttled.statusCode()).isEqualTo(400);
            assertThat(throttled.isThrottlingException()).isTrue();
            assertThat(throttled.awsErrorDetails().errorMessage())
                    .isEqualTo("Rate exceeded for shard " + SHARD + " in stream " + stream + " under account " + ACCOUNT + ".");
            // one time only, and the same iterator still reads from where it was
            assertThat(client.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(1);
        }
    }

    @Test
    void theSdkRetriesThrottlingUntilTheFaultRunsOut() {
        String stream = newStream(kinesis);
        try (KinesisClient retrying = KinesisClients.withDefaultRetries(kinesis.endpoint(), "AKIDFAULTS", WireFormat.CBOR, seen)) {
            kinesis.faults().add("PutRecord", KinesisFaults.Kind.PROVISIONED_THROUGHPUT_EXCEEDED, 2);
            int before = seen.requests.size();

            String sequenceNumber = retrying.putRecord(r -> r.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String("r1")))
                    .sequenceNumber();

            assertThat(sequenceNumber).isNotBlank();
            assertThat(seen.requests.size() - before).as("two throttled attempts, then the one that worked").isEqualTo(3);
            assertThat(retrying.getRecords(r -> r.shardIterator(trimHorizon(retrying, stream))).records()).hasSize(1);
        }
    }

    @Test
    void aFaultUntilClearedFailsEveryCallOfThatOperationOnly() {
        String stream = newStream(kinesis);
        try (KinesisClient client = noRetries(WireFormat.JSON)) {
            kinesis.faults().add("PutRecords", KinesisFaults.Kind.PROVISIONED_THROUGHPUT_EXCEEDED, -1);

            for (int i = 0; i < 3; i++) {
                assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class,
                        () -> client.putRecords(r -> r.streamName(stream).records(e -> e.partitionKey("k").data(SdkBytes.fromUtf8String("x"))))))
                        .as("call " + i).isNotNull();
            }
            client.putRecord(r -> r.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String("single")));
            kinesis.faults().clear();
            client.putRecords(r -> r.streamName(stream).records(e -> e.partitionKey("k").data(SdkBytes.fromUtf8String("batch"))));

            assertThat(client.getRecords(r -> r.shardIterator(trimHorizon(client, stream))).records())
                    .extracting(record -> record.data().asUtf8String()).containsExactly("single", "batch");
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void anInternalFailureIsAServerError(WireFormat format) {
        String stream = newStream(kinesis);
        try (KinesisClient client = noRetries(format)) {
            kinesis.faults().add("DescribeStreamSummary", KinesisFaults.Kind.INTERNAL_FAILURE, 1);

            KinesisException failed = catchThrowableOfType(KinesisException.class,
                    () -> client.describeStreamSummary(r -> r.streamName(stream)));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
            assertThat(failed.awsErrorDetails().errorMessage()).isEqualTo("Internal service failure.");
            assertThat(client.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamName()).isEqualTo(stream);
        }
    }

    @Test
    void aDeniedCallIsNotCountedAsAFault() {
        String stream = newStream(kinesis);
        try (KinesisClient denied = KinesisClients.forEndpoint(kinesis.endpoint(), "AKIDDENIED", WireFormat.CBOR, seen);
             KinesisClient client = noRetries(WireFormat.CBOR)) {
            kinesis.faults().add("DescribeStreamSummary", KinesisFaults.Kind.INTERNAL_FAILURE, 1);

            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> denied.describeStreamSummary(r -> r.streamName(stream))))
                    .isNotNull();

            assertThat(catchThrowableOfType(KinesisException.class, () -> client.describeStreamSummary(r -> r.streamName(stream))).statusCode())
                    .isEqualTo(500);
        }
    }

    @Test
    void aDelaySlowsEveryCall() {
        String stream = newStream(kinesis);
        try (KinesisClient client = noRetries(WireFormat.CBOR)) {
            kinesis.faults().delayEveryCall(Duration.ofMillis(200));
            long started = System.nanoTime();

            client.describeStreamSummary(r -> r.streamName(stream));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }
}
