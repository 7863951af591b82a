package com.example.loadtest.run;

import java.time.Duration;

/**
 * How to drive each target.
 *
 * @param concurrency requests in flight at once
 * @param requests    measured requests per target (ignored when {@code duration} is set)
 * @param duration    measure for this long instead of a request count; null for a count
 * @param warmUp      requests sent before measuring, not measured (they start environments and fill caches)
 * @param seed        fixes the data and the request sequence
 */
public record RunSettings(int concurrency, long requests, Duration duration, int warmUp, long seed) {

    public RunSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (duration == null && requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("warm-up must not be negative");
        }
    }

    /** The plan's length: the request count, or unbounded when the run is bounded by time. */
    public long planLength() {
        return duration == null ? requests : Long.MAX_VALUE;
    }
}
