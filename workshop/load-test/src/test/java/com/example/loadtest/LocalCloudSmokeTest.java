package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny comparison with the real local cloud: step 1 (no cache), step 4 (write-aside) and, when
 * the bonus stage exists, step 5 (the fan-out read). Checks what the servers counted, not timings.
 */
@Timeout(240)
class LocalCloudSmokeTest {

    private final Workspace workspace = Workspace.locate();

    @Test
    void comparesStagesInLocalClouds(@TempDir Path results) throws Exception {
        List<String> stages = new ArrayList<>(List.of("step-1", "step-4"));
        boolean fanOutStage = workspace.solutionStages().stream()
                .anyMatch(stage -> stage.getFileName().toString().startsWith("step-5-"));
        if (fanOutStage) {
            stages.add("step-5");
        }
        // The jars are usually built already (the local cloud's own tests build them); build the missing ones.
        boolean built = stages.stream().allMatch(stage ->
                Files.isRegularFile(workspace.stageDirectory(stage).resolve("target/accounts-service.jar")));
        List<String> args = new ArrayList<>(List.of("compare", "--stages", String.join(",", stages),
                "--users", "12", "--organizations", "2", "--members", "2-4",
                "--requests", "80", "--warmup", "0", "--concurrency", "2", "--max-environments", "1", // one cold start per function
                "--results", results.toString()));
        if (built) {
            args.add("--no-build");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exitCode = LoadTest.commandLine(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8),
                workspace).execute(args.toArray(String[]::new));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(printed).isZero();
        JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        JsonNode step1 = json.path("stages").get(0);
        JsonNode step4 = json.path("stages").get(1);

        assertThat(step1.path("total").path("errors").asLong()).as(printed).isZero();
        assertThat(step4.path("total").path("errors").asLong()).as(printed).isZero();
        // Step 1 has no cache: every read goes to DynamoDB.
        assertThat(step1.path("traffic").path("cache").path("gets").asLong()).isZero();
        assertThat(step1.path("traffic").path("dynamoDbReads").asLong()).isPositive();
        // Step 4 caches (and write-aside filled the cache while seeding): hits, and fewer DynamoDB reads.
        assertThat(step4.path("traffic").path("cache").path("hits").asLong()).isPositive();
        assertThat(step4.path("traffic").path("dynamoDbReads").asLong())
                .isLessThan(step1.path("traffic").path("dynamoDbReads").asLong());
        // Fresh local clouds: the first requests met cold starts, each with its Init Duration.
        assertThat(step1.path("coldStarts")).isNotEmpty()
                .allSatisfy(coldStart -> assertThat(coldStart.path("initDurationMs").asDouble()).isPositive());
        assertThat(results.resolve("latency.html")).exists();
        assertThat(results.resolve("step-1-local-cloud.log")).content().contains("REPORT RequestId");

        if (fanOutStage) {
            JsonNode step5 = json.path("stages").get(2);
            assertThat(json.path("run").path("fanOutInMix").asBoolean()).isTrue();
            assertThat(step5.path("fanOutServed").asBoolean()).isTrue();
            assertThat(step5.path("total").path("errors").asLong()).as(printed).isZero();
            assertThat(step5.path("endpoints").findValuesAsText("endpoint")).contains("GET /organizations/{organization}/members");
            assertThat(step5.path("traffic").path("dynamoDbCalls").path("Query").asLong()).isPositive(); // 1 of the 1 + N
            assertThat(step1.path("total").path("skipped").asLong()).isPositive(); // step 1 has no such route
        }
    }
}
