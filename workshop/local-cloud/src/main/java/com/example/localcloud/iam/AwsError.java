package com.example.localcloud.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in AWS's JSON protocols, shaped as the services send it so the AWS SDKs parse
 * it into their usual exceptions ({@code DynamoDbException}, {@code SecretsManagerException}, with
 * {@code awsErrorDetails().errorCode()} the {@code __type} after any {@code #}).
 *
 * <pre>{@code
 * HTTP/1.1 400
 * Content-Type: application/x-amz-json-1.0
 * {"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: ... is not authorized to perform: ..."}
 * }</pre>
 *
 * @param httpStatus  always 400 for the errors built here, as AWS answers them
 * @param type        the {@code __type}: DynamoDB (JSON 1.0) qualifies it with {@code com.amazon.coral.service#},
 *                    Secrets Manager (JSON 1.1) does not
 * @param messageKey  {@code Message} or {@code message}: the services spell it differently per error
 * @param message     the human-readable text
 * @param contentType {@code application/x-amz-json-1.0} or {@code -1.1}
 */
public record AwsError(int httpStatus, String type, String messageKey, String message, String contentType) {

    public static final String DYNAMODB_CONTENT_TYPE = "application/x-amz-json-1.0";
    public static final String SECRETS_MANAGER_CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Kinesis's JSON content type; its SDK v2 client speaks CBOR by default, and the local Kinesis
     *  encodes the same error in CBOR then (see com.example.localcloud.kinesis.WireFormat). */
    public static final String KINESIS_CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String CORAL = "com.amazon.coral.service#";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The error DynamoDB answers for a denied (or unauthenticated) call. */
    public static AwsError forDynamoDb(Decision denial) {
        return fromDecision(denial, CORAL, DYNAMODB_CONTENT_TYPE);
    }

    /** The error Secrets Manager answers for a denied (or unauthenticated) call. */
    public static AwsError forSecretsManager(Decision denial) {
        return forJson11(denial);
    }

    /** The error Kinesis answers for a denied (or unauthenticated) call: as Secrets Manager's, no namespace. */
    public static AwsError forKinesis(Decision denial) {
        return forJson11(denial);
    }

    /** The error a JSON 1.1 service (Secrets Manager, Kinesis) answers for a denied (or unauthenticated) call. */
    public static AwsError forJson11(Decision denial) {
        return fromDecision(denial, "", SECRETS_MANAGER_CONTENT_TYPE);
    }

    /** The error code the SDKs report: the {@code __type} without its namespace. */
    public String errorCode() {
        return type.substring(type.indexOf('#') + 1);
    }

    /** The JSON body, e.g. {@code {"__type":"AccessDeniedException","Message":"..."}}. */
    public byte[] jsonBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put(messageKey, message);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a map of strings", e);
        }
    }

    private static AwsError fromDecision(Decision denial, String namespace, String contentType) {
        return switch (denial.outcome()) {
            case ALLOWED -> throw new IllegalArgumentException("not a denial: " + denial);
            case IMPLICIT_DENY, EXPLICIT_DENY ->
                    new AwsError(400, namespace + "AccessDeniedException", "Message", denial.message(), contentType);
            case UNRECOGNIZED_CLIENT ->
                    new AwsError(400, namespace + "UnrecognizedClientException", "message", denial.message(), contentType);
            case MISSING_AUTHENTICATION ->
                    new AwsError(400, namespace + "MissingAuthenticationTokenException", "message", denial.message(), contentType);
        };
    }
}
