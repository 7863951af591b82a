package com.example.loadtest.report;

import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.StageResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BENCHMARKS.md: warm latency, cold-start Init Duration and jar size per stage, with the machine
 * and the date. Every figure comes from the run it describes.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static String markdown(BenchmarkRun run, List<StageBenchmark> stages) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Measured on ").append(run.date()).append(" with the workshop's load test:\n\n```\n")
                .append("./mvnw -q -f workshop -pl load-test -am process-classes -Dloadtest=\"")
                .append(run.arguments()).append("\"\n```\n\n");
        md.append("Machine: ").append(run.machine().summary()).append(".\n\n");
        if (!"none".equals(run.simulatedDelays())) {
            md.append("Simulated network time: ").append(run.simulatedDelays()).append(".\n\n");
        }
        md.append("Every stage ran in the workshop's local cloud (one JVM per Lambda execution environment, DynamoDB Local, "
                + "a local Momento server), on this one machine. The figures compare the stages with each other; they do not "
                + "predict AWS, where the network adds milliseconds and cold starts differ. Rerun the command to measure "
                + "your own machine.\n\n");

        md.append("## Warm latency\n\n")
                .append(run.requests()).append(" planned requests of the standard read-heavy mix per stage, ")
                .append(run.concurrency()).append(" at a time, after ").append(run.warmUp()).append(" warm-up requests, on ")
                .append(run.data()).append(". The latencies cover every endpoint but the fan-out read (only some stages serve it), "
                        + "so each row's latencies are of the same requests. Milliseconds, measured by the client; percentiles "
                        + "from HdrHistogram.\n\n");
        md.append(warmTable(stages).toMarkdown()).append('\n');
        md.append("The latency columns leave out the fan-out read; the cache and DynamoDB columns cannot: they come from the "
                + "local Momento server's and DynamoDB Local's counters during the measured requests, which do not tell one "
                + "request from another. So they cover every measured request, the fan-out reads included where a stage "
                + "serves them: hits/gets, and DynamoDB read calls / measured requests (in brackets).\n\n");

        List<StageBenchmark> fanOut = stages.stream().filter(stage -> stage.warm().fanOutServed()).toList();
        if (!fanOut.isEmpty()) {
            md.append("### The fan-out read\n\n`GET /organizations/{organization}/members` (1 + N reads), in the same runs:\n\n")
                    .append(fanOutTable(fanOut).toMarkdown()).append('\n');
        }

        md.append("## Cold starts\n\nInit Duration (JVM start to handler created) of each function's first execution environment, in ")
                .append(run.coldRounds()).append(" fresh local cloud").append(run.coldRounds() == 1 ? "" : "s")
                .append(" per stage, one request at a time. \"First request\" is the whole cold request as the client saw it "
                        + "(init, invocation and API Gateway). Milliseconds.\n\n");
        md.append(coldStartTable(stages).toMarkdown()).append('\n');
        md.append("Median Init Duration per function:\n\n").append(perFunctionTable(stages).toMarkdown()).append('\n');

        if (stages.size() > 1) {
            md.append("## Each stage against ").append(stages.get(0).stage()).append("\n\n")
                    .append("Ratios of the tables above: warm latency (every endpoint but the fan-out read), the median "
                            + "Init Duration and the median first request, each stage's divided by ").append(stages.get(0).stage())
                    .append("'s. Below 1 is faster. Init alone overstates what the cache costs a cold start: a stage that "
                            + "reads its Momento key during Init also makes the AWS SDK's first call there (signing, JSON, "
                            + "HTTP), which a stage without a cache makes in its first request instead. The first request "
                            + "(Init, invocation and API Gateway) holds that first call in every stage.\n\n")
                    .append(RunHealth.healthy(stages.get(0).warm()) ? ratioTable(stages).toMarkdown() + "\n" : "");
            ratioNote(stages).ifPresent(note -> md.append(note).append("\n\n"));
        }

        md.append("## Shaded jar size\n\n").append(jarTable(stages).toMarkdown());
        return md.toString();
    }

    /** Each stage's figures divided by the first's; a stage whose warm requests mostly failed is left out ({@link RunHealth}). */
    static Table ratioTable(List<StageBenchmark> stages) {
        StageBenchmark first = stages.get(0);
        Table table = new Table(1, "stage", "warm p50", "warm p99", "Init median", "first request median");
        if (!RunHealth.healthy(first.warm())) {
            return table;
        }
        for (StageBenchmark stage : stages.subList(1, stages.size())) {
            if (!RunHealth.healthy(stage.warm())) {
                continue;
            }
            table.row(stage.stage(),
                    ratio(stage.warm().allButFanOut().p50Ms(), first.warm().allButFanOut().p50Ms()),
                    ratio(stage.warm().allButFanOut().p99Ms(), first.warm().allButFanOut().p99Ms()),
                    ratio(medianInit(stage), medianInit(first)),
                    ratio(medianFirstRequest(stage), medianFirstRequest(first)));
        }
        return table;
    }

    /** Which stages the ratio table leaves out, and why. */
    static Optional<String> ratioNote(List<StageBenchmark> stages) {
        StageBenchmark first = stages.get(0);
        Optional<String> baselineProblem = RunHealth.problem(first.warm());
        if (baselineProblem.isPresent()) {
            return Optional.of("No ratios: " + first.stage() + ", the baseline, is left out (" + baselineProblem.get() + ").");
        }
        List<String> leftOut = stages.subList(1, stages.size()).stream()
                .flatMap(stage -> RunHealth.problem(stage.warm()).map(problem -> stage.stage() + " (" + problem + ")").stream())
                .toList();
        return leftOut.isEmpty() ? Optional.empty() : Optional.of("Left out of the ratios: " + String.join(", ", leftOut) + ".");
    }

    private static double medianFirstRequest(StageBenchmark stage) {
        List<Double> first = stage.firstRequestMs().values().stream().flatMap(List::stream).sorted().toList();
        return first.isEmpty() ? Double.NaN : ComparisonReport.median(first);
    }

    private static double medianInit(StageBenchmark stage) {
        List<Double> init = stage.coldStarts().stream().map(ColdStart::initDurationMs).sorted().toList();
        return init.isEmpty() ? Double.NaN : ComparisonReport.median(init);
    }

    private static String ratio(double value, double base) {
        return Double.isNaN(value) || Double.isNaN(base) || base <= 0 ? "-" : Numbers.decimal(value / base, 2) + "x";
    }

    static Table warmTable(List<StageBenchmark> stages) {
        Table table = new Table(1, "stage", "requests", "errors", "avg", "p50", "p90", "p99", "p99.9", "max",
                "cache hit ratio (all requests, fan-out included)", "DynamoDB reads/request (all requests)");
        for (StageBenchmark stage : stages) {
            EndpointStats warm = stage.warm().allButFanOut();
            table.row(Table.cells(stage.stage(), warm.requests(), warm.errors(), Numbers.latencies(warm),
                    ComparisonReport.hitRatio(stage.warm()), readsPerRequest(stage.warm())));
        }
        return table;
    }

    /** E.g. {@code 0.30 (3001/10000)}: DynamoDB read calls / every measured request, the fan-out reads included. */
    private static String readsPerRequest(StageResult warm) {
        return warm.traffic() == null ? "n/a" : ComparisonReport.readsPerRequest(warm)
                + " (" + warm.traffic().dynamoDbReads() + "/" + warm.traffic().requests() + ")";
    }

    static Table fanOutTable(List<StageBenchmark> stages) {
        Table table = new Table(1, "stage", "requests", "errors", "avg", "p50", "p90", "p99", "p99.9", "max");
        for (StageBenchmark stage : stages) {
            StageResult warm = stage.warm();
            warm.endpoints().stream().filter(stats -> stats.endpoint().endsWith("/members") && stats.endpoint().startsWith("GET"))
                    .findFirst()
                    .ifPresent(stats -> table.row(Table.cells(stage.stage(), stats.requests(), stats.errors(), Numbers.latencies(stats))));
        }
        return table;
    }

    static Table coldStartTable(List<StageBenchmark> stages) {
        Table table = new Table(1, "stage", "cold starts", "Init min", "Init median", "Init max", "first request median");
        for (StageBenchmark stage : stages) {
            List<Double> init = stage.coldStarts().stream().map(ColdStart::initDurationMs).sorted().toList();
            List<Double> first = stage.firstRequestMs().values().stream().flatMap(List::stream).sorted().toList();
            if (init.isEmpty()) {
                table.row(stage.stage(), "0", "", "", "", "");
                continue;
            }
            table.row(stage.stage(), String.valueOf(init.size()), Numbers.decimal(init.get(0), 0),
                    Numbers.decimal(ComparisonReport.median(init), 0), Numbers.decimal(init.get(init.size() - 1), 0),
                    first.isEmpty() ? "" : Numbers.decimal(ComparisonReport.median(first), 0));
        }
        return table;
    }

    static Table perFunctionTable(List<StageBenchmark> stages) {
        Set<String> functions = new LinkedHashSet<>();
        stages.forEach(stage -> stage.coldStarts().forEach(coldStart -> functions.add(coldStart.function())));
        List<String> headers = new ArrayList<>();
        headers.add("function");
        stages.forEach(stage -> headers.add(stage.stage()));
        Table table = new Table(1, headers.toArray(String[]::new));
        for (String function : functions) {
            List<String> row = new ArrayList<>();
            row.add(function);
            for (StageBenchmark stage : stages) {
                List<Double> init = stage.coldStarts().stream().filter(c -> c.function().equals(function))
                        .map(ColdStart::initDurationMs).sorted().toList();
                row.add(init.isEmpty() ? "-" : Numbers.decimal(ComparisonReport.median(init), 0));
            }
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    static Table jarTable(List<StageBenchmark> stages) {
        Table table = new Table(2, "stage", "directory", "bytes", "size");
        stages.forEach(stage -> table.row(stage.stage(), stage.directory(), String.valueOf(stage.jarBytes()),
                Numbers.megabytes(stage.jarBytes())));
        return table;
    }
}
