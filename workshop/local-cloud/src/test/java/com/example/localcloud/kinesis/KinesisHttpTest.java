package com.example.localcloud.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.iam.AccessCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The wire itself, without the SDK: what goes over HTTP in each format. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KinesisHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new CBORMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalKinesis kinesis;

    @BeforeAll
    void start() throws Exception {
        kinesis = LocalKinesis.start("us-east-1", "000000000000", AccessCheck.allowAll());
        kinesis.createStream("wire-cbor", 1);
        kinesis.createStream("wire-json", 1);
    }

    @AfterAll
    void stop() {
        kinesis.close();
    }

    private HttpResponse<byte[]> post(String target, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(kinesis.endpoint() + "/"))
                .header("Content-Type", contentType)
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anUnknownOperationIsUnknownOperationException() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.SplitShard", "application/x-amz-json-1.1", "{}".getBytes());

        JsonNode error = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(error.path("message").asText()).contains("SplitShard");
    }

    @Test
    void aCborRequestIsAnsweredInCborWithDataAsAByteStringAndTimeInMillis() throws Exception {
        byte[] data = {0, 1, 2, (byte) 0xff};
        post("Kinesis_20131202.PutRecord", "application/x-amz-cbor-1.1",
                CBOR.writeValueAsBytes(Map.of("StreamName", "wire-cbor", "PartitionKey", "k", "Data", data)));
        HttpResponse<byte[]> iterator = post("Kinesis_20131202.GetShardIterator", "application/x-amz-cbor-1.1",
                CBOR.writeValueAsBytes(Map.of("StreamName", "wire-cbor", "ShardId", "shardId-000000000000", "ShardIteratorType", "TRIM_HORIZON")));

        HttpResponse<byte[]> records = post("Kinesis_20131202.GetRecords", "application/x-amz-cbor-1.1",
                CBOR.writeValueAsBytes(Map.of("ShardIterator", CBOR.readTree(iterator.body()).path("ShardIterator").asText())));

        assertThat(records.headers().firstValue("Content-Type")).hasValue("application/x-amz-cbor-1.1");
        JsonNode record = CBOR.readTree(records.body()).path("Records").path(0);
        assertThat(record.path("Data").isBinary()).isTrue();
        assertThat(record.path("Data").binaryValue()).isEqualTo(data);
        assertThat(record.path("ApproximateArrivalTimestamp").isIntegralNumber()).as("epoch millis").isTrue();
        assertThat(record.path("ApproximateArrivalTimestamp").longValue()).isCloseTo(System.currentTimeMillis(),
                Offset.offset(60_000L));
    }

    @Test
    void aJsonRequestIsAnsweredInJsonWithDataInBase64AndTimeInSeconds() throws Exception {
        post("Kinesis_20131202.PutRecord", "application/x-amz-json-1.1",
                "{\"StreamName\":\"wire-json\",\"PartitionKey\":\"k\",\"Data\":\"aGVsbG8=\"}".getBytes());
        HttpResponse<byte[]> iterator = post("Kinesis_20131202.GetShardIterator", "application/x-amz-json-1.1",
                "{\"StreamName\":\"wire-json\",\"ShardId\":\"shardId-000000000000\",\"ShardIteratorType\":\"LATEST\"}".getBytes());
        post("Kinesis_20131202.PutRecord", "application/x-amz-json-1.1",
                "{\"StreamName\":\"wire-json\",\"PartitionKey\":\"k\",\"Data\":\"d29ybGQ=\"}".getBytes());

        HttpResponse<byte[]> records = post("Kinesis_20131202.GetRecords", "application/x-amz-json-1.1",
                JSON.writeValueAsBytes(Map.of("ShardIterator", JSON.readTree(iterator.body()).path("ShardIterator").asText())));

        assertThat(records.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        JsonNode record = JSON.readTree(records.body()).path("Records").path(0);
        assertThat(record.path("Data").asText()).isEqualTo("d29ybGQ=");
        assertThat(record.path("ApproximateArrivalTimestamp").doubleValue()).as("epoch seconds")
                .isCloseTo(System.currentTimeMillis() / 1000.0, Offset.offset(60.0));
    }

    @Test
    void anErrorToACborRequestIsCborToo() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.DescribeStream", "application/x-amz-cbor-1.1",
                CBOR.writeValueAsBytes(Map.of("StreamName", "missing")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-cbor-1.1");
        JsonNode error = CBOR.readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(error.path("message").asText()).isEqualTo("Stream missing under account 000000000000 not found.");
    }

    @Test
    void aBodyThatIsNotInItsFormatIsASerializationError() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.ListStreams", "application/x-amz-json-1.1", "{not json".getBytes());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("SerializationException");
    }
}
