package com.example.loadtest.report;

import com.example.loadtest.run.EndpointStats;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** How figures are written in tables: fixed decimals, and the same in every locale. */
final class Numbers {

    private Numbers() {
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    /**
     * A row's avg, p50, p90, p99, p99.9 and max; each "-" when none of its requests succeeded: then
     * there is no latency to show (the recorder's 0 would read as an instant answer).
     */
    static List<String> latencies(EndpointStats stats) {
        return Stream.<ToDoubleFunction<EndpointStats>>of(EndpointStats::avgMs, EndpointStats::p50Ms, EndpointStats::p90Ms,
                        EndpointStats::p99Ms, EndpointStats::p999Ms, EndpointStats::maxMs)
                .map(latency -> stats.successes() == 0 ? "-" : ms(latency.applyAsDouble(stats)))
                .toList();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Binary megabytes (1024 x 1024 bytes), so named: MiB. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
