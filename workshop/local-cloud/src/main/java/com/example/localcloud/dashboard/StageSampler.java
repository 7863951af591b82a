package com.example.localcloud.dashboard;

import com.example.localcloud.LocalCloud;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.InvocationResult;
import com.example.localcloud.momento.MomentoStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;

/**
 * Reads one stage's figures once a second: latency percentiles over a rolling window of the
 * requests' HdrHistogram intervals, and the differences of the local servers' counters since the
 * last second.
 */
final class StageSampler {
    /** Long enough for a steady p99 at a few dozen requests a second, short enough to follow a click. */
    static final int WINDOW_SECONDS = 5;

    private final String name;
    private final LocalCloud cloud;
    private final RequestFigures requests;
    private final StageControls controls;
    private final Deque<Histogram> window = new ArrayDeque<>();
    private final Queue<Sample.ColdStartSeen> coldStarts = new ConcurrentLinkedQueue<>();
    private Counters last;

    /** The counters a sample is the difference of. */
    private record Counters(long nanos, long requests, long errors, long hits, long misses, long cacheErrors, long dynamoDbReads) {
    }

    StageSampler(String name, LocalCloud cloud, RequestFigures requests, StageControls controls) {
        this.name = name;
        this.cloud = cloud;
        this.requests = requests;
        this.controls = controls;
        this.last = read();
        cloud.addInvocationListener(this::seen);
    }

    private void seen(InvocationReport report) {
        if (report.coldStart()) {
            coldStarts.add(new Sample.ColdStartSeen(report.functionName(), report.environmentNumber(), report.initDurationMs(),
                    report.status() == InvocationResult.Status.INIT_ERROR));
        }
    }

    synchronized Sample sample() {
        window.addLast(requests.takeInterval());
        if (window.size() > WINDOW_SECONDS) {
            window.removeFirst();
        }
        Histogram latencies = new Histogram(3); // grows to fit what it is given
        window.forEach(latencies::add);

        Counters now = read();
        double seconds = Math.max(1e-3, (now.nanos - last.nanos) / 1e9);
        // A redeploy (-Dwatch) starts the services' counters again from 0: a second without figures, never negative ones.
        long hits = Math.max(0, now.hits - last.hits);
        long misses = Math.max(0, now.misses - last.misses);
        long cacheErrors = Math.max(0, now.cacheErrors - last.cacheErrors);
        long cacheReads = hits + misses + cacheErrors;
        Sample sample = new Sample(name,
                percentileMs(latencies, 50), percentileMs(latencies, 99),
                (now.requests - last.requests) / seconds, (now.errors - last.errors) / seconds, now.errors,
                cacheReads == 0 ? null : (double) hits / cacheReads, hits, misses, cacheErrors,
                Math.max(0, now.dynamoDbReads - last.dynamoDbReads) / seconds, newColdStarts(), controls.inForce());
        last = now;
        return sample;
    }

    private Counters read() {
        MomentoStats momento = cloud.momento().stats();
        MomentoStats.CacheCounters cache = momento.allCaches();
        long failedReads = momento.rpc("Get").errors() + momento.rpc("GetBatch").errors();
        return new Counters(System.nanoTime(), requests.requests(), requests.errors(), cache.hits(), cache.misses(),
                failedReads, cloud.dynamoDbStats().readCalls());
    }

    private List<Sample.ColdStartSeen> newColdStarts() {
        List<Sample.ColdStartSeen> fresh = new ArrayList<>();
        for (Sample.ColdStartSeen coldStart; (coldStart = coldStarts.poll()) != null; ) {
            fresh.add(coldStart);
        }
        return fresh;
    }

    private static Double percentileMs(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? null : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
