package com.example.accounts;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Kinesis events, built the way Lambda delivers a batch of records of a stream's shard. */
public final class KinesisEvents {
    public static final String OCCURRED_AT = "2026-11-23T10:15:30Z";
    private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/activity";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sequence numbers grow along a shard (real ones have 56 digits). */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private KinesisEvents() {
    }

    public static KinesisEvent batch(KinesisEventRecord... records) {
        return batch(List.of(records));
    }

    public static KinesisEvent batch(List<KinesisEventRecord> records) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    /** The record of an activity event, with the username as partition key, as the producers send it. */
    public static KinesisEventRecord activity(String eventId, String username, String organization, String action) {
        ObjectNode event = JSON.createObjectNode()
                .put("eventId", eventId)
                .put("username", username)
                .put("organization", organization)
                .put("action", action)
                .put("occurredAt", OCCURRED_AT);
        return record(username, event.toString());
    }

    /** A record whose data is this text in UTF-8, with the shard's next sequence number. */
    public static KinesisEventRecord record(String partitionKey, String data) {
        return record(partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }

    public static KinesisEventRecord record(String partitionKey, byte[] data) {
        String sequenceNumber = String.format("49%054d", SEQUENCE.incrementAndGet());
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setKinesisSchemaVersion("1.0");
        kinesis.setPartitionKey(partitionKey);
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setData(ByteBuffer.wrap(data));
        kinesis.setApproximateArrivalTimestamp(new Date());
        KinesisEventRecord record = new KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventSource("aws:kinesis");
        record.setEventName("aws:kinesis:record");
        record.setEventVersion("1.0");
        record.setEventID("shardId-000000000000:" + sequenceNumber);
        record.setEventSourceARN(STREAM_ARN);
        record.setAwsRegion("us-east-1");
        return record;
    }
}
