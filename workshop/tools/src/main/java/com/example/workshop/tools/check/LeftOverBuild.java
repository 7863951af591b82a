package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Maven build a tool is running in a working copy, written down while it runs. A check killed
 * with {@code kill -9} (or a closed laptop's terminal that did not pass the signal on) runs no
 * shutdown hook, so its build goes on; the next check would then build into the same target/
 * beside it, and blame right code for the broken build. The next check stops it first.
 */
public final class LeftOverBuild {
    private LeftOverBuild() {
    }

    static Path file(Path root) {
        return root.resolve("target/workshop-check/build.pid");
    }

    /** Writes down the running build: its pid and its start (so a reused pid is never taken for it). */
    static void record(Path root, ProcessHandle build) throws IOException {
        Optional<Instant> started = build.info().startInstant();
        if (started.isEmpty()) {
            return; // this platform does not say when a process started: nothing safe to stop later
        }
        Files.createDirectories(file(root).getParent());
        Files.writeString(file(root), build.pid() + " " + started.get() + "\n", StandardCharsets.UTF_8);
    }

    static void forget(Path root) throws IOException {
        Files.deleteIfExists(file(root));
    }

    /** Stops the build written down by a tool that ended without forgetting it, if it still runs; its pid. */
    public static Optional<Long> stop(Path root) throws IOException, InterruptedException {
        Path file = file(root);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String[] recorded = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
        Files.delete(file);
        Optional<ProcessHandle> build;
        try {
            long pid = Long.parseLong(recorded[0]);
            Instant started = Instant.parse(recorded[1]);
            build = ProcessHandle.of(pid).filter(process -> process.info().startInstant().equals(Optional.of(started)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (build.isEmpty()) {
            return Optional.empty();
        }
        build.get().descendants().forEach(ProcessHandle::destroy);
        build.get().destroy();
        try {
            build.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException stillRunning) {
            build.get().destroyForcibly();
        }
        return Optional.of(build.get().pid());
    }
}
