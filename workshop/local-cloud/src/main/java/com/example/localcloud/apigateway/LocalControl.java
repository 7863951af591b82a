package com.example.localcloud.apigateway;

import java.util.Optional;

/**
 * Requests for the local cloud itself rather than for the stage, under {@link #PREFIX} on the
 * API Gateway port (so one curl reaches both): counters and fault injection for demos and guides.
 * Real API Gateway has no such paths; a stage never defines routes under this prefix.
 */
@FunctionalInterface
public interface LocalControl {
    String PREFIX = "/_local";

    LocalControl NONE = request -> Optional.empty();

    /** @return the answer, or empty if no such control endpoint (API Gateway then answers 403) */
    Optional<OutgoingResponse> answer(IncomingRequest request);
}
