package com.example.localcloud.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a function returned into the HTTP response, as API Gateway's proxy integration
 * does: a JSON object with {@code statusCode}, and optionally {@code headers},
 * {@code multiValueHeaders}, {@code body} (a string) and {@code isBase64Encoded}. Anything else
 * is what AWS calls a "Malformed Lambda proxy response", which the client sees as a 502.
 */
public final class ProxyResponseMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    /** Thrown for a function result API Gateway would refuse; the message says why. */
    public static final class MalformedProxyResponseException extends Exception {
        MalformedProxyResponseException(String reason) {
            super(reason);
        }
    }

    public OutgoingResponse toResponse(byte[] functionResult) throws MalformedProxyResponseException {
        JsonNode result;
        try {
            result = JSON.readTree(functionResult);
        } catch (IOException e) {
            throw new MalformedProxyResponseException("the function's result is not JSON");
        }
        if (result == null || !result.isObject()) {
            throw new MalformedProxyResponseException("the function's result is not a JSON object");
        }
        for (Iterator<String> names = result.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedProxyResponseException("unexpected field '" + name + "' (allowed: " + FIELDS + ")");
            }
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        addHeaders(result.get("multiValueHeaders"), true, headers);
        addHeaders(result.get("headers"), false, headers);
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            headers.add(Map.entry("Content-Type", "application/json")); // API Gateway's default
        }
        return new OutgoingResponse(statusCode(result.get("statusCode")), headers, body(result));
    }

    private static int statusCode(JsonNode statusCode) throws MalformedProxyResponseException {
        if (statusCode != null && statusCode.canConvertToInt() && statusCode.isIntegralNumber()) {
            return statusCode.intValue();
        }
        if (statusCode != null && statusCode.isTextual() && statusCode.asText().matches("\\d{3}")) {
            return Integer.parseInt(statusCode.asText());
        }
        throw new MalformedProxyResponseException("statusCode is missing or not a number");
    }

    private static byte[] body(JsonNode result) throws MalformedProxyResponseException {
        JsonNode body = result.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new MalformedProxyResponseException("body must be a string (serialize your JSON into it)");
        }
        if (result.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedProxyResponseException("isBase64Encoded is true but body is not base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static void addHeaders(JsonNode node, boolean multiValue, List<Map.Entry<String, String>> headers)
            throws MalformedProxyResponseException {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new MalformedProxyResponseException((multiValue ? "multiValueHeaders" : "headers") + " must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (multiValue && field.getValue().isArray()) {
                for (JsonNode value : field.getValue()) {
                    headers.add(Map.entry(field.getKey(), value.asText()));
                }
            } else if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                String name = field.getKey();
                String value = field.getValue().asText();
                // API Gateway merges headers into multiValueHeaders, dropping exact duplicates
                if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase(name) && h.getValue().equals(value))) {
                    headers.add(Map.entry(name, value));
                }
            } else {
                throw new MalformedProxyResponseException("header '" + field.getKey() + "' has a value that is not text");
            }
        }
    }
}
