package com.example.localcloud.lambda;

import java.util.Optional;

/**
 * Where the runtime is in Lambda's runtime state machine. The Runtime API refuses a call that
 * does not fit (a second result for the same event, an init error after init), as Lambda does:
 * 403 with {@code errorType} {@code InvalidStateTransition}. State names are Lambda's own.
 */
final class RuntimeState {

    enum Phase {
        STARTED("Started"), READY("Ready"), RUNNING("Running"), RESPONSE_SENT("RuntimeResponseSentState"),
        INIT_ERROR("InitError");

        final String lambdaName;

        Phase(String lambdaName) {
            this.lambdaName = lambdaName;
        }
    }

    private Phase phase = Phase.STARTED;

    synchronized Phase phase() {
        return phase;
    }

    /** {@code GET /invocation/next}: after init, or after the previous result. */
    synchronized Optional<String> next() {
        return move(Phase.READY, "Ready", Phase.STARTED, Phase.RESPONSE_SENT);
    }

    /** An event was handed to the runtime. */
    synchronized void running() {
        phase = Phase.RUNNING;
    }

    /** {@code POST /invocation/{id}/response} or {@code .../error}: once, while an event runs. */
    synchronized Optional<String> result(boolean error) {
        return move(Phase.RESPONSE_SENT, error ? "InvocationErrorResponse" : "InvocationResponse", Phase.RUNNING);
    }

    /** {@code POST /init/error}: only during init. */
    synchronized Optional<String> initError() {
        return move(Phase.INIT_ERROR, "InitError", Phase.STARTED);
    }

    /** Moves to {@code to} if the runtime is in one of {@code from}; else the message Lambda gives. */
    private Optional<String> move(Phase to, String transition, Phase... from) {
        for (Phase allowed : from) {
            if (phase == allowed) {
                phase = to;
                return Optional.empty();
            }
        }
        return Optional.of("State transition from " + phase.lambdaName + " to " + transition
                + " failed for runtime. Error: State transition is not allowed");
    }
}
