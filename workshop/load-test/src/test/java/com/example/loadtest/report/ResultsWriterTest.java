package com.example.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.run.StageResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {

    private final List<StageResult> results = List.of(SampleResults.withoutCache(), SampleResults.withCache(), SampleResults.deployed());

    @Test
    void writesTheReportTheRawNumbersAndTheCharts(@TempDir Path folder) throws Exception {
        String report = ComparisonReport.text(SampleResults.run(), results);

        List<Path> written = ResultsWriter.writeComparison(folder, SampleResults.run(), results, report);

        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactly("report.txt", "results.json", "results.csv", "latency.html", "latency-all.svg");
        assertThat(folder.resolve("report.txt")).hasContent(report);

        JsonNode json = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertThat(json.path("run").path("seed").asLong()).isEqualTo(42);
        JsonNode step1 = json.path("stages").get(0);
        assertThat(step1.path("target").asText()).isEqualTo("step-1");
        assertThat(step1.path("total").path("requests").asLong()).isEqualTo(101);
        assertThat(step1.path("total").path("maxMs").asDouble()).isEqualTo(50.0);
        assertThat(step1.path("traffic").path("dynamoDbReadsPerRequest").asDouble()).isEqualTo(1.0);
        assertThat(json.path("stages").get(1).path("traffic").path("dynamoDbReadsSavedShare").asDouble()).isEqualTo(180.0 / 210);
        assertThat(json.path("stages").get(2).path("traffic").isNull()).isTrue();
        assertThat(json.path("stages").get(2).path("trafficNote").asText()).contains("deployed");

        List<String> csv = Files.readAllLines(folder.resolve("results.csv"));
        assertThat(csv.get(0)).startsWith("stage,endpoint,requests,errors,skipped,avg_ms,p50_ms");
        StageResult step1Result = results.get(0);
        assertThat(csv).contains(String.format(java.util.Locale.ROOT, "step-1,all,101,0,1,10.396,%.3f,%.3f,%.3f,%.3f,50.000,0,0,101",
                step1Result.total().p50Ms(), step1Result.total().p90Ms(), step1Result.total().p99Ms(), step1Result.total().p999Ms()));
        assertThat(csv).hasSize(1 + (1 + 3) + (1 + 3) + (1 + 1));
    }

    /** A stage whose requests all failed has no latencies in the raw numbers either: 0 ms would read as the fastest. */
    @Test
    void aStageWithNoSuccessesHasNoLatenciesInTheRawNumbers(@TempDir Path folder) throws Exception {
        List<StageResult> failing = List.of(SampleResults.withoutCache(), SampleResults.allFailing());

        ResultsWriter.writeComparison(folder, SampleResults.run(), failing, "report");

        assertThat(Files.readAllLines(folder.resolve("results.csv"))).filteredOn(line -> line.startsWith("step-4,all,"))
                .singleElement().asString().startsWith("step-4,all,50,50,0,,,,,,,");
        JsonNode json = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        JsonNode total = json.path("stages").get(1).path("total");
        assertThat(total.path("requests").asLong()).isEqualTo(50);
        assertThat(List.of("avgMs", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs")).allSatisfy(field ->
                assertThat(total.get(field).isNull()).as(field).isTrue());
        assertThat(json.path("stages").get(0).path("total").path("p50Ms").isNumber()).as("a stage with successes keeps them")
                .isTrue();
    }

    @Test
    void theChartIsSelfContained(@TempDir Path folder) throws Exception {
        ResultsWriter.writeComparison(folder, SampleResults.run(), results, "report");

        String html = Files.readString(folder.resolve("latency.html"));
        assertThat(html).contains("<svg", "All endpoints", "GET /users/{username}", "p99.9", "step-1", "step-5");
        assertThat(html).doesNotContain("<script", "<link", "http://", "https://"); // works offline
        String svg = Files.readString(folder.resolve("latency-all.svg"));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }

    @Test
    void aNewFolderPerRunNamedByTheTime(@TempDir Path parent) {
        LocalDateTime now = LocalDateTime.of(2026, 11, 23, 14, 3, 12);

        Path first = ResultsWriter.newFolder(parent, now);
        Path second = ResultsWriter.newFolder(parent, now);

        assertThat(first.getFileName()).hasToString("20261123-140312");
        assertThat(second.getFileName()).hasToString("20261123-140312-2");
        assertThat(first).isDirectory();
    }
}
