package com.example.localcloud.service;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON answers of the control routes: pretty-printed and ending with a line break, since people
 * read them with curl (which prints no line break of its own after an answer).
 */
public final class ControlResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlResponses() {
    }

    public static OutgoingResponse json(int status, Object body) {
        try {
            return jsonAsIs(status, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** JSON written elsewhere (e.g. DynamoDB's own answer), followed by the line break. */
    public static OutgoingResponse jsonAsIs(int status, byte[] json) {
        byte[] withLineBreak = Arrays.copyOf(json, json.length + 1);
        withLineBreak[json.length] = '\n';
        return new OutgoingResponse(status, List.of(Map.entry("Content-Type", "application/json")), withLineBreak);
    }

    /** 200 with this body. */
    public static Optional<OutgoingResponse> ok(Object body) {
        return Optional.of(json(200, body));
    }

    /** 400 {@code {"error": message}}: the message names what is wrong with the request. */
    public static OutgoingResponse badRequest(String message) {
        return json(400, Map.of("error", message));
    }

    /** 404 {@code {"error": message}}: no such local route. */
    public static OutgoingResponse notFound(String message) {
        return json(404, Map.of("error", message));
    }
}
