package com.example.localcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.LocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The local cloud's own dashboard ({@code -Ddashboard}) in a real (headless) Chromium, as an
 * instructor opens it on a stage that curl drives: no Load buttons, the requests charted, a curl
 * to {@code /_local} marked, a button working. (The load test's {@code DashboardBrowserTest} covers
 * the page under load.) The fixture stage: no build, so it takes seconds.
 */
@Timeout(60)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock("fixture-stage")
class CloudDashboardBrowserTest {
    // Debian's chromium and chromium-driver; elsewhere, -Dchromium=... -Dchromedriver=... (e.g. a Chrome and its driver)
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private final HttpClient http = HttpClient.newHttpClient();
    private ChromeDriver browser;

    @Test
    void showsWhatTheCloudSeesWithoutLoadButtons(@TempDir Path stageDirectory) throws Exception {
        String why = "CloudDashboardBrowserTest skipped: no Chromium here (" + CHROMIUM + " and " + CHROMEDRIVER + "); it needs "
                + "Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)";
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.out.println(why);
        }
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), why);
        FixtureStage.create(stageDirectory);
        try (LocalCloud cloud = LocalCloud.builder(stageDirectory).port(0).build(false).log(line -> { }).start();
             Dashboard dashboard = Dashboard.forCloud(cloud, 0)) {
            browser = chromium();
            try {
                browser.get(dashboard.uri().toString());
                String stage = stageDirectory.getFileName().toString();
                waitUntil("the stage's card", () -> !browser.findElements(By.cssSelector(".stage[data-stage='" + stage + "']")).isEmpty());
                assertThat(browser.findElement(By.id("title")).getText()).contains("fixture: " + stage);
                assertThat(browser.findElement(By.cssSelector("#controls [aria-label='Load']")).isDisplayed()).as("Load buttons").isFalse();
                assertThat(browser.findElement(By.cssSelector("button[data-action='momento-down']")).isDisplayed()).isTrue();
                waitUntil("the header says live", () -> "live".equals(browser.findElement(By.id("load")).getAttribute("data-state")));

                for (int i = 0; i < 3; i++) {
                    assertThat(send("GET", cloud.baseUri() + "/echo/world").statusCode()).isEqualTo(200);
                }
                waitUntil("API Gateway's latency on the card", () -> !figure(stage, "p50").equals("–"));
                assertThat(card(stage).findElement(By.cssSelector("[data-field=coldStarts]")).getText()).contains("1 cold start", "echo#1");
                assertThat(send("GET", cloud.baseUri() + "/broken-init").statusCode()).isEqualTo(502);
                waitUntil("the failed Init said so on the card", () -> card(stage).findElement(By.cssSelector("[data-field=coldStarts]"))
                        .getText().matches("2 cold starts, .*brokenInit#1 failed after \\d+\\.\\d s.*"));
                assertThat(browser.executeScript("return coldStartLabel({failed: true, initDurationMs: 20100})"
                        + " + ' / ' + coldStartLabel({failed: false, initDurationMs: 1500})"))
                        .as("the chart's labels").isEqualTo("Init failed after 20.1 s / Init 1.5 s");

                int marks = marks();
                assertThat(send("POST", cloud.baseUri() + "/_local/dynamodb/delay?ms=5").statusCode()).isEqualTo(200);
                waitUntil("a mark for the curl", () -> marks() == marks + 1);
                waitUntil("the delay in force on the card", () -> inForce(stage).contains("DynamoDB +5 ms on every call (from /_local)"));

                browser.findElement(By.cssSelector("button[data-action='dynamodb-ok']")).click();
                waitUntil("the button's mark", () -> marks() == marks + 2);
                waitUntil("nothing in force", () -> inForce(stage).isEmpty());
                assertThat(browser.findElement(By.id("said")).getAttribute("data-error")).isEqualTo("false");
            } finally {
                browser.quit();
            }
        }
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1920,1080");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    private WebElement card(String stage) {
        return browser.findElement(By.cssSelector(".stage[data-stage='" + stage + "']"));
    }

    private String figure(String stage, String field) {
        return card(stage).findElement(By.cssSelector("[data-field='" + field + "'] .value")).getText().strip();
    }

    private String inForce(String stage) {
        return card(stage).findElement(By.cssSelector("[data-field=inForce]")).getText();
    }

    private int marks() {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-chart='latency']")).getAttribute("data-marks"));
    }

    private HttpResponse<String> send(String method, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void waitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(what).until(driver -> condition.get());
    }
}
