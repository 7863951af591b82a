package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** JSON responses in the shape API Gateway's proxy integration expects. */
final class ApiResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    static APIGatewayProxyResponseEvent ok(String name, Object value) {
        return json(200, Map.of(name, value));
    }

    /** 200 with {@code body} as the whole JSON answer, for answers of more than one field. */
    static APIGatewayProxyResponseEvent ok(Object body) {
        return json(200, body);
    }

    static APIGatewayProxyResponseEvent created(String name, Object value) {
        return json(201, Map.of(name, value));
    }

    static APIGatewayProxyResponseEvent error(int statusCode, String message) {
        return json(statusCode, Map.of("error", message));
    }

    private static APIGatewayProxyResponseEvent json(int statusCode, Object body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(statusCode)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response as JSON", e);
        }
    }
}
