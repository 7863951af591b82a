package com.example.localcloud.apigateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's own answers (its "gateway responses"): a JSON body {@code {"message": "..."}}
 * with {@code Content-Type: application/json} and {@code x-amzn-ErrorType}.
 *
 * <p>AWS writes most of them with a space after the colon, e.g. {@code {"message": "Internal
 * server error"}} (Lambda developer guide, "Handling Lambda errors with an API Gateway API") and
 * {@code {"message": "Request Too Long"}} (31 bytes, recorded in koki-develop/lgtm-generator issue
 * #10); 403 Missing Authentication Token comes without it.
 */
public final class GatewayResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter SPACED = JSON.writer(new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }
    });

    private GatewayResponses() {
    }

    /** 403: no resource, or no method on it (MISSING_AUTHENTICATION_TOKEN). */
    public static OutgoingResponse missingAuthenticationToken() {
        return error(403, "MissingAuthenticationTokenException", compact("Missing Authentication Token"));
    }

    /** 502: the function failed, or its result is not a valid proxy response. */
    public static OutgoingResponse internalServerError() {
        return error(502, "InternalServerErrorException", spaced("Internal server error"));
    }

    /** 413: the request body is over 10 MB, or the event over Lambda's 6 MB (REQUEST_TOO_LARGE). */
    public static OutgoingResponse requestTooLong() {
        return error(413, "BadRequestException", spaced("Request Too Long"));
    }

    /** Any other error of API Gateway itself, e.g. a request the HTTP server refused. */
    public static OutgoingResponse of(int status, String errorType, String message) {
        return error(status, errorType, spaced(message));
    }

    static byte[] spaced(String message) {
        return write(SPACED, message);
    }

    private static byte[] compact(String message) {
        return write(JSON.writer(), message);
    }

    private static byte[] write(ObjectWriter writer, String message) {
        try {
            return writer.writeValueAsBytes(Map.of("message", message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutgoingResponse error(int status, String errorType, byte[] body) {
        return new OutgoingResponse(status, List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("x-amzn-ErrorType", errorType)), body);
    }
}
