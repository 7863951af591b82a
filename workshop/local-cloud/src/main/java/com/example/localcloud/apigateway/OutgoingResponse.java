package com.example.localcloud.apigateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The HTTP response the local API Gateway sends back.
 *
 * @param status  the HTTP status
 * @param headers name/value pairs; a name may repeat
 * @param body    the bytes of the body
 */
public record OutgoingResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** The error answers of API Gateway itself, e.g. 403 Missing Authentication Token. */
    static OutgoingResponse gatewayError(int status, String errorType, String json) {
        return new OutgoingResponse(status, List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("x-amzn-ErrorType", errorType)), json.getBytes(StandardCharsets.UTF_8));
    }
}
