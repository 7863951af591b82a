package com.example.localcloud.dashboard;

import java.util.List;

/**
 * One stage's figures for one second of a live run.
 *
 * @param p50Ms          median latency over the rolling window; null when no request succeeded in it
 * @param p99Ms          99th percentile over the rolling window; null likewise
 * @param errors         every error since the load started (the page shows it in red when not 0)
 * @param hitRatio       cache hits / cache reads in this second (failed reads count: Momento down gives 0);
 *                       null when the stage read nothing from a cache
 * @param cacheErrors    cache reads that failed in this second (Momento down or erroring)
 * @param coldStarts     new execution environments in this second, with their Init Duration
 * @param inForce        in words: faults and simulated delays in force
 */
public record Sample(String stage, Double p50Ms, Double p99Ms, double requestsPerSecond, double errorsPerSecond,
                     long errors, Double hitRatio, long cacheHits, long cacheMisses, long cacheErrors,
                     double dynamoDbReadsPerSecond, List<ColdStartSeen> coldStarts, List<String> inForce) {

    /**
     * A cold start as the dashboard shows it: which environment, and its Init Duration.
     *
     * @param failed true when Init failed (an error, or past its time limit): the environment never served a
     *               request, and its Init Duration is how long it tried
     */
    public record ColdStartSeen(String function, int environment, double initDurationMs, boolean failed) {
    }
}
