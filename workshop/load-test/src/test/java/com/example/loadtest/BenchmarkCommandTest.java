package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.report.BenchmarkRun;
import com.example.loadtest.report.MachineInfo;
import com.example.loadtest.report.StageBenchmark;
import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.LatencyRecorder;
import com.example.loadtest.run.StageResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCommandTest {

    @Test
    void findsTheFanOutRouteInServerlessYml(@TempDir Path stage) throws Exception {
        Workspace workspace = Workspace.locate();
        assertThat(BenchmarkCommand.declaresFanOut(workspace.stageDirectory("step-1"))).isFalse();
        assertThat(BenchmarkCommand.declaresFanOut(workspace.stageDirectory("step-4"))).isFalse();

        Files.writeString(stage.resolve("serverless.yml"), """
                service: fan-out
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                  listMembers:
                    handler: example.ListMembers
                    events:
                      - http: GET /organizations/{organization}/members
                """);
        assertThat(BenchmarkCommand.declaresFanOut(stage)).isTrue();
    }

    @Test
    void theTimeBudgetWarmsUpAsLongAsProfileDoesAtLeast() {
        assertThat(parsed("benchmark").budgetWarmUp()).isEqualTo(3000); // not the warm runs' 300: the JIT is not done by then
        assertThat(parsed("benchmark", "--warmup", "10000").budgetWarmUp()).isEqualTo(10000);
    }

    private static BenchmarkCommand parsed(String... args) {
        picocli.CommandLine commandLine = LoadTest.commandLine(args, new PrintStream(new ByteArrayOutputStream()), Workspace.locate());
        return (BenchmarkCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void aFailedTimeBudgetKeepsTheMeasurements(@TempDir Path folder) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchmarkCommand command = new BenchmarkCommand(new String[] {"benchmark"},
                new PrintStream(printed, true, StandardCharsets.UTF_8), Workspace.locate());
        BenchmarkRun run = new BenchmarkRun("2026-11-23T10:00:00Z", MachineInfo.current(), "benchmark", 1, 1, 10, 0, 42,
                "2 users", "none");
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.success(Endpoint.GET_USER, 200, 2_000);
        StageResult warm = new StageResult("step-1", "local cloud", false, 1.0, recorder.total(),
                recorder.total(EndpointStats.ALL_BUT_FAN_OUT, endpoint -> !endpoint.isFanOut()), recorder.perEndpoint(),
                null, "n/a", true, List.of());
        List<StageBenchmark> measured = List.of(new StageBenchmark("step-1", "solutions/step-1", 1024, List.of(), Map.of(), warm));

        int exitCode = command.writeResults(folder, run, measured, () -> {
            throw new IllegalStateException("No REPORT for request abc");
        });

        assertThat(exitCode).isEqualTo(1);
        assertThat(folder.resolve("benchmark.json")).exists();
        assertThat(Files.readString(folder.resolve("BENCHMARKS.md"))).contains("## Warm latency", "| step-1 | 1 | 0 | 2.00 |",
                "## The time budget of a warm read", "Not measured: the time budget failed (No REPORT for request abc)");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("WARNING: the time budget failed: No REPORT for request abc");
    }
}
