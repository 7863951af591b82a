package com.example.localcloud.lambda;

import com.example.localcloud.service.OwnedTempDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private part of one execution environment on disk: its own {@code /tmp} (Lambda gives each
 * environment a fresh one, and nobody else sees it) and the file its output goes to. Deleted
 * when the environment ends.
 */
final class EnvironmentSandbox implements AutoCloseable {

    private final Path directory;

    private EnvironmentSandbox(Path directory) {
        this.directory = directory;
    }

    static EnvironmentSandbox create(String environmentId) throws IOException {
        Path directory = OwnedTempDirectories.create("local-cloud-env-", environmentId.replaceAll("[^A-Za-z0-9]", "-") + "-");
        Files.createDirectory(directory.resolve("tmp"));
        return new EnvironmentSandbox(directory);
    }

    /** The function's {@code /tmp}: {@code java.io.tmpdir} and {@code TMPDIR} point here. */
    Path tmp() {
        return directory.resolve("tmp");
    }

    /** Where the process's standard output and error go (outside {@link #tmp()}: the function does not see it). */
    Path outputFile() {
        return directory.resolve("output.log");
    }

    /** Deletes everything; call it once the process has exited (Windows keeps open files). */
    @Override
    public void close() {
        OwnedTempDirectories.delete(directory);
    }
}
