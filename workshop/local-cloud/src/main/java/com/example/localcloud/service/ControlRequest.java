package com.example.localcloud.service;

import com.example.localcloud.apigateway.OutgoingResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A request to one service's control routes, {@code /_local/<service>/<path>}.
 *
 * @param method     e.g. {@code POST}
 * @param path       after the service's name, e.g. {@code /faults} (empty for the service's root)
 * @param parameters the query string's parameters (the last value of each)
 * @param body       the request body, empty if none
 */
public record ControlRequest(String method, String path, Map<String, String> parameters, byte[] body) {

    /** E.g. {@code "POST /faults"}, for a switch over the routes. */
    public String route() {
        return method + " " + path;
    }

    public String parameter(String name, String absent) {
        return parameters.getOrDefault(name, absent);
    }

    /**
     * Answers a delay route ({@code ?ms=3000}): hands the delay to {@code apply} and answers 200
     * {@code {"<field>": ms}}, or 400 naming the parameter.
     */
    public OutgoingResponse applyDelay(Duration max, String field, Consumer<Duration> apply) {
        try {
            Duration delay = delay(max);
            apply.accept(delay);
            return ControlResponses.json(200, Map.of(field, delay.toMillis()));
        } catch (IllegalArgumentException e) {
            return ControlResponses.badRequest(e.getMessage());
        }
    }

    /**
     * The {@code ms} parameter of a delay route, e.g. {@code ?ms=3000}.
     *
     * @throws IllegalArgumentException naming the parameter, when it is not a whole number from 0 to {@code max}
     */
    public Duration delay(Duration max) {
        String ms = parameter("ms", "");
        try {
            long millis = Long.parseLong(ms);
            if (millis >= 0 && millis <= max.toMillis()) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("ms must be a whole number of milliseconds from 0 to " + max.toMillis() + ", not '" + ms + "'");
    }
}
