package com.example.loadtest.live;

import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.LatencyRecorder;
import com.example.loadtest.run.LocalStageTarget;
import com.example.localcloud.momento.MomentoStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Reads one stage's figures once a second: latency percentiles over a rolling window of the load's
 * HdrHistogram intervals, and the differences of the local servers' counters since the last second.
 */
final class StageSampler {
    /** Long enough for a steady p99 at a few dozen requests a second, short enough to follow a click. */
    static final int WINDOW_SECONDS = 5;

    private final LocalStageTarget target;
    private final LiveLoad load;
    private final StageControls controls;
    private final Deque<Histogram> window = new ArrayDeque<>();
    private Counters last;
    private int coldStartsSeen;

    /** The counters a sample is the difference of. */
    private record Counters(long nanos, long requests, long errors, long hits, long misses, long cacheErrors, long dynamoDbReads) {
    }

    StageSampler(LocalStageTarget target, LiveLoad load, StageControls controls) {
        this.target = target;
        this.load = load;
        this.controls = controls;
        this.last = read();
        this.coldStartsSeen = target.coldStarts().size();
    }

    synchronized Sample sample() {
        window.addLast(load.takeInterval());
        if (window.size() > WINDOW_SECONDS) {
            window.removeFirst();
        }
        Histogram latencies = new Histogram(LatencyRecorder.HIGHEST_MICROS, LatencyRecorder.SIGNIFICANT_DIGITS);
        window.forEach(latencies::add);

        Counters now = read();
        double seconds = Math.max(1e-3, (now.nanos - last.nanos) / 1e9);
        long hits = now.hits - last.hits;
        long misses = now.misses - last.misses;
        long cacheErrors = now.cacheErrors - last.cacheErrors;
        long cacheReads = hits + misses + cacheErrors;
        Sample sample = new Sample(target.name(),
                percentileMs(latencies, 50), percentileMs(latencies, 99),
                (now.requests - last.requests) / seconds, (now.errors - last.errors) / seconds, now.errors,
                cacheReads == 0 ? null : (double) hits / cacheReads, hits, misses, cacheErrors,
                (now.dynamoDbReads - last.dynamoDbReads) / seconds, newColdStarts(), controls.inForce());
        last = now;
        return sample;
    }

    private Counters read() {
        MomentoStats momento = target.momentoStats();
        MomentoStats.CacheCounters cache = momento.allCaches();
        long failedReads = momento.rpc("Get").errors() + momento.rpc("GetBatch").errors();
        long dynamoDbReads = target.counters().map(counters -> counters.dynamoDb().readCalls()).orElse(0L);
        LatencyRecorder recorder = load.recorder();
        return new Counters(System.nanoTime(), recorder.requests(), recorder.errors(), cache.hits(), cache.misses(),
                failedReads, dynamoDbReads);
    }

    private List<Sample.ColdStartSeen> newColdStarts() {
        List<ColdStart> all = target.coldStarts();
        List<Sample.ColdStartSeen> fresh = all.subList(Math.min(coldStartsSeen, all.size()), all.size()).stream()
                .map(coldStart -> new Sample.ColdStartSeen(coldStart.function(), coldStart.environment(), coldStart.initDurationMs()))
                .toList();
        coldStartsSeen = all.size();
        return fresh;
    }

    private static Double percentileMs(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? null : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
