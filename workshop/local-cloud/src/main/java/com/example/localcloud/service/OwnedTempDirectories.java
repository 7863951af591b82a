package com.example.localcloud.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories that name the process that made them (a file {@code owner.pid}), so that
 * what a killed local cloud left behind (kill -9, an IDE's stop button: no shutdown hook ran) is
 * deleted by the next one: the first time it makes a directory of the same kind, it deletes those
 * of that kind whose owner has gone.
 */
public final class OwnedTempDirectories {
    /** The file that names the owner's process id (in the directory itself, out of the function's /tmp). */
    public static final String OWNER_FILE = "owner.pid";
    private static final Set<String> SWEPT = ConcurrentHashMap.newKeySet();

    private OwnedTempDirectories() {
    }

    /** A new directory {@code <kind><name>...} in the temporary directory, after the first sweep of {@code kind}. */
    public static Path create(String kind, String name) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), kind, name);
    }

    /** The same in {@code parent} (a RAM disk, say). */
    public static Path create(Path parent, String kind, String name) throws IOException {
        if (SWEPT.add(parent.toAbsolutePath() + "/" + kind)) {
            deleteLeftovers(parent, kind);
        }
        Path directory = Files.createTempDirectory(parent, kind + name);
        Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        return directory;
    }

    /**
     * Deletes {@code directory}, its owner file last: a deletion cut short (a JVM halted, a file
     * still open on Windows) leaves a directory that still says whose it was, for the next sweep.
     */
    public static void delete(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            children.filter(child -> !child.getFileName().toString().equals(OWNER_FILE)).forEach(Directories::deleteRecursively);
        } catch (IOException e) {
            // best effort
        }
        Directories.deleteRecursively(directory);
    }

    /** Directories of {@code kind} whose owner process is gone; one without an owner file (being made, or not ours) stays. */
    private static void deleteLeftovers(Path tmp, String kind) {
        try (Stream<Path> candidates = Files.list(tmp)) {
            candidates.filter(path -> path.getFileName().toString().startsWith(kind)).forEach(directory -> {
                try {
                    long owner = Long.parseLong(Files.readString(directory.resolve(OWNER_FILE)).strip());
                    if (ProcessHandle.of(owner).isEmpty()) {
                        Directories.deleteRecursively(directory);
                    }
                } catch (IOException | RuntimeException e) {
                    // no owner file (yet), or not readable: leave it
                }
            });
        } catch (IOException e) {
            // nothing to sweep
        }
    }
}
