package com.example.localcloud.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * DynamoDB Streams records (as GetRecords returns them) -> the event Lambda sends a function
 * subscribed to the stream ({@code DynamodbEvent}), and the function's answer back.
 *
 * <pre>
 * {"Records": [{"eventID": "...", "eventName": "MODIFY", "eventVersion": "1.1", "eventSource": "aws:dynamodb",
 *   "awsRegion": "us-east-1",
 *   "dynamodb": {"ApproximateCreationDateTime": 1795430400, "Keys": {...}, "NewImage": {...}, "OldImage": {...},
 *                "SequenceNumber": "000000000000000000002", "SizeBytes": 15, "StreamViewType": "NEW_AND_OLD_IMAGES"},
 *   "eventSourceARN": "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/..."}]}
 * </pre>
 *
 * <p>The region and the stream ARN are the local deployment's (what serverless.yml's
 * {@code !GetAtt Table.StreamArn} gave), not DynamoDB Local's own {@code ddblocal}.
 */
public final class DynamodbEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamodbEventJson() {
    }

    /** The event for a batch of records, as JSON bytes. */
    public static byte[] event(List<Record> records, String region, String eventSourceArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            array.add(record(record, region, eventSourceArn));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a DynamodbEvent", e);
        }
    }

    static ObjectNode record(Record record, String region, String eventSourceArn) {
        ObjectNode json = JSON.createObjectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", record.eventVersion());
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", region);
        StreamRecord change = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        if (change.hasKeys()) {
            dynamodb.set("Keys", item(change.keys()));
        }
        if (change.hasNewImage()) {
            dynamodb.set("NewImage", item(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.set("OldImage", item(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        if (change.sizeBytes() != null) {
            dynamodb.put("SizeBytes", change.sizeBytes());
        }
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        json.put("eventSourceARN", eventSourceArn);
        return json;
    }

    /** An item (or key) in DynamoDB's JSON: {@code {"name": {"S": "alice"}, "age": {"N": "42"}}}. */
    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode json = JSON.createObjectNode();
        item.forEach((name, value) -> json.set(name, value(value)));
        return json;
    }

    static ObjectNode value(AttributeValue value) {
        ObjectNode json = JSON.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> value.bs().forEach(bytes -> json.withArray("BS").add(base64(bytes)));
            case L -> value.l().forEach(element -> json.withArray("L").add(value(element)));
            case M -> json.set("M", item(value.m()));
            default -> throw new IllegalArgumentException("Unknown DynamoDB attribute type in " + value);
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
