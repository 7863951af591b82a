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

    public boolean isKinesis() {
        return event.type().equals("kinesis");
    }

    /** The table of a DynamoDB stream ARN ({@code ...:table/<name>/stream/<label>}), else null. */
    public String tableName() {
        String arn = event.arn();
        int start = arn.indexOf(":table/") + ":table/".length();
        int end = arn.indexOf("/stream/");
        return start < ":table/".length() || end < start ? null : arn.substring(start, end);
    }

    /** The stream of a Kinesis stream ARN ({@code arn:aws:kinesis:...:stream/<name>}), else null. */
    public String kinesisStreamName() {
        String arn = event.arn();
        int start = arn.indexOf(":stream/");
        return !arn.startsWith("arn:aws:kinesis:") || start < 0 ? null : arn.substring(start + ":stream/".length());
    }

    /** For the banner: {@code streamCacher <- dynamodb stream of AccountsTable (batch 100, LATEST)}. */
    public String describe() {
        String source = isKinesis() ? "kinesis stream " + kinesisStreamName() : "dynamodb stream of " + tableName();
        return functionName + " <- " + source + " (batch " + event.batchSize() + ", "
                + event.startingPosition() + (event.reportBatchItemFailures() ? ", ReportBatchItemFailures" : "") + ")";
    }

    @Override
    public String toString() {
        return functionName + " <- " + event.arn();
    }
}
