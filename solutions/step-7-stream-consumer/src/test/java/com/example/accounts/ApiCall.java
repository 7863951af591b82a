package com.example.accounts;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A handler's response, with its body parsed, for readable assertions. */
public record ApiCall(int status, JsonNode body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiCall invoke(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                                 APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        try {
            return new ApiCall(response.getStatusCode(), JSON.readTree(response.getBody()));
        } catch (JsonProcessingException e) {
            throw new AssertionError("Response body is not JSON: " + response.getBody(), e);
        }
    }

    public String error() {
        return body.path("error").asText(null);
    }
}
