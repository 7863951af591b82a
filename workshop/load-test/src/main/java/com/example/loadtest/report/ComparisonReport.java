package com.example.loadtest.report;

import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.Phase;
import com.example.loadtest.run.StageResult;
import com.example.loadtest.run.Traffic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The printed report of a comparison: per stage, per endpoint, cold starts, and what the figures mean. */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    public static String text(RunInfo run, List<StageResult> results) {
        StringBuilder text = new StringBuilder();
        text.append("Load test, ").append(run.date()).append(": seed ").append(run.seed())
                .append(", concurrency ").append(run.concurrency()).append(", ")
                .append(run.durationSeconds() == null ? run.requests() + " requests" : run.durationSeconds() + " s")
                .append(" per stage after ").append(run.warmUp()).append(" warm-up requests\n");
        text.append("Data: ").append(run.data()).append(run.namespace().isEmpty() ? "" : " (names prefixed " + run.namespace() + ")")
                .append(". Machine: ").append(run.machine().summary()).append('\n');
        if (!"none".equals(run.simulatedDelays())) {
            text.append("Simulated network time in the local clouds: ").append(run.simulatedDelays()).append('\n');
        }
        text.append('\n');

        text.append("All endpoints (latency in ms)\n").append(overview(results).toText("  ")).append('\n');
        if (results.stream().anyMatch(result -> result.total().requests() != result.allButFanOut().requests())) {
            text.append("Every endpoint but the fan-out read: the same requests on every stage (latency in ms)\n")
                    .append(withoutFanOut(results).toText("  ")).append('\n');
        }
        text.append("Per endpoint (latency in ms)\n").append(perEndpoint(results).toText("  ")).append('\n');
        Table coldStarts = coldStarts(results);
        if (coldStarts.rowCount() > 0) {
            text.append("Cold starts (Init Duration in ms: JVM start to handler created)\n").append(coldStarts.toText("  ")).append('\n');
        }
        notes(results).forEach(note -> text.append("* ").append(note).append('\n'));
        return text.toString();
    }

    static Table overview(List<StageResult> results) {
        Table table = new Table(1, "stage", "requests", "errors", "req/s", "avg", "p50", "p90", "p99", "p99.9", "max",
                "cache hit ratio", "DB reads/req", "DB reads saved", "cold starts");
        for (StageResult result : results) {
            EndpointStats all = result.total();
            table.row(Table.cells(result.target(), all.requests(), all.errors(), Numbers.decimal(result.requestsPerSecond(), 0),
                    Numbers.latencies(all), hitRatio(result), readsPerRequest(result), readsSaved(result), coldStartCount(result)));
        }
        return table;
    }

    static Table withoutFanOut(List<StageResult> results) {
        Table table = new Table(1, "stage", "requests", "errors", "avg", "p50", "p90", "p99", "p99.9", "max");
        for (StageResult result : results) {
            EndpointStats stats = result.allButFanOut();
            table.row(Table.cells(result.target(), stats.requests(), stats.errors(), Numbers.latencies(stats)));
        }
        return table;
    }

    static Table perEndpoint(List<StageResult> results) {
        Table table = new Table(2, "endpoint", "stage", "requests", "errors", "avg", "p50", "p90", "p99", "p99.9", "max");
        Set<String> endpoints = new LinkedHashSet<>();
        results.forEach(result -> result.endpoints().forEach(stats -> endpoints.add(stats.endpoint())));
        for (String endpoint : endpoints) {
            boolean first = true;
            for (StageResult result : results) {
                String label = first ? endpoint : "";
                first = false;
                EndpointStats stats = result.endpoint(endpoint).orElse(null);
                if (stats == null || stats.requests() == 0) {
                    String why = stats != null && stats.skipped() > 0 ? stats.skipped() + " skipped" : "-";
                    table.row(label, result.target(), why, "", "", "", "", "", "", "");
                    continue;
                }
                table.row(Table.cells(label, result.target(), stats.requests(), stats.errors(), Numbers.latencies(stats)));
            }
        }
        return table;
    }

    static Table coldStarts(List<StageResult> results) {
        Table table = new Table(2, "stage", "phase", "count", "min", "median", "max", "environments");
        for (StageResult result : results) {
            if (!result.coldStartsSeen()) {
                continue;
            }
            for (Phase phase : Phase.values()) {
                List<ColdStart> seen = result.coldStartsIn(phase);
                if (seen.isEmpty()) {
                    if (phase == Phase.LOAD) {
                        table.row(result.target(), "load", "0", "", "", "", "");
                    }
                    continue;
                }
                List<Double> init = seen.stream().map(ColdStart::initDurationMs).sorted().toList();
                table.row(result.target(), phase.name().toLowerCase(Locale.ROOT).replace('_', '-'), String.valueOf(seen.size()),
                        Numbers.decimal(init.get(0), 0), Numbers.decimal(median(init), 0), Numbers.decimal(init.get(init.size() - 1), 0),
                        environments(seen));
            }
        }
        return table;
    }

    static List<String> notes(List<StageResult> results) {
        List<String> notes = new ArrayList<>();
        notes.add("Latencies are measured by the client, per request, over the requests that got their expected answer;"
                + " percentiles from HdrHistogram, avg and max exact. Errors: any other status, or no answer."
                + " \"skipped\": planned, but the stage does not serve the route.");
        notes.add("DB reads/req: DynamoDB read calls (GetItem, Query, ...) that reached DynamoDB Local per measured request."
                + " DB reads saved: cache hits / (cache hits + DynamoDB reads), the share of the reads these requests"
                + " needed that the cache answered (each hit is a GetItem that did not happen).");
        for (StageResult result : results) {
            if (result.traffic() == null) {
                notes.add(result.target() + ": cache and DynamoDB counters " + result.trafficNote() + "; cold starts too.");
            }
            result.endpoints().stream().filter(stats -> stats.skipped() > 0).forEach(stats -> notes.add(result.target()
                    + " does not serve " + stats.endpoint() + ": its " + stats.skipped()
                    + " planned requests were skipped, so its \"all\" row covers fewer requests."));
            if (result.total().errors() > 0) {
                notes.add(result.target() + ": " + result.total().errors() + " errors, e.g. " + result.total().errorSamples());
            }
        }
        notes.addAll(comparison(results));
        return notes;
    }

    /**
     * E.g. "Against step-1: step-4: DynamoDB reads per request -93.1 %, avg -20.0 %, p99 -45.0 %". Latency
     * over every endpoint but the fan-out read unless both stages served it, so the same requests are compared.
     * A stage whose requests mostly failed is left out, with a note saying why ({@link RunHealth}).
     */
    private static List<String> comparison(List<StageResult> results) {
        if (results.size() < 2 || results.get(0).traffic() == null) {
            return List.of();
        }
        StageResult baseline = results.get(0);
        Optional<String> baselineProblem = RunHealth.problem(baseline);
        if (baselineProblem.isPresent()) {
            return List.of("Left out of the comparison: " + baseline.target() + ", the baseline (" + baselineProblem.get() + ").");
        }
        List<String> parts = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (StageResult result : results.subList(1, results.size())) {
            Optional<String> problem = RunHealth.problem(result);
            if (problem.isPresent()) {
                leftOut.add(result.target() + " (" + problem.get() + ")");
            } else if (result.traffic() != null && baseline.traffic().dynamoDbReadsPerRequest() > 0) {
                parts.add(against(baseline, result));
            }
        }
        List<String> notes = new ArrayList<>();
        if (!parts.isEmpty()) {
            notes.add("Against " + baseline.target() + ": " + String.join("; ", parts) + ".");
        }
        if (!leftOut.isEmpty()) {
            notes.add("Left out of the comparison with " + baseline.target() + ": " + String.join(", ", leftOut) + ".");
        }
        return notes;
    }

    private static String against(StageResult baseline, StageResult result) {
        boolean sameRequests = baseline.fanOutServed() == result.fanOutServed();
        EndpointStats before = sameRequests ? baseline.total() : baseline.allButFanOut();
        EndpointStats after = sameRequests ? result.total() : result.allButFanOut();
        // The servers' counters cannot leave out the fan-out reads: over different requests, the reads do not compare.
        String reads = sameRequests ? String.format(Locale.ROOT, "%+.1f %%",
                change(baseline.traffic().dynamoDbReadsPerRequest(), result.traffic().dynamoDbReadsPerRequest()))
                : "n/a (different requests: only one of the two serves the fan-out read)";
        return String.format(Locale.ROOT, "%s: DynamoDB reads per request %s, avg %+.1f %%, p99 %+.1f %%%s",
                result.target(), reads, change(before.avgMs(), after.avgMs()), change(before.p99Ms(), after.p99Ms()),
                sameRequests ? "" : " (latency without the fan-out read)");
    }

    private static double change(double before, double after) {
        return before == 0 ? 0 : (after - before) / before * 100;
    }

    static String hitRatio(StageResult result) {
        Traffic traffic = result.traffic();
        if (traffic == null) {
            return "n/a";
        }
        if (traffic.cache().gets() == 0) {
            return "no cache reads";
        }
        return Numbers.percent(traffic.hitRatio()) + " (" + traffic.cache().hits() + "/" + traffic.cache().gets() + ")";
    }

    static String readsPerRequest(StageResult result) {
        return result.traffic() == null ? "n/a" : Numbers.decimal(result.traffic().dynamoDbReadsPerRequest(), 2);
    }

    static String readsSaved(StageResult result) {
        Traffic traffic = result.traffic();
        return traffic == null ? "n/a"
                : Numbers.percent(traffic.dynamoDbReadsSavedShare()) + " (" + traffic.dynamoDbReadsSaved() + ")";
    }

    static String coldStartCount(StageResult result) {
        if (!result.coldStartsSeen()) {
            return "n/a";
        }
        int during = result.coldStartsIn(Phase.LOAD).size();
        int before = result.coldStarts().size() - during;
        return during + " (" + before + " before)";
    }

    static double median(List<Double> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String environments(List<ColdStart> seen) {
        String list = String.join(" ", seen.stream().map(c -> c.function() + "#" + c.environment()).toList());
        return list.length() <= 90 ? list : list.substring(0, 87) + "...";
    }
}
