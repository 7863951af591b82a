package com.example.localcloud.service;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON answers of the control routes: pretty-printed, since people read them with curl. */
public final class ControlResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlResponses() {
    }

    public static OutgoingResponse json(int status, Object body) {
        try {
            return new OutgoingResponse(status, List.of(Map.entry("Content-Type", "application/json")),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** 200 with this body. */
    public static Optional<OutgoingResponse> ok(Object body) {
        return Optional.of(json(200, body));
    }

    /** 400 {@code {"error": message}}: the message names what is wrong with the request. */
    public static OutgoingResponse badRequest(String message) {
        return json(400, Map.of("error", message));
    }
}
