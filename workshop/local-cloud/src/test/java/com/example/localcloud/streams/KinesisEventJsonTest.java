package com.example.localcloud.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

/** Kinesis records -> the KinesisEvent a subscribed function receives. */
class KinesisEventJsonTest {
    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/activity";
    private static final String ROLE = "arn:aws:iam::000000000000:role/accounts-dev-us-east-1-lambdaRole";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordIsInAwssShape() throws Exception {
        JsonNode record = JSON.readTree(KinesisEventJson.event(List.of(record("49590338271490256608559692538361571095921575989136588898",
                "{\"username\":\"alice\"}")), "shardId-000000000000", "us-east-1", ARN, ROLE)).path("Records").get(0);

        assertThat(record.path("eventSource").asText()).isEqualTo("aws:kinesis");
        assertThat(record.path("eventName").asText()).isEqualTo("aws:kinesis:record");
        assertThat(record.path("eventID").asText())
                .isEqualTo("shardId-000000000000:49590338271490256608559692538361571095921575989136588898");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo(ARN);
        assertThat(record.path("invokeIdentityArn").asText()).isEqualTo(ROLE);
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        JsonNode kinesis = record.path("kinesis");
        assertThat(kinesis.path("partitionKey").asText()).isEqualTo("alice");
        assertThat(kinesis.path("data").asText()).isEqualTo("eyJ1c2VybmFtZSI6ImFsaWNlIn0="); // base64 of the JSON
        assertThat(kinesis.path("approximateArrivalTimestamp").decimalValue()).isEqualByComparingTo("1795428000.123");
    }

    /** What the function's runtime makes of it: Amazon's own KinesisEvent deserializer. */
    @Test
    void lambdasSerializerReadsTheEvent() {
        byte[] json = KinesisEventJson.event(List.of(record("7", "first"), record("8", "second")),
                "shardId-000000000000", "us-east-1", ARN, ROLE);
        PojoSerializer<KinesisEvent> serializer = LambdaEventSerializers.serializerFor(KinesisEvent.class,
                getClass().getClassLoader());

        KinesisEvent event = serializer.fromJson(new ByteArrayInputStream(json));

        assertThat(event.getRecords()).hasSize(2);
        KinesisEvent.KinesisEventRecord first = event.getRecords().get(0);
        assertThat(first.getEventSourceARN()).isEqualTo(ARN);
        assertThat(first.getKinesis().getSequenceNumber()).isEqualTo("7");
        assertThat(first.getKinesis().getPartitionKey()).isEqualTo("alice");
        assertThat(StandardCharsets.UTF_8.decode(first.getKinesis().getData()).toString()).isEqualTo("first");
        assertThat(first.getKinesis().getApproximateArrivalTimestamp().toInstant())
                .isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(StandardCharsets.UTF_8.decode(event.getRecords().get(1).getKinesis().getData()).toString()).isEqualTo("second");
    }

    private static Record record(String sequenceNumber, String data) {
        return Record.builder().sequenceNumber(sequenceNumber).partitionKey("alice")
                .data(SdkBytes.fromUtf8String(data))
                .approximateArrivalTimestamp(Instant.parse("2026-11-23T10:00:00.123Z")).build();
    }
}
