package com.example.localcloud.awsjson;

/**
 * An error an AWS service answers, with its {@code __type} and message as AWS words them; the
 * endpoint writes it as {@code {"__type": type, <messageKey>: message}} in the request's format,
 * which the SDKs raise as their typed exceptions ({@code ResourceNotFoundException}, ...).
 * Each service's own errors ({@code SecretsManagerError}, {@code KinesisError}) extend it.
 */
public class AwsServiceError extends RuntimeException {

    private final String type;
    private final int httpStatus;

    protected AwsServiceError(String type, String message, int httpStatus) {
        super(message, null, false, false); // no stack trace: these are answers, not bugs
        this.type = type;
        this.httpStatus = httpStatus;
    }

    /** A body that is not valid JSON or CBOR, or a member of the wrong type. */
    public static AwsServiceError serialization(String message) {
        return new AwsServiceError("SerializationException", message, 400);
    }

    /** A target this local service does not implement (or a request that is not a POST). */
    public static AwsServiceError unknownOperation(String serviceName, String what) {
        return new AwsServiceError("UnknownOperationException", "The local " + serviceName + " does not implement " + what, 400);
    }

    /** The {@code __type}, e.g. {@code ResourceNotFoundException}. */
    public String type() {
        return type;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
