package com.example.localcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's server without a browser: the page and its library served locally, the event stream, errors as JSON. */
@Timeout(30)
class DashboardServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesThePageAndEveryScriptAndStyleItNamesFromThisServer() throws Exception {
        try (DashboardServer server = DashboardServer.start(0, new Timeline())) {
            HttpResponse<String> page = get(server.uri());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
            int served = 0;
            while (references.find()) {
                String reference = references.group(1);
                assertThat(reference).as("nothing from the network").doesNotContain(":").doesNotStartWith("//");
                assertThat(get(server.uri().resolve(reference)).statusCode()).as(reference).isEqualTo(200);
                served++;
            }
            assertThat(served).as("uPlot's script and style, the page's own").isEqualTo(4);
        }
    }

    @Test
    void streamsTheWholeRunSoFarThenEndsWithIt() throws Exception {
        Timeline timeline = new Timeline();
        timeline.add(new Events.Status("Starting step-1"));
        timeline.add(new Events.Mark(1.5, "all", "cache flushed"));
        timeline.end(new Events.End("Run finished"));
        try (DashboardServer server = DashboardServer.start(0, timeline)) {
            HttpResponse<String> events = get(server.uri().resolve("/api/events"));

            assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(events.body().lines().filter(line -> line.startsWith("data: ")).toList()).containsExactly(
                    "data: {\"text\":\"Starting step-1\",\"type\":\"status\"}",
                    "data: {\"t\":1.5,\"stage\":\"all\",\"label\":\"cache flushed\",\"type\":\"mark\"}",
                    "data: {\"text\":\"Run finished\",\"type\":\"end\"}");
        }
    }

    @Test
    void aTimelineWrittenAtTheEndReadsBackForAReplay(@TempDir Path folder) {
        Timeline timeline = new Timeline();
        timeline.add(new Events.Hello("step-1 vs step-4", "seed 42", List.of(new Events.StageInfo("step-1",
                StageWords.caches("step-1"), "local cloud", "http://localhost:1")), 5, true));
        timeline.end(new Events.End("Run finished"));

        Timeline replayed = Timeline.read(timeline.writeTo(folder.resolve(Timeline.FILE)));

        assertThat(replayed.toJson()).isEqualTo(timeline.toJson());
        assertThat(replayed.ended()).isTrue();
    }

    @Test
    void answersMistakesWithAStatusAndTheReasonInJson() throws Exception {
        try (DashboardServer server = DashboardServer.start(0, new Timeline())) {
            assertError(post(server.uri().resolve("/api/controls/flush")), 409, "still starting");
            assertError(get(server.uri().resolve("/api/controls/flush")), 405, "POST");
            assertError(get(server.uri().resolve("/nothing-here")), 404, "Nothing at /nothing-here");
            assertError(get(URI.create(server.uri() + "webjars/uplot/../../secret")), 400, "..");
        }
    }

    @Test
    void aReplayedRunSaysItHasNothingToControl() throws Exception {
        Timeline finished = new Timeline();
        finished.end(new Events.End("Run finished"));
        try (DashboardServer server = DashboardServer.start(0, finished)) {
            assertError(post(server.uri().resolve("/api/controls/momento-down")), 409, "This run has finished (a replay)");
        }
    }

    private static void assertError(HttpResponse<String> answer, int status, String reason) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new ObjectMapper().readTree(answer.body()).path("error").asText()).contains(reason);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
