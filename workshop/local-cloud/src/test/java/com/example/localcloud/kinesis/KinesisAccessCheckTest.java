package com.example.localcloud.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.localcloud.awsjson.WireFormat;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.FunctionPolicies;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The endpoint's authorization hook, seen through the real SDK in both wire formats: every call
 * asks about {@code kinesis:<Operation>} on the stream's ARN, and a denial comes back as AWS's
 * AccessDeniedException, which the SDK raises as its typed exception.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KinesisAccessCheckTest {

    private static final String ACCOUNT = "000000000000";
    private static final String STREAM = "orders";
    private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + STREAM;
    private static final String ROLE = "orders-dev-us-east-1-lambdaRole";

    /** Every question the endpoint asked: access key id, action, resource. */
    private final List<List<String>> asked = new CopyOnWriteArrayList<>();
    private final KinesisClients.SeenContentTypes seen = new KinesisClients.SeenContentTypes();
    private LocalKinesis kinesis;

    @BeforeAll
    void start() throws Exception {
        AccessCheck functions = FunctionPolicies.builder(ACCOUNT)
                .function("AKIDPRODUCER", "orders-dev-placeOrder", ROLE, List.of(
                        Map.of("Effect", "Allow", "Action", List.of("kinesis:PutRecord", "kinesis:PutRecords"), "Resource", STREAM_ARN)))
                .function("AKIDCONSUMER", "orders-dev-shipOrder", ROLE, List.of(
                        Map.of("Effect", "Allow", "Action", List.of("kinesis:GetShardIterator", "kinesis:GetRecords",
                                "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:ListStreams"), "Resource", "*"),
                        Map.of("Effect", "Deny", "Action", "kinesis:GetRecords", "Resource", STREAM_ARN + "-archive")))
                .unrestricted("AKIDADMIN", "arn:aws:iam::" + ACCOUNT + ":root")
                .build();
        AccessCheck recording = (accessKeyId, action, resourceArn) -> {
            asked.add(List.of(String.valueOf(accessKeyId), action, resourceArn));
            return functions.check(accessKeyId, action, resourceArn);
        };
        kinesis = LocalKinesis.start("us-east-1", ACCOUNT, recording);
        kinesis.createStream(STREAM, 1);
        kinesis.createStream(STREAM + "-archive", 1);
    }

    @AfterAll
    void stop() {
        kinesis.close();
    }

    @BeforeEach
    void forgetEarlierQuestions() {
        asked.clear();
    }

    private KinesisClient clientFor(String accessKeyId, WireFormat format) {
        return KinesisClients.forEndpoint(kinesis.endpoint(), accessKeyId, format, seen);
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void aProducerMayPutButNotRead(WireFormat format) {
        try (KinesisClient producer = clientFor("AKIDPRODUCER", format)) {
            String sequenceNumber = producer.putRecord(r -> r.streamName(STREAM).partitionKey("o-1").data(SdkBytes.fromUtf8String("{}")))
                    .sequenceNumber();

            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> producer.getShardIterator(r -> r.streamName(STREAM).shardId("shardId-000000000000")
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)));

            assertThat(sequenceNumber).matches("\\d{56}");
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + ROLE
                    + "/orders-dev-placeOrder is not authorized to perform: kinesis:GetShardIterator on resource: " + STREAM_ARN
                    + " because no identity-based policy allows the kinesis:GetShardIterator action");
        }
        assertThat(asked).containsExactly(
                List.of("AKIDPRODUCER", "kinesis:PutRecord", STREAM_ARN),
                List.of("AKIDPRODUCER", "kinesis:GetShardIterator", STREAM_ARN));
        assertThat(seen.responses).last().isEqualTo(format.contentType());
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void anExplicitDenyWinsOverTheConsumersWiderAllow(WireFormat format) {
        try (KinesisClient consumer = clientFor("AKIDCONSUMER", format)) {
            String archive = consumer.getShardIterator(r -> r.streamName(STREAM + "-archive").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> consumer.getRecords(r -> r.shardIterator(archive)));

            assertThat(denied.awsErrorDetails().errorMessage()).endsWith(
                    "kinesis:GetRecords on resource: " + STREAM_ARN + "-archive with an explicit deny in an identity-based policy");
        }
    }

    @Test
    void aConsumerIsAskedAboutTheStreamWhateverNamesIt() {
        try (KinesisClient consumer = clientFor("AKIDCONSUMER", WireFormat.CBOR)) {
            consumer.describeStreamSummary(r -> r.streamName(STREAM));
            consumer.describeStreamSummary(r -> r.streamARN(STREAM_ARN));
            String iterator = consumer.getShardIterator(r -> r.streamARN(STREAM_ARN).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
            consumer.getRecords(r -> r.shardIterator(iterator));
            consumer.listStreams();
        }
        assertThat(asked).containsExactly(
                List.of("AKIDCONSUMER", "kinesis:DescribeStreamSummary", STREAM_ARN),
                List.of("AKIDCONSUMER", "kinesis:DescribeStreamSummary", STREAM_ARN),
                List.of("AKIDCONSUMER", "kinesis:GetShardIterator", STREAM_ARN),
                List.of("AKIDCONSUMER", "kinesis:GetRecords", STREAM_ARN),
                List.of("AKIDCONSUMER", "kinesis:ListStreams", "*"));
    }

    @Test
    void creatingAStreamIsAuthorizedOnTheArnItWillHave() {
        try (KinesisClient admin = clientFor("AKIDADMIN", WireFormat.JSON);
             KinesisClient consumer = clientFor("AKIDCONSUMER", WireFormat.JSON)) {
            admin.createStream(r -> r.streamName("created-by-admin").shardCount(1));
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> consumer.createStream(r -> r.streamName("created-by-consumer").shardCount(1)));
            assertThat(denied).isNotNull();
        }
        assertThat(asked).containsExactly(
                List.of("AKIDADMIN", "kinesis:CreateStream", "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/created-by-admin"),
                List.of("AKIDCONSUMER", "kinesis:CreateStream", "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/created-by-consumer"));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void anUnknownAccessKeyIsAnUnrecognizedClient(WireFormat format) {
        try (KinesisClient stranger = clientFor("AKIDSTRANGER", format)) {
            KinesisException rejected = catchThrowableOfType(KinesisException.class, () -> stranger.listStreams());

            assertThat(rejected.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(rejected.statusCode()).isEqualTo(400);
            assertThat(rejected.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void aDeniedCallChangesNothing() {
        try (KinesisClient consumer = clientFor("AKIDCONSUMER", WireFormat.CBOR);
             KinesisClient admin = clientFor("AKIDADMIN", WireFormat.CBOR)) {
            String latest = admin.getShardIterator(r -> r.streamName(STREAM).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();

            catchThrowableOfType(AccessDeniedException.class,
                    () -> consumer.putRecord(r -> r.streamName(STREAM).partitionKey("o-2").data(SdkBytes.fromUtf8String("stolen"))));

            assertThat(admin.getRecords(r -> r.shardIterator(latest)).records()).isEmpty();
        }
    }
}
