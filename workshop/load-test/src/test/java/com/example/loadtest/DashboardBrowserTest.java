package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.localcloud.dashboard.Timeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live dashboard as an instructor sees it: a real {@code compare --dashboard} of step 1 and
 * step 4 in local clouds, opened in a real (headless) Chromium, clicked like on stage. One run is
 * shared by the test methods, in order; they assert what the page shows, never how fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardBrowserTest {
    // Debian's chromium and chromium-driver; elsewhere, -Dchromium=... -Dchromedriver=... (e.g. a Chrome and its driver)
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final Pattern DASHBOARD_LINE = Pattern.compile("Dashboard: (http://\\S+)");
    /** Where the screenshot for the load test's README is written. */
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    /** The run's results and its local clouds' logs: kept for a look after a failure, replaced by the next run. */
    private static final Path RESULTS = Path.of("target", "dashboard-browser-test");

    private final Workspace workspace = Workspace.locate();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Path results;
    private Future<Integer> comparison;
    private ChromeDriver browser;
    private URI dashboard;

    @BeforeAll
    void startComparisonAndBrowser() throws Exception {
        String why = "DashboardBrowserTest skipped: no Chromium here (" + CHROMIUM + " and " + CHROMEDRIVER + "); it needs "
                + "Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)";
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.out.println(why); // Surefire counts a class skipped in @BeforeAll as 0 tests run: say why in the build's output
        }
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), why);
        results = emptyDirectory(RESULTS);
        List<String> args = new ArrayList<>(List.of("compare", "--dashboard", "--stages", "step-1,step-4",
                "--users", "12", "--organizations", "2", "--members", "2-4", "--warmup", "20",
                "--concurrency", "2", "--max-environments", "1", "--results", results.toString(),
                // as in the README's demo: the Momento faults then combine with the simulated network time
                "--dynamodb-delay", "6ms", "--momento-delay", "1ms"));
        boolean built = List.of("step-1", "step-4").stream().allMatch(stage ->
                Files.isRegularFile(workspace.stageDirectory(stage).resolve("target/accounts-service.jar")));
        if (built) {
            args.add("--no-build");
        }
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        String[] arguments = args.toArray(String[]::new);
        comparison = background.submit(() -> LoadTest.commandLine(arguments, out, workspace).execute(arguments));
        dashboard = URI.create(waitFor("the dashboard's address", () -> {
            Matcher line = DASHBOARD_LINE.matcher(printed());
            return line.find() ? line.group(1) : null;
        }, Duration.ofSeconds(30)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // A projector's 16:9, headless; no sandbox, as root in CI.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1920,1080");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.get(dashboard + "?replaySeconds=2"); // the last test's replay then plays in 2 s rather than 10
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (comparison != null && !comparison.isDone()) {
            post("stop"); // the command then writes its results and closes the local clouds
            comparison.get(60, TimeUnit.SECONDS);
        }
        background.shutdownNow();
    }

    @Test
    @Order(1)
    void showsEachStageInWordsAndDrawsNewPointsEverySecond() {
        waitUntil("the load runs", () -> browser.findElement(By.id("load")).getAttribute("data-state").equals("running"),
                Duration.ofSeconds(180));
        assertThat(card("step-1").getText()).contains("step-1", "No cache: every read goes to DynamoDB");
        assertThat(card("step-4").getText()).contains("step-4", "Write-aside");

        int before = points("latency");
        waitUntil("two more points on every chart", () -> List.of("latency", "throughput", "hitRatio", "dynamoDb").stream()
                .allMatch(chart -> points(chart) >= before + 2), Duration.ofSeconds(20));
        assertThat(figure("step-1", "hitRatio")).isEqualTo("no cache reads");
        waitUntil("step-4 hits its cache", () -> percent(figure("step-4", "hitRatio")) >= 50, Duration.ofSeconds(20));
    }

    @Test
    @Order(2)
    void momentoDownFromThePageDropsTheHitRatioToZeroWithoutErrorsAndBackRecovers() {
        int marks = marks();
        click("momento-down");
        waitUntil("step-4's hit ratio at 0 %", () -> figure("step-4", "hitRatio").equals("0 %"), Duration.ofSeconds(20));
        assertThat(marks()).as("a mark where Momento went down").isEqualTo(marks + 1);
        assertThat(card("step-4").findElement(By.cssSelector("[data-field=inForce]")).getText()).contains("Momento down");
        // The service falls back to DynamoDB: the room sees its answers unchanged.
        int down = pointsNow();
        waitUntil("another second of Momento down", () -> pointsNow() > down, Duration.ofSeconds(20));
        assertThat(figure("step-4", "errors")).isEqualTo("0");
        assertThat(figure("step-1", "errors")).isEqualTo("0");

        click("momento-ok");
        waitUntil("step-4's hit ratio back above 50 %", () -> percent(figure("step-4", "hitRatio")) >= 50, Duration.ofSeconds(20));
        assertThat(figure("step-4", "errors")).isEqualTo("0");
        assertThat(card("step-4").findElement(By.cssSelector("[data-field=inForce]")).getText())
                .doesNotContain("Momento down").contains("network: DynamoDB +6 ms, Momento +1 ms");
    }

    @Test
    @Order(3)
    void aScriptUsingTheLocalCloudsOwnEndpointsShowsOnThePage() throws Exception {
        Matcher line = Pattern.compile("step-4 answers on (http://\\S+)").matcher(printed());
        assertThat(line.find()).as(printed()).isTrue();
        int marks = marks();

        URI faults = URI.create(line.group(1) + "/_local/momento/faults");
        // Two changes, two marks: clear what is in force (the simulated network time too), then fail Momento.
        assertThat(send(HttpRequest.newBuilder(faults).DELETE().build()).statusCode()).isEqualTo(200);
        HttpResponse<String> down = send(HttpRequest.newBuilder(URI.create(faults + "?rpc=data&status=UNAVAILABLE"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(down.statusCode()).as(down.body()).isEqualTo(201);
        waitUntil("a mark for each of the script's changes", () -> marks() >= marks + 2, Duration.ofSeconds(10));
        assertThat(card("step-4").findElement(By.cssSelector("[data-field=inForce]")).getText())
                .contains("Momento data fail UNAVAILABLE", "(from /_local)");
        waitUntil("step-4's hit ratio at 0 %", () -> figure("step-4", "hitRatio").equals("0 %"), Duration.ofSeconds(20));
        click("momento-ok"); // the page's Back clears what the script did too
        waitUntil("step-4's hit ratio back above 50 %", () -> percent(figure("step-4", "hitRatio")) >= 50, Duration.ofSeconds(20));
    }

    @Test
    @Order(5)
    void aFlushShowsMissesThenHits() {
        // The misses of ordinary seconds (e.g. outsiders' lookups, never cached): the page's last three, as it received them.
        Number quietMisses = (Number) browser.executeScript("return Math.max(...run.events.filter(e => e.type === 'tick')"
                + ".slice(-3).map(e => e.stages.find(s => s.stage === 'step-4').cacheMisses))");
        int floor = quietMisses.intValue();
        click("flush");
        waitUntil("more misses than in an ordinary second", () -> misses("step-4") > floor, Duration.ofSeconds(20));
        waitUntil("hits again", () -> misses("step-4") <= floor && percent(figure("step-4", "hitRatio")) >= 50,
                Duration.ofSeconds(30));
        assertThat(figure("step-4", "errors")).isEqualTo("0");
    }

    @Test
    @Order(4)
    void badControlsAnswer400WithTheReason() throws Exception {
        HttpResponse<String> unknown = post("make-it-fast");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(unknown.body()).path("error").asText()).contains("Unknown control", "momento-down");
        HttpResponse<String> badConcurrency = post("concurrency?value=many");
        assertThat(badConcurrency.statusCode()).isEqualTo(400);
        assertThat(badConcurrency.body()).contains("\"error\"", "concurrency from 1 to");
        HttpResponse<String> noSuchStage = post("flush?stage=step-9");
        assertThat(noSuchStage.statusCode()).isEqualTo(400);
        assertThat(noSuchStage.body()).contains("No stage 'step-9'");
    }

    @Test
    @Order(6)
    void aPauseIsSaidOnThePageAndLeavesTheHitRatioUnknownNotBridged() {
        assertThat((Boolean) browser.executeScript("return run.charts.hitRatio.plot.series.slice(1).every(s => !s.spanGaps)"))
                .as("the hit ratio's lines break at null (uPlot draws across undefined only)").isTrue();
        assertThat(browser.executeScript("const f = {}, quiet = {hitRatio: null}, out = [];"
                + " out.push(hitRatioPoint(f, {hitRatio: 0}, 'running'));"
                + " for (let i = 0; i < 11; i++) out.push(hitRatioPoint(f, quiet, 'running'));"
                + " out.push(hitRatioPoint(f, {hitRatio: 0.5}, 'running'), hitRatioPoint(f, quiet, 'paused'));"
                + " return out.map(v => v === undefined ? 'undefined' : String(v)).join(' ')"))
                .as("a ratio of 0 is a point; 10 quiet running seconds are bridged, the 11th is a gap; a paused second is a gap")
                .isEqualTo("0 undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined"
                        + " null 50 null");
        click("pause");
        waitUntil("the status line says paused", () -> browser.findElement(By.id("status")).getText().startsWith("Paused"),
                Duration.ofSeconds(10));
        waitUntil("a paused second on the hit ratio chart: a gap (null), not a point to draw a line through (undefined)",
                () -> (Boolean) browser.executeScript("const t = run.events.filter(e => e.type === 'tick').slice(-1)[0];"
                        + " return t.load === 'paused' && run.figures['step-4'].hit.slice(-1)[0] === null"), Duration.ofSeconds(10));
        assertThat(hitRatioFigure("step-4").getAttribute("data-last")).as("the card's ratio is marked as the last one measured").isEqualTo("true");
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector(\".stage[data-stage='step-4']"
                + " [data-field='hitRatio'] .name\"), '::after').content")).as("and says so under the figure").isEqualTo("\" (last)\"");

        click("start");
        waitUntil("the status line says the load runs", () -> browser.findElement(By.id("status")).getText()
                .startsWith("The load runs on every stage at once: Pause holds it"), Duration.ofSeconds(10));
        waitUntil("a measured ratio again, not the last one", () -> "false".equals(hitRatioFigure("step-4").getAttribute("data-last")),
                Duration.ofSeconds(30));
        waitUntil("hits again", () -> percent(figure("step-4", "hitRatio")) >= 50, Duration.ofSeconds(30));
    }

    private WebElement hitRatioFigure(String stage) {
        return card(stage).findElement(By.cssSelector("[data-field='hitRatio']"));
    }

    @Test
    @Order(7)
    void stopWritesTheResultsAndTheRunReplaysInThePage() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

        click("stop");
        assertThat(comparison.get(90, TimeUnit.SECONDS)).as(this::printed).isZero();
        waitUntil("the page says the run is over", () -> browser.findElement(By.id("status")).getText().contains("Run finished"),
                Duration.ofSeconds(10));
        Path timeline = results.resolve(Timeline.FILE);
        assertThat(results.resolve("results.json")).exists();
        JsonNode events = new ObjectMapper().readTree(timeline.toFile());
        long ticks = 0;
        for (JsonNode event : events) {
            ticks += event.path("type").asText().equals("tick") ? 1 : 0;
        }
        assertThat(events.findValuesAsText("label")).contains("Momento down", "Momento back", "cache flushed", "load stopped",
                "Momento back (/_local)", "Momento down (/_local)");

        browser.findElement(By.id("replay-file")).sendKeys(timeline.toAbsolutePath().toString());
        waitUntil("the replay has played", () -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-replayed")),
                Duration.ofSeconds(60));
        assertThat(points("latency")).isEqualTo(ticks);
        assertThat(marks()).isGreaterThanOrEqualTo(8); // start, down, back, the script's clear and down, back, flush, stop
        assertThat(browser.findElement(By.id("title")).getText()).contains("step-1 vs step-4", "replay");
    }

    private static Path emptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory).toAbsolutePath();
    }

    // ---- what the page shows ----

    private WebElement card(String stage) {
        return browser.findElement(By.cssSelector(".stage[data-stage='" + stage + "']"));
    }

    private String figure(String stage, String field) {
        return card(stage).findElement(By.cssSelector("[data-field='" + field + "'] .value")).getText().strip();
    }

    private int misses(String stage) {
        return Integer.parseInt(hitRatioFigure(stage).getAttribute("data-misses"));
    }

    private int points(String chart) {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-chart='" + chart + "']")).getAttribute("data-points"));
    }

    private int pointsNow() {
        return points("latency");
    }

    private int marks() {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-chart='latency']")).getAttribute("data-marks"));
    }

    private static int percent(String text) {
        return text.endsWith(" %") ? Integer.parseInt(text.substring(0, text.length() - 2)) : -1;
    }

    private void click(String action) {
        browser.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
        waitUntil("the page confirms " + action, () -> !browser.findElement(By.id("said")).getText().isBlank()
                && "false".equals(browser.findElement(By.id("said")).getAttribute("data-error")), Duration.ofSeconds(10));
        browser.executeScript("document.getElementById('said').textContent = ''");
    }

    private HttpResponse<String> post(String control) throws Exception {
        return send(HttpRequest.newBuilder(dashboard.resolve("/api/controls/" + control)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void waitUntil(String what, Supplier<Boolean> condition, Duration timeout) {
        new WebDriverWait(browser, timeout).withMessage(() -> what + "; the load test printed:\n" + printed())
                .until(driver -> condition.get());
    }

    private <T> T waitFor(String what, Supplier<T> value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T found = value.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + what + " within " + timeout + "; the load test printed:\n" + printed());
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
