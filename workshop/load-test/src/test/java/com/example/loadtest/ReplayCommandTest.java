package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.dashboard.Events;
import com.example.localcloud.dashboard.Timeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay}: a results folder's timeline.json, served to the page again. */
@Timeout(30)
class ReplayCommandTest {

    @Test
    void servesTheRunOfAResultsFolderUntilQuit(@TempDir Path results) throws Exception {
        Timeline run = new Timeline();
        run.add(new Events.Mark(3.0, "step-4", "cache flushed"));
        run.end(new Events.End("Run finished"));
        run.writeTo(results.resolve(Timeline.FILE));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CountDownLatch quit = new CountDownLatch(1);
        ReplayCommand command = new ReplayCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), quit);
        command.run = results;
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = background.submit(command);
            Matcher address = Pattern.compile("Dashboard: (http://\\S+)").matcher("");
            while (!address.reset(printed.toString(StandardCharsets.UTF_8)).find()) {
                Thread.sleep(20);
            }

            HttpResponse<String> timeline = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(address.group(1)).resolve("/api/timeline")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(timeline.statusCode()).isEqualTo(200);
            assertThat(timeline.body()).isEqualTo(run.toJson());
            quit.countDown();
            assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void saysWhatItNeedsWhenTheFolderHasNoTimeline(@TempDir Path results) {
        ReplayCommand command = new ReplayCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
        command.run = results;

        assertThatThrownBy(command::call).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeline.json").hasMessageContaining("compare --dashboard");
    }
}
