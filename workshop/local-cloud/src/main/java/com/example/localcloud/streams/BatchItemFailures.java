package com.example.localcloud.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stream-triggered function's answer ({@code StreamsEventResponse}), as Lambda reads it. */
public final class BatchItemFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchItemFailures() {
    }

    /**
     * What a function answered with {@code ReportBatchItemFailures} on: the sequence numbers of
     * the failed records ({@code {"batchItemFailures": [{"itemIdentifier": "..."}]}}). Empty when
     * none failed. Lambda counts a failure without a usable identifier as a failure of the whole
     * batch: that is {@link Optional#empty()} inside the list.
     */
    public static List<Optional<String>> read(byte[] response) {
        List<Optional<String>> failures = new ArrayList<>();
        JsonNode json;
        try {
            json = response == null || response.length == 0 ? null : JSON.readTree(response);
        } catch (java.io.IOException e) {
            return failures; // not JSON: Lambda treats an unreadable answer as a success
        }
        if (json == null || !json.isObject()) {
            return failures;
        }
        for (JsonNode failure : json.path("batchItemFailures")) {
            JsonNode identifier = failure.path("itemIdentifier");
            failures.add(identifier.isTextual() && !identifier.asText().isBlank() ? Optional.of(identifier.asText()) : Optional.empty());
        }
        return failures;
    }
}
