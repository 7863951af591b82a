package com.example.loadtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A local cloud's log (REPORT lines, the functions' output, the stage build) kept in the results
 * folder rather than on the screen, where thousands of REPORT lines would bury the progress line.
 */
final class LogFile implements Consumer<String>, AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;

    LogFile(Path file) {
        this.file = file;
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
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

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
