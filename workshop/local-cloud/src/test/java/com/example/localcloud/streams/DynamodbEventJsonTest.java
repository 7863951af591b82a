package com.example.localcloud.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.example.localcloud.iam.DynamoDbPermissions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** DynamoDB Streams records -> the DynamodbEvent a subscribed function receives, and its answer back. */
class DynamodbEventJsonTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts/stream/"
            + DynamoDbPermissions.LOCAL_STREAM_LABEL;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aModifyIsInAwssShape() throws Exception {
        JsonNode event = JSON.readTree(DynamodbEventJson.event(List.of(modify("7")), "us-east-1", ARN));

        JsonNode record = event.path("Records").get(0);
        assertThat(record.path("eventID").asText()).isEqualTo("id-7");
        assertThat(record.path("eventName").asText()).isEqualTo("MODIFY");
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo(ARN);
        JsonNode change = record.path("dynamodb");
        assertThat(change.path("ApproximateCreationDateTime").asLong()).isEqualTo(1_795_430_400L);
        assertThat(change.path("Keys").toString()).isEqualTo("{\"PK\":{\"S\":\"USER#alice\"}}");
        assertThat(change.path("NewImage").path("firstName").path("S").asText()).isEqualTo("Alicia");
        assertThat(change.path("OldImage").path("firstName").path("S").asText()).isEqualTo("Alice");
        assertThat(change.path("SequenceNumber").asText()).isEqualTo("7");
        assertThat(change.path("SizeBytes").asLong()).isEqualTo(42);
        assertThat(change.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void everyAttributeTypeIsWrittenAsDynamoDbJson() {
        Map<String, AttributeValue> item = Map.of(
                "n", AttributeValue.fromN("1.5"),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                "bool", AttributeValue.fromBool(true),
                "null", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1")),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))),
                "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))));

        JsonNode json = DynamodbEventJson.item(item);

        assertThat(json.path("n").toString()).isEqualTo("{\"N\":\"1.5\"}");
        assertThat(json.path("b").toString()).isEqualTo("{\"B\":\"aGk=\"}");
        assertThat(json.path("bool").toString()).isEqualTo("{\"BOOL\":true}");
        assertThat(json.path("null").toString()).isEqualTo("{\"NULL\":true}");
        assertThat(json.path("ss").toString()).isEqualTo("{\"SS\":[\"a\",\"b\"]}");
        assertThat(json.path("ns").toString()).isEqualTo("{\"NS\":[\"1\"]}");
        assertThat(json.path("l").toString()).isEqualTo("{\"L\":[{\"S\":\"x\"}]}");
        assertThat(json.path("m").toString()).isEqualTo("{\"M\":{\"k\":{\"S\":\"v\"}}}");
    }

    /** What the function's runtime makes of it: Amazon's own DynamodbEvent deserializer. */
    @Test
    void lambdasSerializerReadsTheEvent() {
        byte[] json = DynamodbEventJson.event(List.of(modify("7"), remove("8")), "us-east-1", ARN);
        PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                getClass().getClassLoader());

        DynamodbEvent event = serializer.fromJson(new ByteArrayInputStream(json));

        assertThat(event.getRecords()).hasSize(2);
        DynamodbEvent.DynamodbStreamRecord first = event.getRecords().get(0);
        assertThat(first.getEventName()).isEqualTo("MODIFY");
        assertThat(first.getEventSourceARN()).isEqualTo(ARN);
        assertThat(first.getDynamodb().getSequenceNumber()).isEqualTo("7");
        assertThat(first.getDynamodb().getNewImage().get("firstName").getS()).isEqualTo("Alicia");
        assertThat(first.getDynamodb().getKeys().get("PK").getS()).isEqualTo("USER#alice");
        DynamodbEvent.DynamodbStreamRecord second = event.getRecords().get(1);
        assertThat(second.getEventName()).isEqualTo("REMOVE");
        assertThat(second.getDynamodb().getNewImage()).isNull();
        assertThat(second.getDynamodb().getOldImage().get("firstName").getS()).isEqualTo("Alicia");
    }

    @Test
    void batchItemFailuresAreRead() {
        assertThat(BatchItemFailures.read(bytes("{\"batchItemFailures\":[]}"))).isEmpty();
        assertThat(BatchItemFailures.read(bytes("{\"batchItemFailures\":[{\"itemIdentifier\":\"8\"}]}")))
                .containsExactly(Optional.of("8"));
        assertThat(BatchItemFailures.read(bytes("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")))
                .containsExactly(Optional.empty());
        assertThat(BatchItemFailures.read(bytes("null"))).isEmpty();
        assertThat(BatchItemFailures.read(new byte[0])).isEmpty();
    }

    @Test
    void aRetryStartsAtTheLowestFailedRecord() {
        List<Record> batch = List.of(modify("7"), modify("8"), modify("9"), modify("10"));

        assertThat(retryFrom(batch, List.of())).isEmpty();
        assertThat(retryFrom(batch, List.of(Optional.of("10"), Optional.of("8"))))
                .extracting(record -> record.dynamodb().sequenceNumber()).containsExactly("8", "9", "10");
        assertThat(retryFrom(batch, List.of(Optional.empty()))).isEqualTo(batch);
        assertThat(retryFrom(batch, List.of(Optional.of("99")))).isEqualTo(batch);
        assertThat(retryFrom(batch, List.of(Optional.of("not-a-number")))).isEqualTo(batch);
    }

    /** A failure without an identifier retries the whole batch, as on AWS, and the log says why (AWS's does not). */
    @Test
    void aFailureWithoutAnIdentifierIsSaidWhenTheBatchIsDeliveredAgain() {
        assertThat(ShardPoller.reported(List.of(Optional.of("8")))).isEqualTo("the function reported failed records");
        assertThat(ShardPoller.reported(List.of(Optional.empty()))).startsWith("the function reported failed records")
                .contains("without an itemIdentifier").contains("fails the whole batch");
    }

    private static List<Record> retryFrom(List<Record> batch, List<Optional<String>> failures) {
        return ShardPoller.retryFrom(batch, failures, record -> record.dynamodb().sequenceNumber());
    }

    @Test
    void dynamoDbLocalsStreamArnIsReadAsTheLocalDeployments() {
        DynamoDbPermissions permissions = new DynamoDbPermissions("us-east-1", "000000000000");
        String local = "arn:aws:dynamodb:ddblocal:000000000000:table/accounts/stream/2026-11-23T10:41:27.445";

        assertThat(permissions.streamArn(local, "us-east-1")).isEqualTo(ARN);
        assertThat(permissions.required("DynamoDBStreams_20120810.GetShardIterator", null,
                bytes("{\"StreamArn\":\"" + local + "\",\"ShardId\":\"s\"}")))
                .extracting(p -> p.action() + " " + p.resourceArn()).containsExactly("dynamodb:GetShardIterator " + ARN);
        assertThat(permissions.required("DynamoDBStreams_20120810.GetRecords", null,
                bytes("{\"ShardIterator\":\"" + local + "|001|c2hhcmQ=\"}")))
                .extracting(p -> p.action() + " " + p.resourceArn()).containsExactly("dynamodb:GetRecords " + ARN);
    }

    private static Record modify(String sequenceNumber) {
        return Record.builder().eventID("id-" + sequenceNumber).eventName("MODIFY").eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion("ddblocal")
                .dynamodb(StreamRecord.builder()
                        .approximateCreationDateTime(Instant.ofEpochSecond(1_795_430_400L))
                        .keys(Map.of("PK", AttributeValue.fromS("USER#alice")))
                        .newImage(Map.of("PK", AttributeValue.fromS("USER#alice"), "firstName", AttributeValue.fromS("Alicia")))
                        .oldImage(Map.of("PK", AttributeValue.fromS("USER#alice"), "firstName", AttributeValue.fromS("Alice")))
                        .sequenceNumber(sequenceNumber).sizeBytes(42L).streamViewType("NEW_AND_OLD_IMAGES").build())
                .build();
    }

    private static Record remove(String sequenceNumber) {
        Record modify = modify(sequenceNumber);
        return modify.toBuilder().eventName("REMOVE").dynamodb(modify.dynamodb().toBuilder()
                .newImage((Map<String, AttributeValue>) null)
                .oldImage(Map.of("PK", AttributeValue.fromS("USER#alice"), "firstName", AttributeValue.fromS("Alicia"))).build())
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
