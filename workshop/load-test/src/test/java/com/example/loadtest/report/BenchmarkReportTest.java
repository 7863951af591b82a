package com.example.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private final BenchmarkRun run = new BenchmarkRun("2026-11-23T10:00:00Z",
            new MachineInfo("Linux", "6.1", "amd64", 2, "Test CPU", 8_000_000_000L, "17.0.15", "Debian"),
            "benchmark --cold-rounds 2", 2, 1, 1000, 200, 42, "200 users, 20 organizations, 320 memberships", "none");

    private final List<StageBenchmark> stages = List.of(
            new StageBenchmark("step-1", "solutions/step-1-lambda-dynamodb", 9_437_184,
                    List.of(cold("getUser", 1000), cold("getUser", 1200), cold("createUser", 1400)),
                    Map.of("GET /users/{username}", List.of(1100.0, 1300.0)), SampleResults.withoutCache()),
            new StageBenchmark("step-5", "solutions/step-5-fan-out", 15_728_640,
                    List.of(cold("getUser", 2000), cold("listMembers", 2600)),
                    Map.of("GET /users/{username}", List.of(2100.0)), SampleResults.withCache()));

    private final String markdown = BenchmarkReport.markdown(run, stages);

    @Test
    void saysWhenWhereAndHowItWasMeasured() {
        assertThat(markdown).startsWith("# Benchmarks\n");
        assertThat(markdown).contains("Measured on 2026-11-23T10:00:00Z",
                "-Dloadtest=\"benchmark --cold-rounds 2\"",
                "Machine: Linux 6.1 (amd64), 2 CPUs (Test CPU), 8.0 GB memory, Java 17.0.15 (Debian).");
    }

    @Test
    void warmLatencyIsTheSameRequestsOnEveryStage() {
        assertThat(markdown).contains("## Warm latency");
        assertThat(markdown).contains("| step-1 | 101 | 0 | 10.40 |");
        assertThat(markdown).contains("| step-5 | 101 | 1 | 2.00 |"); // the fan-out reads are reported apart
        assertThat(markdown).contains("### The fan-out read", "| step-5 | 10 | 0 | 30.00 |");
    }

    @Test
    void theCacheAndDynamoDbColumnsSayTheyCoverEveryRequest() {
        assertThat(markdown).contains("| cache hit ratio (all requests, fan-out included) | DynamoDB reads/request (all requests) |");
        // step-5: 30 reads over its 111 measured requests, its 10 fan-out reads among them
        assertThat(markdown).contains("| 90.0 % (180/200) | 0.27 (30/111) |", "| no cache reads | 1.00 (101/101) |");
        assertThat(markdown).contains("The latency columns leave out the fan-out read; the cache and DynamoDB columns cannot");
    }

    @Test
    void coldStartsPerStageAndPerFunction() {
        assertThat(markdown).contains("| step-1 | 3 | 1000 | 1200 | 1400 | 1200 |");
        assertThat(markdown).contains("| step-5 | 2 | 2000 | 2300 | 2600 | 2100 |");
        assertThat(markdown).contains("| function | step-1 | step-5 |", "| getUser | 1100 | 2000 |", "| listMembers | - | 2600 |");
    }

    @Test
    void eachStageIsComparedWithTheFirst() {
        assertThat(markdown).contains("## Each stage against step-1", "| stage | warm p50 | warm p99 | Init median | first request median |");
        String p50 = String.format(java.util.Locale.ROOT, "%.2fx", SampleResults.withCache().allButFanOut().p50Ms()
                / SampleResults.withoutCache().allButFanOut().p50Ms());
        assertThat(markdown).contains("| step-5 | " + p50 + " | ");
        assertThat(markdown).contains(" | 1.92x | 1.75x |"); // Init median 2300 / 1200, first request 2100 / 1200
    }

    @Test
    void aStageWhoseWarmRequestsFailedIsNotRatioed() {
        List<StageBenchmark> withFailure = List.of(stages.get(0), new StageBenchmark("step-4", "solutions/step-4-write-aside",
                15_728_640, List.of(cold("getUser", 2000)), Map.of("GET /users/{username}", List.of(2100.0)), SampleResults.allFailing()));

        String failed = BenchmarkReport.markdown(run, withFailure);

        assertThat(failed).doesNotContain("0.00x").doesNotContain("| step-4 | 50 | 50 | 0.00 |").contains("| step-4 | 50 | 50 | - | - |");
        assertThat(failed).contains("Left out of the ratios: step-4 (none of its 50 measured requests succeeded).");
    }

    @Test
    void aBaselineWhoseWarmRequestsFailedGivesNoRatioTable() {
        List<StageBenchmark> failedFirst = List.of(new StageBenchmark("step-4", "solutions/step-4-write-aside", 15_728_640,
                List.of(cold("getUser", 2000)), Map.of(), SampleResults.allFailing()), stages.get(0));

        String failed = BenchmarkReport.markdown(run, failedFirst);

        assertThat(failed).contains("No ratios: step-4, the baseline, is left out (none of its 50 measured requests succeeded).")
                .doesNotContain("| stage | warm p50 |");
    }

    @Test
    void jarSizes() {
        assertThat(markdown).contains("| step-1 | solutions/step-1-lambda-dynamodb | 9437184 | 9.0 MiB |");
        assertThat(markdown).contains("| step-5 | solutions/step-5-fan-out | 15728640 | 15.0 MiB |");
    }

    private static ColdStart cold(String function, double initMs) {
        return new ColdStart(function, 1, initMs, 10, Phase.SEED);
    }
}
