package com.example.loadtest.run;

import java.util.List;
import java.util.Map;

/**
 * The figures of one endpoint (or of all together) for one target. Latencies are in
 * milliseconds, over the requests that got their expected answer; percentiles are HdrHistogram's
 * (3 significant digits), avg and max are exact.
 *
 * @param endpoint     e.g. {@code GET /users/{username}}, or {@code all}
 * @param requests     sent and answered or failed (errors included, skipped ones not)
 * @param errors       an unexpected status, or no answer (timeout, connection refused)
 * @param skipped      planned but not sent: the target does not serve the route
 * @param statuses     how many answers had each HTTP status ("none" for no answer)
 * @param errorSamples the first few errors, for diagnosis
 */
public record EndpointStats(String endpoint, long requests, long errors, long skipped,
                            double avgMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                            Map<String, Long> statuses, List<String> errorSamples) {

    public static final String ALL = "all";
    /** Every endpoint but the fan-out read: what every stage serves, so comparable between all of them. */
    public static final String ALL_BUT_FAN_OUT = "all but fan-out";

    /** Requests that got their expected answer. */
    public long successes() {
        return requests - errors;
    }
}
