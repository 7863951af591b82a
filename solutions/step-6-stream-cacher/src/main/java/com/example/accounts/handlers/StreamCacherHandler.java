package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.example.accounts.Dependencies;
import com.example.accounts.service.StreamCacher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's DynamoDB stream -> the cache. Each INSERT or MODIFY caches the item as it now
 * is; each REMOVE caches its "not found".
 *
 * <p>Records come in order, per item. When one fails, this stops and reports it in
 * {@code batchItemFailures} (serverless.yml: {@code functionResponseType: ReportBatchItemFailures}):
 * Lambda then delivers the batch again from that record on, so no change is skipped (while the
 * stream holds it: 24 hours) and none is applied out of order.
 */
public class StreamCacherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCacherHandler.class);

    private final StreamCacher cacher;

    public StreamCacherHandler() {
        this(Dependencies.streamCacher());
    }

    public StreamCacherHandler(StreamCacher cacher) {
        this.cacher = cacher;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbStreamRecord record : event.getRecords()) {
            try {
                apply(record);
            } catch (RuntimeException e) {
                String sequenceNumber = record.getDynamodb().getSequenceNumber();
                LOG.warn("Stream record {} ({}) not applied, Lambda will retry from it: {}",
                        sequenceNumber, record.getEventName(), e.toString());
                return new StreamsEventResponse(List.of(new BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of()); // the whole batch is done
    }

    private void apply(DynamodbStreamRecord record) {
        switch (record.getEventName()) {
            case "INSERT", "MODIFY" -> cacher.itemWritten(strings(record.getDynamodb().getNewImage()));
            case "REMOVE" -> cacher.itemRemoved(strings(record.getDynamodb().getKeys()));
            default -> LOG.warn("Stream record {} has an unknown event name {}, skipped",
                    record.getDynamodb().getSequenceNumber(), record.getEventName());
        }
    }

    /** The string attributes of an image (all the attributes this service writes are strings). */
    private static Map<String, String> strings(Map<String, AttributeValue> image) {
        Map<String, String> strings = new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> {
                if (value != null && value.getS() != null) {
                    strings.put(name, value.getS());
                }
            });
        }
        return strings;
    }
}
