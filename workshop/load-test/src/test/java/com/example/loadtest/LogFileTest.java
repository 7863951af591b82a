package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local cloud's log file can be followed while a run goes on (an instructor's tail -f during a paused demo). */
class LogFileTest {

    @Test
    void aLineIsInTheFileSoonAfterItIsWrittenNotOnlyAtTheEnd(@TempDir Path directory) throws Exception {
        Path path = directory.resolve("step-1-local-cloud.log");
        try (LogFile log = new LogFile(path)) {
            log.accept("[getUser#1] Stopped after 10 minutes without an event");

            long deadline = System.nanoTime() + 10_000_000_000L; // written out every second; 10 s for a busy machine
            while (Files.size(path) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(path).content().isEqualTo("[getUser#1] Stopped after 10 minutes without an event" + System.lineSeparator());

            log.accept("the last line");
        }
        assertThat(path).content().endsWith("the last line" + System.lineSeparator());
    }
}
