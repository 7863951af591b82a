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
    /** The code the environment runs on ({@link TaskRoots}): kept while it runs, even once a rebuild supersedes it. */
    private Path taskRoot;

    private EnvironmentSandbox(Path directory) {
        this.directory = directory;
    }

    /** The environment runs on {@code taskRoot} from now on, until {@link #close()}. */
    synchronized void runsOn(Path taskRoot) {
        TaskRoots.hold(taskRoot);
        this.taskRoot = taskRoot;
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
    public synchronized void close() {
        OwnedTempDirectories.delete(directory);
        if (taskRoot != null) {
            TaskRoots.release(taskRoot);
            taskRoot = null;
        }
    }
}
