package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's local cloud: its log, and a port another process took meanwhile (tried again, on another). */
class LocalCloudProcessTest {
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aTakenPortIsTriedAgainUntilAStartSucceeds() throws Exception {
        String started = LocalCloudProcess.onAnotherPortIfTaken(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("the local cloud stopped before it was ready:\n  The local cloud cannot start: Cannot"
                        + " start API Gateway on 127.0.0.1:40453: Failed to bind to /127.0.0.1:40453");
            }
            return "up";
        });

        assertThat(started).isEqualTo("up");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aPortTheLocalCloudFoundTakenBeforeItsStartIsTriedAgainToo() throws Exception {
        String started = LocalCloudProcess.onAnotherPortIfTaken(() -> {
            if (attempts.incrementAndGet() < 2) {
                throw new IOException("the local cloud stopped before it was ready:\n  The local cloud cannot start: Port 40453"
                        + " is taken, most often by a local cloud still running in another terminal");
            }
            return "up";
        });

        assertThat(started).isEqualTo("up");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aTakenPortEveryTimeFailsAfterThreeTries() {
        assertThatThrownBy(() -> LocalCloudProcess.onAnotherPortIfTaken(() -> {
            attempts.incrementAndGet();
            throw new IOException("Cannot start API Gateway on 127.0.0.1:1: Failed to bind to /127.0.0.1:1");
        })).hasMessageContaining("Failed to bind");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherReasonIsNotTriedAgain() {
        assertThatThrownBy(() -> LocalCloudProcess.onAnotherPortIfTaken(() -> {
            attempts.incrementAndGet();
            throw new IOException("the local cloud stopped before it was ready:\n  serverless.yml, line 3: bad indentation");
        })).hasMessageContaining("bad indentation");
        assertThat(attempts).hasValue(1);
    }

    /**
     * The log the check names while it runs can be followed, and is there after a check stopped with
     * Ctrl-C (which runs no saving at the end): every line is in the file as soon as it is printed.
     */
    @Test
    void theLogFileHoldsEachLineAsSoonAsItIsPrinted(@TempDir Path folder) throws Exception {
        Path program = Files.writeString(folder.resolve("PrintsThenWaits.java"), "class PrintsThenWaits { public static void"
                + " main(String[] args) throws Exception { System.out.println(\"ready on 3000\"); Thread.sleep(60_000); } }");
        Path logFile = folder.resolve("local-cloud.log");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), program.toString())
                .redirectErrorStream(true).start();
        try (LocalCloudProcess cloud = new LocalCloudProcess(process, URI.create("http://127.0.0.1:9/"),
                Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readAllLines(logFile).contains("ready on 3000")) {
                assertThat(System.nanoTime()).as("the line in the file within a minute; in memory: %s", cloud.log())
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(process.isAlive()).as("still running when its line was in the file").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }
}
