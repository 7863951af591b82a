package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.StubApi.Reply;
import com.example.loadtest.data.SeedData;
import com.example.loadtest.data.SeedDataGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole compare command against a stub "deployed" API: seeding, plan, run, report, files. */
class CompareCommandTest {

    @Test
    void loadsADeployedUrlAndSaysTheCountersAreUnavailable(@TempDir Path results) throws Exception {
        SeedData data = SeedDataGenerator.generate(7, "t1", 12, 2, 2, 4);
        Set<String> outsiders = data.outsiders().stream().collect(Collectors.toSet());
        try (StubApi api = new StubApi((method, path, sequence) -> answer(method, path, outsiders))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String[] args = {"compare", "--target-url", api.baseUri().toString(), "--namespace", "t1", "--seed", "7",
                    "--users", "12", "--organizations", "2", "--members", "2-4",
                    "--requests", "150", "--warmup", "20", "--concurrency", "3", "--results", results.toString()};

            int exitCode = LoadTest.commandLine(args, new PrintStream(output, true, StandardCharsets.UTF_8), Workspace.locate())
                    .execute(args);

            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(exitCode).as(printed).isZero();
            assertThat(printed).contains("does not serve the fan-out read", "All endpoints (latency in ms)",
                    "counters not available for a deployed target");
            // seeding (users, organizations, memberships) + fan-out probe + warm-up + measured
            int seeding = data.users().size() + data.organizations().size() + data.memberships().size();
            assertThat(api.received()).hasSize(seeding + 1 + 20 + 150);

            JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
            JsonNode stage = json.path("stages").get(0);
            assertThat(stage.path("total").path("requests").asLong()).isEqualTo(150);
            assertThat(stage.path("total").path("errors").asLong()).isZero();
            assertThat(stage.path("traffic").isNull()).isTrue();
            assertThat(stage.path("coldStartsSeen").asBoolean()).isFalse();
            assertThat(json.path("run").path("fanOutInMix").asBoolean()).isFalse();
            assertThat(results.resolve("latency.html")).exists();
        }
    }

    @Test
    void aSeedingFailureStopsTheRunWithAMessage(@TempDir Path results) throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> method.equals("POST")
                ? new Reply(409, "{\"error\":\"User already exists.\"}") : new Reply(200, "{}"))) {
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            String[] args = {"compare", "--target-url", api.baseUri().toString(), "--users", "4", "--organizations", "1",
                    "--members", "1-1", "--requests", "5", "--results", results.toString()};
            picocli.CommandLine commandLine = LoadTest.commandLine(args, new PrintStream(new ByteArrayOutputStream()), Workspace.locate());
            commandLine.setErr(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8));

            int exitCode = commandLine.execute(args);

            assertThat(exitCode).isEqualTo(1);
            assertThat(errors.toString(StandardCharsets.UTF_8)).contains("Seeding", "did not answer 201", "User already exists.");
        }
    }

    @Test
    void aRunWhoseRequestsFailEndsWithAWarningAndExitCode1(@TempDir Path results) throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> method.equals("POST") ? new Reply(201, "{}")
                : path.split("/").length == 4 && path.endsWith("/members") ? StubApi.NO_ROUTE : new Reply(500, "{}"))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String[] args = {"compare", "--target-url", api.baseUri().toString(), "--users", "4", "--organizations", "1",
                    "--members", "1-1", "--requests", "20", "--warmup", "0", "--results", results.toString()};

            int exitCode = LoadTest.commandLine(args, new PrintStream(output, true, StandardCharsets.UTF_8), Workspace.locate())
                    .execute(args);

            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(exitCode).as(printed).isEqualTo(1);
            // The measured writes still succeed (201); the reads all fail.
            assertThat(printed).contains("WARNING: 127.0.0.1:" + api.baseUri().getPort() + ": ",
                    " measured requests failed, more than 5 %; its figures are not a measurement.");
            assertThat(results.resolve("results.json")).exists();
            assertThat(java.nio.file.Files.readString(results.resolve("report.txt"))).as("the file alone tells a failed run")
                    .endsWith(" measured requests failed, more than 5 %; its figures are not a measurement.\n");
        }
    }

    /** What the service would answer: creates 201, lookups 200, an outsider's membership 404, no fan-out route. */
    private static Reply answer(String method, String path, Set<String> outsiders) {
        if (method.equals("POST")) {
            return new Reply(201, "{}");
        }
        String[] parts = path.split("/");
        if (parts.length == 4 && parts[3].equals("members")) {
            return StubApi.NO_ROUTE;
        }
        if (parts.length == 5 && outsiders.contains(parts[4])) {
            return new Reply(404, "{\"error\":\"not a member\"}");
        }
        return new Reply(200, "{}");
    }
}
