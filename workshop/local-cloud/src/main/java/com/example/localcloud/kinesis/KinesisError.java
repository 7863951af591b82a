package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.AwsServiceError;

/**
 * An error Kinesis answers, with the {@code __type} and message as AWS words them; the endpoint
 * turns it into {@code {"__type": type, "message": message}} in the request's format (JSON or CBOR),
 * which the SDK raises as its typed exception ({@code ResourceNotFoundException}, ...).
 */
final class KinesisError extends AwsServiceError {

    private KinesisError(String type, String message, int httpStatus) {
        super(type, message, httpStatus);
    }

    static KinesisError streamNotFound(String streamName, String accountId) {
        return new KinesisError("ResourceNotFoundException",
                "Stream " + streamName + " under account " + accountId + " not found.", 400);
    }

    static KinesisError shardNotFound(String shardId, String streamName, String accountId) {
        return new KinesisError("ResourceNotFoundException",
                "Shard " + shardId + " in stream " + streamName + " under account " + accountId + " does not exist", 400);
    }

    static KinesisError streamExists(String streamName, String accountId) {
        return new KinesisError("ResourceInUseException",
                "Stream " + streamName + " under account " + accountId + " already exists.", 400);
    }

    static KinesisError invalidArgument(String message) {
        return new KinesisError("InvalidArgumentException", message, 400);
    }

    /** A request member that breaks the API model's constraints (missing, too long, bad pattern). */
    static KinesisError validation(String message) {
        return new KinesisError("ValidationException", message, 400);
    }

    static KinesisError expiredIterator(String message) {
        return new KinesisError("ExpiredIteratorException", message, 400);
    }

    static KinesisError limitExceeded(String message) {
        return new KinesisError("LimitExceededException", message, 400);
    }

    static KinesisError throughputExceeded(String message) {
        return new KinesisError("ProvisionedThroughputExceededException", message, 400);
    }

    /** The error every AWS service answers for a failure on its side; the SDKs retry it. */
    static KinesisError internalFailure() {
        return new KinesisError("InternalFailure", "Internal service failure.", 500);
    }

}
