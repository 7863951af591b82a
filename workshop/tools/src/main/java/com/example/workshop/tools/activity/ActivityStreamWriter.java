package com.example.workshop.tools.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts activity events on a Kinesis stream with PutRecords, 500 at a time (the API's limit).
 * PutRecords can succeed as a call while some of its records fail (a throttled shard): those are
 * put again, a few times, before giving up.
 */
public final class ActivityStreamWriter {
    static final int MAX_RECORDS_PER_CALL = 500;
    private static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KinesisClient kinesis;
    private final String streamName;
    private int stored;

    public ActivityStreamWriter(KinesisClient kinesis, String streamName) {
        this.kinesis = kinesis;
        this.streamName = streamName;
    }

    /** How many events Kinesis has stored so far: after a failure, how many went in before it. */
    public int stored() {
        return stored;
    }

    /** Puts every event, the username as partition key (one user's events stay in order). */
    public void put(List<ActivityEvent> events) throws InterruptedException {
        for (int start = 0; start < events.size(); start += MAX_RECORDS_PER_CALL) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (ActivityEvent event : events.subList(start, Math.min(events.size(), start + MAX_RECORDS_PER_CALL))) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey(event.username()).data(json(event)).build());
            }
            putAll(entries);
        }
    }

    private void putAll(List<PutRecordsRequestEntry> entries) throws InterruptedException {
        List<PutRecordsRequestEntry> remaining = entries;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            List<PutRecordsRequestEntry> batch = remaining;
            PutRecordsResponse response = kinesis.putRecords(request -> request.streamName(streamName).records(batch));
            remaining = failed(batch, response.records());
            stored += batch.size() - remaining.size();
            if (!remaining.isEmpty()) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(remaining.size() + " records still failed after " + ATTEMPTS
                            + " attempts, e.g. " + firstError(response.records()));
                }
                Thread.sleep(100L << attempt);
            }
        }
    }

    /** The entries whose result carries an error code, in order (Kinesis answers in request order). */
    private static List<PutRecordsRequestEntry> failed(List<PutRecordsRequestEntry> sent, List<PutRecordsResultEntry> results) {
        List<PutRecordsRequestEntry> failed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (results.get(i).errorCode() != null) {
                failed.add(sent.get(i));
            }
        }
        return failed;
    }

    private static String firstError(List<PutRecordsResultEntry> results) {
        return results.stream().filter(result -> result.errorCode() != null)
                .map(result -> result.errorCode() + ": " + result.errorMessage()).findFirst().orElse("none");
    }

    private static SdkBytes json(ActivityEvent event) {
        try {
            return SdkBytes.fromByteArray(JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event + " as JSON", e);
        }
    }
}
