package com.example.workshop.tools.prepare;

import com.example.workshop.tools.check.LocalCloudProcess;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's start command on one stage: the local cloud builds the stage, starts it, and the
 * service must answer a write and a read (POST /users, then GET /users/{username}).
 */
final class StartCheck implements ReadinessCheck {
    private final Path root;
    private final Path stage;
    private final Path logFile;

    StartCheck(Path root, Path stage, Path logFile) {
        this.root = root;
        this.stage = stage;
        this.logFile = logFile;
    }

    @Override
    public String title() {
        return stage.equals(root) ? "the local cloud on your working copy (the README's start command)"
                : "the local cloud on " + relative(stage);
    }

    @Override
    public String command() {
        return "./mvnw -o -q -f workshop/local-cloud compile exec:java" + (stage.equals(root) ? "" : " -Dstage=" + relative(stage));
    }

    @Override
    public Outcome run(boolean offline) throws IOException, InterruptedException {
        long started = System.nanoTime();
        LocalCloudProcess cloud;
        try {
            cloud = LocalCloudProcess.start(root, stage, true, environment -> MavenProcess.environment(environment, offline), logFile);
        } catch (IOException notStarted) {
            // The message holds the last lines the local cloud printed, or why it could not run at all.
            List<String> output = Arrays.asList(notStarted.getMessage().split("\n"));
            if (Files.notExists(logFile) || Files.size(logFile) == 0) {
                Files.createDirectories(logFile.getParent());
                Files.write(logFile, output);
            }
            List<String> missing = MissingDownloads.in(output);
            return Outcome.failed((missing.isEmpty() ? "did not start: " + MavenProcess.firstError(output)
                    : "missing downloads: " + MissingDownloads.summary(missing)) + " (log: " + relative(logFile) + ")", missing);
        }
        long up = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        int secondTryFrom = 0; // the log's lines from the try that reports
        try {
            LocalService service = new LocalService(cloud.base(), cloud::log);
            try {
                answersAWriteAndARead(service);
            } catch (ProbeFailure | HttpTimeoutException first) {
                // On a busy machine a cold start can outlast the function's time limit once; warm, it answers.
                secondTryFrom = cloud.log().size();
                answersAWriteAndARead(service);
            }
            // A free port, not the README's 3000, so a local cloud the attendee left running is no obstacle.
            return Outcome.passed("up in " + up + " s on port " + cloud.base().getPort() + " (a free one),"
                    + " answered POST /users and GET /users/{username}");
        } catch (ProbeFailure | IOException wrongAnswer) {
            List<String> log = cloud.log();
            return Outcome.failed("started, but " + wrongAnswer.getMessage() + busy(log.subList(Math.min(secondTryFrom, log.size()),
                    log.size())) + " (log: " + relative(logFile) + ")", List.of());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Outcome.failed("started, but " + e, List.of());
        } finally {
            cloud.close();
        }
    }

    private static void answersAWriteAndARead(LocalService service) throws Exception {
        String username = service.createUser("ready");
        LocalService.Reply read = service.get("/users/" + username);
        ProbeFailure.expect(read.status() == 200, read.describe("GET /users/" + username));
    }

    /** What the local cloud said of a request that ran out of time in {@code log}, if it did: the machine, not the code. */
    static String busy(List<String> log) {
        return log.stream().filter(line -> line.contains("Task timed out after") || line.contains("INIT failed: init took longer"))
                .findFirst().map(line -> "; the local cloud said " + line.strip() + ": a machine this busy needs more time,"
                        + " run prepare --check again when it is quieter").orElse("");
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
