package com.example.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/** API Gateway proxy events, built the way API Gateway fills them in. */
public final class Events {
    private Events() {
    }

    public static APIGatewayProxyRequestEvent post(String path, String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath(path)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }

    public static APIGatewayProxyRequestEvent post(String path, String body, String actingUser) {
        return post(path, body).withHeaders(Map.of("Content-Type", "application/json", "Authorization", actingUser));
    }

    public static APIGatewayProxyRequestEvent get(String path, Map<String, String> pathParameters) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath(path)
                .withPathParameters(pathParameters);
    }
}
