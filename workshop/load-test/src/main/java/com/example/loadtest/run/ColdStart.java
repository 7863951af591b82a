package com.example.loadtest.run;

/**
 * A new execution environment seen by the local cloud (a REPORT line with an Init Duration).
 *
 * @param function         the function's key under {@code functions:}
 * @param environment      1 for the function's first environment, 2 for the second, ...
 * @param initDurationMs   JVM start to handler created
 * @param durationMs       the invocation itself, after init
 * @param phase            what the load test was doing then
 */
public record ColdStart(String function, int environment, double initDurationMs, double durationMs, Phase phase) {
}
