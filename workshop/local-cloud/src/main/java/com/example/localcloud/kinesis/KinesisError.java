package com.example.localcloud.kinesis;

/**
 * An error Kinesis answers, with the {@code __type} and message as AWS words them; the endpoint
 * turns it into {@code {"__type": type, "message": message}} in the request's format (JSON or CBOR),
 * which the SDK raises as its typed exception ({@code ResourceNotFoundException}, ...).
 */
final class KinesisError extends RuntimeException {

    private final String type;
    private final int httpStatus;

    private KinesisError(String type, String message, int httpStatus) {
        super(message, null, false, false); // no stack trace: these are answers, not bugs
        this.type = type;
        this.httpStatus = httpStatus;
    }

    /** The {@code __type}, e.g. {@code ResourceNotFoundException}. */
    String type() {
        return type;
    }

    int httpStatus() {
        return httpStatus;
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

    /** A body that is not valid JSON or CBOR, or a member of the wrong type. */
    static KinesisError serialization(String message) {
        return new KinesisError("SerializationException", message, 400);
    }

    static KinesisError unknownOperation(String operation) {
        return new KinesisError("UnknownOperationException",
                "The local Kinesis does not implement " + operation, 400);
    }
}
