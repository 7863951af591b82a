package com.example.localcloud.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Kinesis records (as GetRecords returns them) -> the event Lambda sends a function subscribed to
 * the stream ({@code KinesisEvent}).
 *
 * <pre>
 * {"Records": [{"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": "alice",
 *                           "sequenceNumber": "4959...", "data": "eyJldmVudElkIjoi...",
 *                           "approximateArrivalTimestamp": 1795430400.123},
 *   "eventSource": "aws:kinesis", "eventVersion": "1.0",
 *   "eventID": "shardId-000000000000:4959...", "eventName": "aws:kinesis:record",
 *   "invokeIdentityArn": "arn:aws:iam::000000000000:role/...", "awsRegion": "us-east-1",
 *   "eventSourceARN": "arn:aws:kinesis:us-east-1:000000000000:stream/..."}]}
 * </pre>
 */
public final class KinesisEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KinesisEventJson() {
    }

    /** The event for a batch of records of one shard, as JSON bytes. */
    public static byte[] event(List<Record> records, String shardId, String region, String streamArn, String roleArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            array.add(record(record, shardId, region, streamArn, roleArn));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a KinesisEvent", e);
        }
    }

    static ObjectNode record(Record record, String shardId, String region, String streamArn, String roleArn) {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode kinesis = json.putObject("kinesis");
        kinesis.put("kinesisSchemaVersion", "1.0");
        kinesis.put("partitionKey", record.partitionKey());
        kinesis.put("sequenceNumber", record.sequenceNumber());
        kinesis.put("data", Base64.getEncoder().encodeToString(record.data().asByteArray()));
        if (record.approximateArrivalTimestamp() != null) {
            // Seconds with a fraction, as Lambda sends it.
            kinesis.put("approximateArrivalTimestamp",
                    BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli()).movePointLeft(3));
        }
        json.put("eventSource", "aws:kinesis");
        json.put("eventVersion", "1.0");
        json.put("eventID", shardId + ":" + record.sequenceNumber());
        json.put("eventName", "aws:kinesis:record");
        json.put("invokeIdentityArn", roleArn);
        json.put("awsRegion", region);
        json.put("eventSourceARN", streamArn);
        return json;
    }
}
