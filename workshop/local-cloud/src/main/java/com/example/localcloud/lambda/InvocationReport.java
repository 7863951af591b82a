package com.example.localcloud.lambda;

import java.util.Locale;

/**
 * What Lambda's REPORT log line says about one invocation, plus which environment served it.
 *
 * @param functionName      the key under {@code functions:}
 * @param environmentNumber 1 for the function's first environment, 2 for the second, ...
 * @param requestId         the Lambda request id ({@code context.getAwsRequestId()})
 * @param durationMs        from the runtime receiving the event to its response
 * @param billedDurationMs  Lambda bills whole milliseconds, and (since 2025-08-01) the init phase too
 * @param memorySizeMb      the function's {@code memorySize}
 * @param maxMemoryUsedMb   the environment process's peak memory so far
 * @param initDurationMs    the cold start (JVM start to handler ready), or null on a warm start
 * @param status            how the invocation ended
 * @param handlerMs         not in Lambda's REPORT: the part of Duration spent in the handler itself (the
 *                          rest is the runtime reading the event and writing the result); null when the
 *                          runtime did not say (another runtime client, an error)
 * @param sdkCallsMs        not in Lambda's REPORT either: the part of the handler's time spent waiting for its
 *                          SDK calls; null unless the environment runs with {@link SdkCallTiming}
 */
public record InvocationReport(String functionName, int environmentNumber, String requestId, double durationMs,
                               long billedDurationMs, int memorySizeMb, long maxMemoryUsedMb, Double initDurationMs,
                               InvocationResult.Status status, Double handlerMs, Double sdkCallsMs) {

    /** A report without the SDK calls' time. */
    public InvocationReport(String functionName, int environmentNumber, String requestId, double durationMs,
                            long billedDurationMs, int memorySizeMb, long maxMemoryUsedMb, Double initDurationMs,
                            InvocationResult.Status status, Double handlerMs) {
        this(functionName, environmentNumber, requestId, durationMs, billedDurationMs, memorySizeMb, maxMemoryUsedMb,
                initDurationMs, status, handlerMs, null);
    }

    public boolean coldStart() {
        return initDurationMs != null;
    }

    /** {@code createUser#1}: how log lines of this environment are tagged. */
    public String environmentId() {
        return functionName + "#" + environmentNumber;
    }

    /** The line as Lambda writes it, e.g. {@code REPORT RequestId: ...	Duration: 12.34 ms	...}. */
    public String toLogLine() {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedDurationMs).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (initDurationMs != null) {
            line.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", initDurationMs)).append(" ms");
        }
        switch (status) {
            case TIMEOUT -> line.append("\tStatus: timeout");
            case INIT_ERROR, ENVIRONMENT_EXITED -> line.append("\tStatus: error");
            default -> {
            }
        }
        return line.toString();
    }
}
