package com.example.loadtest.report;

import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.run.CacheTraffic;
import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.LatencyRecorder;
import com.example.loadtest.run.Phase;
import com.example.loadtest.run.StageResult;
import com.example.loadtest.run.Traffic;
import java.util.List;
import java.util.Map;

/** Results made from known latencies, for the report tests. */
final class SampleResults {

    private SampleResults() {
    }

    static RunInfo run() {
        return new RunInfo("2026-11-23T10:00:00Z", new MachineInfo("Linux", "6.1", "amd64", 2, "Test CPU", 8_000_000_000L,
                "17.0.15", "Debian"), "compare --stages step-1,step-4", 8, 300, null, 20, 42, "",
                "10 users, 2 organizations, 8 memberships", Map.of("READ_USER", 30), true, "none");
    }

    /** step-1: 100 reads of 10 ms each and one of 50 ms; no cache; two cold starts. */
    static StageResult withoutCache() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 100; i++) {
            recorder.success(Endpoint.GET_USER, 200, 10_000);
        }
        recorder.success(Endpoint.GET_ORGANIZATION, 200, 50_000);
        recorder.skipped(Endpoint.LIST_MEMBERS);
        return result("step-1", recorder, false, new Traffic(101, CacheTraffic.NONE, 101, Map.of("GetItem", 101L)),
                List.of(new ColdStart("getUser", 1, 900.0, 20.0, Phase.WARM_UP), new ColdStart("getUser", 2, 1100.0, 25.0, Phase.LOAD)));
    }

    /** step-5: 100 reads of 2 ms, 10 fan-out reads of 30 ms, one error; a cache with 90 % hits. */
    static StageResult withCache() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 100; i++) {
            recorder.success(Endpoint.GET_USER, 200, 2_000);
        }
        for (int i = 0; i < 10; i++) {
            recorder.success(Endpoint.LIST_MEMBERS, 200, 30_000);
        }
        recorder.error(Endpoint.GET_ORGANIZATION, 500, "GET /organizations/a got 500");
        return result("step-5", recorder, true, new Traffic(111, new CacheTraffic(200, 180, 20, 20, 0), 30,
                Map.of("GetItem", 20L, "Query", 10L)), List.of(new ColdStart("getUser", 1, 1500.0, 40.0, Phase.SEED)));
    }

    /** step-4 with every request failing (its DynamoDB unreachable): 50 reads, all answered 500. */
    static StageResult allFailing() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 50; i++) {
            recorder.error(Endpoint.GET_USER, 500, "GET /users/a got 500");
        }
        return result("step-4", recorder, false, new Traffic(50, new CacheTraffic(50, 0, 50, 0, 0), 0, Map.of()), List.of());
    }

    /** step-6: 90 reads of 3 ms and 10 errors: 10 % failed. */
    static StageResult tenPercentErrors() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 90; i++) {
            recorder.success(Endpoint.GET_USER, 200, 3_000);
        }
        for (int i = 0; i < 10; i++) {
            recorder.error(Endpoint.GET_USER, 502, "GET /users/a got 502");
        }
        return result("step-6", recorder, false, new Traffic(100, new CacheTraffic(100, 90, 10, 0, 0), 10, Map.of("GetItem", 10L)),
                List.of());
    }

    /** step-6: 100 reads of 3 ms, a cache with 90 % hits; no fan-out read, as step-1. */
    static StageResult tenPercentErrorsFixed() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 100; i++) {
            recorder.success(Endpoint.GET_USER, 200, 3_000);
        }
        return result("step-6", recorder, false, new Traffic(100, new CacheTraffic(100, 90, 10, 0, 0), 10, Map.of("GetItem", 10L)),
                List.of());
    }

    /** A deployed URL: no counters, no cold starts. */
    static StageResult deployed() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.success(Endpoint.GET_USER, 200, 25_000);
        return new StageResult("abc.example.com/dev", "deployed at https://abc.example.com/dev", false, 1.0,
                recorder.total(), recorder.total(EndpointStats.ALL_BUT_FAN_OUT, e -> !e.isFanOut()), recorder.perEndpoint(),
                null, "not available for a deployed target: see its CloudWatch metrics and the Momento console", false, List.of());
    }

    private static StageResult result(String name, LatencyRecorder recorder, boolean fanOut, Traffic traffic, List<ColdStart> coldStarts) {
        return new StageResult(name, "local cloud, " + name, fanOut, 2.0, recorder.total(),
                recorder.total(EndpointStats.ALL_BUT_FAN_OUT, e -> !e.isFanOut()), recorder.perEndpoint(), traffic, null, true, coldStarts);
    }
}
