package com.example.loadtest.run;

import com.example.loadtest.plan.Endpoint;
import com.example.localcloud.dashboard.RequestFigures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Recorder;

/**
 * Records every request's outcome per endpoint, from many threads at once. Latencies go into an
 * HdrHistogram in microseconds (1 us to 1 hour, 3 significant digits), which is where the
 * percentiles come from; the exact sum and maximum are kept beside it.
 */
public final class LatencyRecorder {
    // The live dashboard charts these latencies too: the same range and precision as its own.
    public static final long HIGHEST_MICROS = RequestFigures.HIGHEST_MICROS;
    public static final int SIGNIFICANT_DIGITS = RequestFigures.SIGNIFICANT_DIGITS;
    private static final int ERROR_SAMPLES = 5;

    private final Map<Endpoint, Series> series = new EnumMap<>(Endpoint.class);
    private final Recorder intervals;

    public LatencyRecorder() {
        this(null);
    }

    /**
     * @param intervals also records every latency here (null: nowhere): HdrHistogram's interval
     *                  recorder, from which the live dashboard reads each second's latencies
     */
    public LatencyRecorder(Recorder intervals) {
        this.intervals = intervals;
        for (Endpoint endpoint : Endpoint.values()) {
            series.put(endpoint, new Series());
        }
    }

    /** A request that got its expected answer after {@code micros}. */
    public void success(Endpoint endpoint, int status, long micros) {
        Series s = series.get(endpoint);
        long value = Math.min(Math.max(micros, 1), HIGHEST_MICROS);
        s.histogram.recordValue(value);
        if (intervals != null) {
            intervals.recordValue(value);
        }
        s.sumMicros.add(micros);
        s.maxMicros.accumulate(micros);
        s.count(String.valueOf(status));
    }

    /** A request that got another answer ({@code status}) or none ({@code status} null). */
    public void error(Endpoint endpoint, Integer status, String description) {
        Series s = series.get(endpoint);
        s.errors.increment();
        s.count(status == null ? "none" : String.valueOf(status));
        synchronized (s.errorSamples) {
            if (s.errorSamples.size() < ERROR_SAMPLES) {
                s.errorSamples.add(description);
            }
        }
    }

    /** A planned request that was not sent, because the target does not serve its route. */
    public void skipped(Endpoint endpoint) {
        series.get(endpoint).skipped.increment();
    }

    /** Requests sent so far, over all endpoints (for progress lines). */
    public long requests() {
        return series.values().stream().mapToLong(Series::requests).sum();
    }

    /** Requests sent plus requests skipped: how far through the plan the run is. */
    public long handled() {
        return series.values().stream().mapToLong(s -> s.requests() + s.skipped.sum()).sum();
    }

    public long errors() {
        return series.values().stream().mapToLong(s -> s.errors.sum()).sum();
    }

    /** The figures of each endpoint that had requests (or skipped ones), in {@link Endpoint} order. */
    public List<EndpointStats> perEndpoint() {
        List<EndpointStats> stats = new ArrayList<>();
        series.forEach((endpoint, s) -> {
            if (s.requests() > 0 || s.skipped.sum() > 0) {
                stats.add(s.stats(endpoint.label()));
            }
        });
        return stats;
    }

    /** All endpoints together: one histogram holding every recorded latency. */
    public EndpointStats total() {
        return total(EndpointStats.ALL, endpoint -> true);
    }

    /** The endpoints {@code included} accepts, together (e.g. every endpoint but the fan-out read). */
    public EndpointStats total(String label, Predicate<Endpoint> included) {
        Series all = new Series();
        for (Map.Entry<Endpoint, Series> entry : series.entrySet()) {
            if (!included.test(entry.getKey())) {
                continue;
            }
            Series s = entry.getValue();
            all.histogram.add(s.histogram);
            all.sumMicros.add(s.sumMicros.sum());
            all.maxMicros.accumulate(s.maxMicros.get());
            all.errors.add(s.errors.sum());
            all.skipped.add(s.skipped.sum());
            s.statuses.forEach((status, count) -> all.statuses.computeIfAbsent(status, k -> new LongAdder()).add(count.sum()));
            synchronized (s.errorSamples) {
                s.errorSamples.stream().limit(ERROR_SAMPLES - all.errorSamples.size()).forEach(all.errorSamples::add);
            }
        }
        return all.stats(label);
    }

    private static final class Series {
        final ConcurrentHistogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        final LongAdder sumMicros = new LongAdder();
        final LongAccumulator maxMicros = new LongAccumulator(Math::max, 0);
        final LongAdder errors = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        final List<String> errorSamples = new ArrayList<>();

        void count(String status) {
            statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        }

        long requests() {
            return histogram.getTotalCount() + errors.sum();
        }

        EndpointStats stats(String label) {
            long successes = histogram.getTotalCount();
            Map<String, Long> statusCounts = new TreeMap<>();
            statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
            List<String> samples;
            synchronized (errorSamples) {
                samples = Collections.unmodifiableList(new ArrayList<>(errorSamples));
            }
            return new EndpointStats(label, requests(), errors.sum(), skipped.sum(),
                    successes == 0 ? 0 : millis((double) sumMicros.sum() / successes),
                    millis(percentile(50)), millis(percentile(90)), millis(percentile(99)), millis(percentile(99.9)),
                    millis(maxMicros.get()), statusCounts, samples);
        }

        /** HdrHistogram answers with its bucket's highest value, which can lie a hair above the exact maximum. */
        private double percentile(double percentile) {
            return histogram.getTotalCount() == 0 ? 0 : Math.min(histogram.getValueAtPercentile(percentile), maxMicros.get());
        }

        private static double millis(double micros) {
            return micros / 1000.0;
        }
    }
}
