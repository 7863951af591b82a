package com.example.localcloud.streams;

import com.example.localcloud.config.StreamEvent;

/**
 * A function subscribed to a stream (in AWS: an event source mapping).
 *
 * @param functionName the key under {@code functions:}
 * @param event        the {@code stream} event of serverless.yml
 * @param region       the local deployment's region (the events' {@code awsRegion})
 */
public record StreamSubscription(String functionName, StreamEvent event, String region) {

    /** The table of a DynamoDB stream ARN ({@code ...:table/<name>/stream/<label>}). */
    public String tableName() {
        String arn = event.arn();
        int start = arn.indexOf(":table/") + ":table/".length();
        int end = arn.indexOf("/stream/");
        return start < ":table/".length() || end < start ? null : arn.substring(start, end);
    }

    /** For the banner: {@code streamCacher <- AccountsTable's stream (batch 100, LATEST)}. */
    public String describe() {
        return functionName + " <- " + event.type() + " stream of " + tableName() + " (batch " + event.batchSize() + ", "
                + event.startingPosition() + (event.reportBatchItemFailures() ? ", ReportBatchItemFailures" : "") + ")";
    }

    @Override
    public String toString() {
        return functionName + " <- " + event.arn();
    }
}
