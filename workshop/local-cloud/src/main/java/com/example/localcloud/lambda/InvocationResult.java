package com.example.localcloud.lambda;

/**
 * The outcome of one invocation.
 *
 * @param status  how it ended
 * @param payload the handler's serialized result (SUCCESS), the error document (FUNCTION_ERROR,
 *                INIT_ERROR), or empty
 * @param report  what the REPORT line says
 */
public record InvocationResult(Status status, byte[] payload, InvocationReport report) {

    public enum Status {
        /** The handler returned. */
        SUCCESS,
        /** The handler threw; the environment stays. */
        FUNCTION_ERROR,
        /** The function's {@code timeout} passed; the environment was destroyed. */
        TIMEOUT,
        /** The handler could not be loaded or created; the environment was destroyed. */
        INIT_ERROR,
        /** The environment's JVM ended during the invocation (e.g. System.exit, a crash). */
        ENVIRONMENT_EXITED
    }
}
