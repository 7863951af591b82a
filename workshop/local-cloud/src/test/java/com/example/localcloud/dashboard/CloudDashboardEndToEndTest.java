package com.example.localcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.LocalCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The local cloud's own dashboard ({@code -Ddashboard}), over HTTP as the page reads it: a real
 * local cloud with the fixture handlers, its event stream followed the whole time. Requests sent
 * with curl's HTTP show as latency and cold starts; a change made through {@code /_local} is
 * marked where it happened; the page's buttons work, except the load's: there is no load generator.
 */
@Timeout(120)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock("fixture-stage")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudDashboardEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private LocalCloud cloud;
    private Dashboard dashboard;
    private Stream<String> stream;

    @BeforeAll
    void startCloudAndDashboard(@TempDir Path stageDirectory) throws Exception {
        FixtureStage.create(stageDirectory);
        cloud = LocalCloud.builder(stageDirectory).port(0).build(false).log(line -> { }).start();
        dashboard = Dashboard.forCloud(cloud, 0);
        stream = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("api/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).body();
        Thread reader = new Thread(() -> {
            try {
                stream.filter(line -> line.startsWith("data: ")).forEach(line -> events.add(json(line.substring("data: ".length()))));
            } catch (UncheckedIOException e) {
                // closed at the end
            }
        }, "dashboard-events");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterAll
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void servesThePageAndSaysThereIsNoLoadGenerator() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(dashboard.uri()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Live: serverless caching with Momento</title>");

        JsonNode hello = await("the hello", event -> event.path("type").asText().equals("hello"));
        assertThat(hello.path("load").asBoolean(true)).as("no Load buttons").isFalse();
        assertThat(hello.path("stages")).singleElement().satisfies(stage ->
                assertThat(stage.path("url").asText()).isEqualTo(cloud.baseUri().toString()));
        assertThat(await("a tick", event -> event.path("type").asText().equals("tick")).path("load").asText()).isEqualTo("live");
    }

    @Test
    @Order(2)
    void requestsToTheCloudShowAsLatencyAndTheirColdStart() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", cloud.baseUri() + "/echo/world").statusCode()).isEqualTo(200);
        }
        assertThat(send("GET", cloud.baseUri() + "/broken-init").statusCode()).as("a handler that cannot be created").isEqualTo(502);

        await("a second with API Gateway's latency", event -> sample(event) != null && !sample(event).path("p50Ms").isNull()
                && sample(event).path("p50Ms").asDouble() > 0);
        assertThat(seen.stream().map(CloudDashboardEndToEndTest::sample).filter(sample -> sample != null)
                .mapToDouble(sample -> sample.path("requestsPerSecond").asDouble()).sum()).isGreaterThan(0);
        assertThat(seen.stream().map(CloudDashboardEndToEndTest::sample).filter(sample -> sample != null)
                .flatMap(sample -> sample.path("coldStarts").valueStream()).map(coldStart -> coldStart.path("function").asText()))
                .contains("echo");
        Predicate<JsonNode> failedInit = event -> sample(event) != null
                && sample(event).path("coldStarts").findValuesAsText("function").contains("brokenInit");
        if (seen.stream().noneMatch(failedInit)) {
            await("the failed Init's cold start", failedInit);
        }
        assertThat(seen.stream().map(CloudDashboardEndToEndTest::sample).filter(sample -> sample != null)
                .flatMap(sample -> sample.path("coldStarts").valueStream())
                .map(coldStart -> coldStart.path("function").asText() + " failed " + coldStart.path("failed").asBoolean()
                        + (coldStart.path("initDurationMs").asDouble() > 0 ? ", tried a while" : ", no time")))
                .as("an Init that failed is told from one that served, with how long it tried")
                .contains("echo failed false, tried a while", "brokenInit failed true, tried a while");
    }

    @Test
    @Order(3)
    void aChangeMadeWithCurlIsMarkedWhereItHappenedAndShownInForce() throws Exception {
        HttpResponse<String> down = send("POST", cloud.baseUri() + "/_local/momento/faults?rpc=data&status=UNAVAILABLE");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(201);

        JsonNode mark = await("the mark of the curl", event -> event.path("type").asText().equals("mark"));
        assertThat(mark.path("label").asText()).isEqualTo("Momento down (/_local)");
        assertThat(mark.path("stage").asText()).isEqualTo(stageName());
        double lastTickBefore = seen.stream().filter(event -> event.path("type").asText().equals("tick"))
                .mapToDouble(event -> event.path("t").asDouble()).max().orElse(0);
        // Ticks come every second, and a loaded machine may run one late. This only bounds the mark's time: a mark
        // stamped at the tick that publishes it would pass too (about lastTickBefore + 1).
        assertThat(mark.path("t").asDouble()).as("within about a tick of the request")
                .isLessThanOrEqualTo(lastTickBefore + 2.0);
        await("the card says what is in force", event -> sample(event) != null
                && sample(event).path("inForce").toString().contains("Momento data fail UNAVAILABLE (from /_local)"));

        HttpResponse<String> badDelay = send("POST", cloud.baseUri() + "/_local/dynamodb/delay?ms=soon");
        assertThat(badDelay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDelay.body()).path("error").asText()).contains("ms must be", "'soon'");
        assertThat(send("POST", cloud.baseUri() + "/_local/dynamodb/delay?ms=5").statusCode()).isEqualTo(200);
        assertThat(await("the mark of the delay", event -> event.path("type").asText().equals("mark")).path("label").asText())
                .isEqualTo("DynamoDB +5 ms (/_local)");
        await("the delay in force", event -> sample(event) != null
                && sample(event).path("inForce").toString().contains("DynamoDB +5 ms on every call (from /_local)"));
        assertThat(cloud.controlLog().after(0)).as("the refused request changed nothing").hasSize(2);
    }

    @Test
    @Order(4)
    void thePagesButtonsWorkButTheLoadsAnswer400() throws Exception {
        HttpResponse<String> flush = send("POST", dashboard.uri() + "api/controls/momento-ok");
        assertThat(flush.statusCode()).as(flush.body()).isEqualTo(200);
        assertThat(await("the button's mark", event -> event.path("type").asText().equals("mark")).path("label").asText())
                .isEqualTo("Momento back");
        await("nothing from /_local in force any more", event -> sample(event) != null
                && !sample(event).path("inForce").toString().contains("Momento data fail"));

        int environments = cloud.lambda().environmentCount("echo");
        HttpResponse<String> coldStarts = send("POST", dashboard.uri() + "api/controls/cold-starts");
        assertThat(coldStarts.statusCode()).as(coldStarts.body()).isEqualTo(200);
        assertThat(await("the cold starts' mark", event -> event.path("type").asText().equals("mark")).path("label").asText())
                .isEqualTo("new environments");
        assertThat(environments).as("echo's environments before").isPositive();
        assertThat(cloud.lambda().environmentCount("echo")).as("echo's environments after").isZero();

        HttpResponse<String> start = send("POST", dashboard.uri() + "api/controls/start");
        assertThat(start.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(start.body()).path("error").asText()).contains("No load generator", "compare --dashboard");
        HttpResponse<String> unknown = send("POST", dashboard.uri() + "api/controls/make-it-fast");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).contains("Unknown control 'make-it-fast'");
    }

    // ---- the event stream, as the page reads it ----

    /** The next event that matches, waiting for it; every event read on the way is kept in {@link #seen}. */
    private JsonNode await(String what, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("No " + what + " within " + PATIENCE + "; the events so far: " + seen);
    }

    /** The stage's figures in a tick, null for another event. */
    private static JsonNode sample(JsonNode event) {
        return event.path("type").asText().equals("tick") ? event.path("stages").get(0) : null;
    }

    private String stageName() {
        return cloud.config().file().getParent().getFileName().toString();
    }

    private HttpResponse<String> send(String method, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
