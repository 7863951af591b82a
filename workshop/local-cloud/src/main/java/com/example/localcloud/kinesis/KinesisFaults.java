package com.example.localcloud.kinesis;

import com.example.localcloud.faults.OperationFaults;

/**
 * Makes chosen Kinesis operations fail as AWS does under load, for tests of the code that reads
 * or writes streams: throttling ({@code ProvisionedThroughputExceededException}, HTTP 400, which the
 * AWS SDK retries) or a server error ({@code InternalFailure}, HTTP 500, retried too), for the next
 * N calls or until cleared; or a delay on every call.
 *
 * <pre>{@code
 * kinesis.faults().add("GetRecords", KinesisFaults.Kind.PROVISIONED_THROUGHPUT_EXCEEDED, 2);
 * }</pre>
 *
 * <p>A fault is checked after the request was validated and authorized, and answers instead of
 * running the call: a faulted PutRecord stores nothing, a faulted GetRecords moves no iterator.
 */
public final class KinesisFaults extends OperationFaults<KinesisFaults.Kind> {

    /** The errors a fault can answer with. */
    public enum Kind {
        /** HTTP 400 {@code ProvisionedThroughputExceededException}: "Rate exceeded for shard ..." */
        PROVISIONED_THROUGHPUT_EXCEEDED,
        /** HTTP 500 {@code InternalFailure}: "Internal service failure." */
        INTERNAL_FAILURE
    }

    /** The error a fault answers for a call about this stream and shard (either may be {@code null}). */
    static KinesisError errorFor(Kind kind, String streamName, String shardId, String accountId) {
        return switch (kind) {
            case INTERNAL_FAILURE -> KinesisError.internalFailure();
            case PROVISIONED_THROUGHPUT_EXCEEDED -> KinesisError.throughputExceeded(
                    streamName == null ? "Rate exceeded for account " + accountId + "."
                            : shardId == null ? "Rate exceeded for stream " + streamName + " under account " + accountId + "."
                            : "Rate exceeded for shard " + shardId + " in stream " + streamName + " under account " + accountId + ".");
        };
    }
}
