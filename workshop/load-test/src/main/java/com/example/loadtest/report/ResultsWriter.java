package com.example.loadtest.report;

import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.StageResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's files into its results folder: the printed report, the raw numbers (JSON and
 * CSV) and the chart (an HTML page, and the "all endpoints" chart as a standalone SVG).
 */
public final class ResultsWriter {
    public static final String REPORT = "report.txt";
    public static final String JSON = "results.json";
    public static final String CSV = "results.csv";
    public static final String CHART_HTML = "latency.html";
    public static final String CHART_SVG = "latency-all.svg";

    private static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** An endpoint's latencies in the JSON: no figure at all, rather than 0, when none of its requests succeeded. */
    private static final List<String> LATENCIES = List.of("avgMs", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs");

    private ResultsWriter() {
    }

    /** A new folder {@code <parent>/<yyyyMMdd-HHmmss>} (with a suffix if that exists already). */
    public static Path newFolder(Path parent, LocalDateTime now) {
        String name = FOLDER_NAME.format(now);
        Path folder = parent.resolve(name);
        for (int suffix = 2; Files.exists(folder); suffix++) {
            folder = parent.resolve(name + "-" + suffix);
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the results folder " + folder, e);
        }
    }

    /** Writes every file of a comparison; returns them, in the order written. */
    public static List<Path> writeComparison(Path folder, RunInfo run, List<StageResult> results, String reportText) {
        List<Path> written = new ArrayList<>();
        written.add(write(folder.resolve(REPORT), reportText));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("stages", results);
        written.add(writeJson(folder.resolve(JSON), json));
        written.add(write(folder.resolve(CSV), csv(results)));
        written.add(write(folder.resolve(CHART_HTML), LatencyChart.html(run, results)));
        written.add(write(folder.resolve(CHART_SVG), LatencyChart.svg(EndpointStats.ALL, results, true)));
        return written;
    }

    /**
     * One row per stage and endpoint ("all" first), latencies in milliseconds; empty where no
     * request succeeded (0 would read as the fastest).
     */
    static String csv(List<StageResult> results) {
        StringBuilder csv = new StringBuilder("stage,endpoint,requests,errors,skipped,avg_ms,p50_ms,p90_ms,p99_ms,p99_9_ms,max_ms,"
                + "cache_gets,cache_hits,dynamodb_reads\n");
        for (StageResult result : results) {
            List<EndpointStats> rows = new ArrayList<>();
            rows.add(result.total());
            rows.addAll(result.endpoints());
            for (EndpointStats stats : rows) {
                boolean all = stats.endpoint().equals(EndpointStats.ALL);
                String traffic = !all || result.traffic() == null ? ",,"
                        : result.traffic().cache().gets() + "," + result.traffic().cache().hits() + "," + result.traffic().dynamoDbReads();
                String latencies = stats.successes() == 0 ? ",,,,,"
                        : Numbers.decimal(stats.avgMs(), 3) + "," + Numbers.decimal(stats.p50Ms(), 3) + ","
                                + Numbers.decimal(stats.p90Ms(), 3) + "," + Numbers.decimal(stats.p99Ms(), 3) + ","
                                + Numbers.decimal(stats.p999Ms(), 3) + "," + Numbers.decimal(stats.maxMs(), 3);
                csv.append(quote(result.target())).append(',').append(quote(stats.endpoint())).append(',')
                        .append(stats.requests()).append(',').append(stats.errors()).append(',').append(stats.skipped()).append(',')
                        .append(latencies).append(',').append(traffic).append('\n');
            }
        }
        return csv.toString();
    }

    public static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e, e);
        }
    }

    public static Path writeJson(Path file, Object value) {
        try {
            MAPPER.writeValue(file.toFile(), withoutLatenciesOfNoSuccess(MAPPER.valueToTree(value)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** null, not 0, for the latencies of an endpoint's figures with no successful request, wherever they are in the tree. */
    static JsonNode withoutLatenciesOfNoSuccess(JsonNode node) {
        if (node instanceof ObjectNode figures && figures.has("requests") && figures.has("errors") && figures.has("p50Ms")
                && figures.get("requests").asLong() == figures.get("errors").asLong()) {
            LATENCIES.forEach(figures::putNull);
        }
        node.forEach(ResultsWriter::withoutLatenciesOfNoSuccess); // an object's values, an array's elements
        return node;
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
