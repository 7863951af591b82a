package com.example.localcloud.config;

/**
 * A {@code stream} event of a function: Lambda polls a DynamoDB (or Kinesis) stream and invokes
 * the function with batches of its records.
 *
 * @param type                    {@code dynamodb} or {@code kinesis} (from {@code type}, else from the ARN)
 * @param arn                     the stream's ARN, CloudFormation functions resolved (what
 *                                {@code !GetAtt Table.StreamArn} gives for the local deployment)
 * @param batchSize               at most this many records per invocation
 * @param startingPosition        {@code LATEST} or {@code TRIM_HORIZON}
 * @param reportBatchItemFailures {@code functionResponseType: ReportBatchItemFailures}: the
 *                                function's {@code batchItemFailures} say where to retry from
 * @param enabled                 {@code enabled: false} keeps the mapping but stops polling
 */
public record StreamEvent(String type, String arn, int batchSize, String startingPosition,
                          boolean reportBatchItemFailures, boolean enabled) {

    /** Serverless Framework v3's default batch size for stream events. */
    public static final int DEFAULT_BATCH_SIZE = 10;
    /** Serverless Framework v3's default starting position for stream events. */
    public static final String DEFAULT_STARTING_POSITION = "TRIM_HORIZON";

    @Override
    public String toString() {
        return type + " " + arn;
    }
}
