package com.example.loadtest.plan;

import java.util.Objects;

/**
 * One request of a plan, with the answer it should get.
 *
 * @param endpoint       the route, for per-endpoint results
 * @param path           e.g. {@code /users/ada.lovelace3} (relative to the target's base URL)
 * @param body           JSON for a POST, else null
 * @param actingUser     the {@code Authorization} header (the service's stand-in for authentication), or null
 * @param expectedStatus any other answer is an error (e.g. a non-member's lookup expects 404)
 */
public record PlannedRequest(Endpoint endpoint, String path, String body, String actingUser, int expectedStatus) {

    public PlannedRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return endpoint.method() + " " + path + (actingUser == null ? "" : " as " + actingUser) + " -> " + expectedStatus;
    }
}
