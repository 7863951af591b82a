package com.example.localcloud.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in the DynamoDB JSON protocol ({@code application/x-amz-json-1.0}); the AWS SDK
 * turns it into the matching exception.
 *
 * @param httpStatus e.g. 400
 * @param jsonBody   e.g. {@code {"__type":"com.amazon.coral.service#AccessDeniedException","Message":"..."}}
 */
public record DynamoDbError(int httpStatus, byte[] jsonBody) {

    /** An error of the given {@code __type}, e.g. {@code com.amazon.coral.service#AccessDeniedException}. */
    public static DynamoDbError of(int httpStatus, String type, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("Message", message);
        try {
            return new DynamoDbError(httpStatus, new ObjectMapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What DynamoDB answers when IAM denies a call. */
    public static DynamoDbError accessDenied(String message) {
        return of(400, "com.amazon.coral.service#AccessDeniedException", message);
    }
}
