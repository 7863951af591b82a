package com.example.loadtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local cloud's log (REPORT lines, the functions' output, the stage build) kept in the results
 * folder rather than on the screen, where thousands of REPORT lines would bury the progress line.
 * Buffered, as a load writes a few lines per request, and written out every second, so that
 * someone following the file during a run (tail -f) sees each line soon after it happened.
 */
final class LogFile implements Consumer<String>, AutoCloseable {

    /** One daemon thread writes out every open log file's buffer. */
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "log-file-flush");
        thread.setDaemon(true);
        return thread;
    });

    private final Path file;
    private final BufferedWriter writer;
    private final ScheduledFuture<?> flushing;

    LogFile(Path file) {
        this.file = file;
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        flushing = FLUSHER.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void accept(String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            // a full disk must not stop the load test; the results are written separately
        }
    }

    private synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            // as above; and a flush that waited for the lock while close() ran meets a closed writer ("Stream closed")
        }
    }

    @Override
    public synchronized void close() {
        flushing.cancel(false);
        try {
            writer.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
