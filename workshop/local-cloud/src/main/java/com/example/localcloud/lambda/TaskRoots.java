package com.example.localcloud.lambda;

import com.example.localcloud.service.Directories;
import com.example.localcloud.service.OwnedTempDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's code as Lambda lays it out: the deployment artifact (the shaded jar or zip that
 * {@code package.artifact} names) unpacked into a read-only directory, {@code /var/task} on AWS,
 * which is {@code LAMBDA_TASK_ROOT} and the working directory.
 *
 * <p>Unpacked once per version of the artifact (its path, size and modification time) and
 * shared read-only by every environment in this JVM, so a cold start does not pay for it; a
 * rebuilt jar is unpacked again for the environments started after it, and the copy from two
 * builds back is deleted once no environment runs on it any more (without reload on edit, a warm
 * environment keeps the code it started with, so its classes must stay there; and a long session
 * of edits does not fill a RAM disk). Everything is deleted when the JVM exits; what a killed JVM
 * left behind is deleted by the next one.
 */
final class TaskRoots {

    private static final String PREFIX = "local-cloud-code-";
    private static final Map<Version, Path> UNPACKED = new ConcurrentHashMap<>();
    private static final AtomicInteger UNPACKINGS = new AtomicInteger();
    /** How many environments run on each task root ({@link #hold}, {@link #release}); guarded by the class. */
    private static final Map<Path, Integer> HOLDERS = new java.util.HashMap<>();
    private static Path home;

    private TaskRoots() {
    }

    /** How many builds of one artifact stay unpacked: the current one, and the one before it. */
    static final int VERSIONS_KEPT = 2;

    /**
     * The unpacked, read-only copy of {@code artifact}'s current version (unpacking it now if needed).
     * While the artifact is gone (a build deleted it and has not written it again yet, as {@code check}
     * does in the same working copy), the last version unpacked: the code deployed last keeps
     * running, as on AWS until the next deployment, rather than every cold start failing.
     */
    static Path of(Path artifact) {
        if (!Files.exists(artifact)) {
            Optional<Path> deployed = unpackedBuilds(artifact.toAbsolutePath().normalize()).stream().findFirst()
                    .map(Map.Entry::getValue);
            if (deployed.isPresent()) {
                return deployed.get();
            }
        }
        Version version = Version.of(artifact);
        Path[] unpackedNow = new Path[1];
        Path taskRoot = UNPACKED.computeIfAbsent(version, v -> unpackedNow[0] = unpack(artifact,
                home().resolve(Integer.toString(UNPACKINGS.incrementAndGet()))));
        if (unpackedNow[0] != null) {
            deleteOlderVersions(version.artifact());
        }
        return taskRoot;
    }

    /**
     * Keeps the {@link #VERSIONS_KEPT} newest unpacked builds of this artifact (the directories are
     * numbered in order); an older one that an environment still runs on goes when it ends.
     */
    private static synchronized void deleteOlderVersions(Path artifact) {
        List<Map.Entry<Version, Path>> builds = unpackedBuilds(artifact);
        for (Map.Entry<Version, Path> old : builds.subList(Math.min(VERSIONS_KEPT, builds.size()), builds.size())) {
            UNPACKED.remove(old.getKey());
            if (!HOLDERS.containsKey(old.getValue())) {
                Directories.deleteRecursively(old.getValue());
            }
        }
    }

    /** An environment starts on {@code taskRoot}: it stays until {@link #release}, even once superseded. */
    static synchronized void hold(Path taskRoot) {
        HOLDERS.merge(taskRoot, 1, Integer::sum);
    }

    /** An environment on {@code taskRoot} ended: a superseded copy that nothing else runs on is deleted now. */
    static synchronized void release(Path taskRoot) {
        if (HOLDERS.merge(taskRoot, -1, Integer::sum) > 0) {
            return;
        }
        HOLDERS.remove(taskRoot);
        if (!UNPACKED.containsValue(taskRoot)) {
            Directories.deleteRecursively(taskRoot);
        }
    }

    /** The unpacked builds of this (absolute) artifact, newest first (the directories are numbered in order). */
    private static List<Map.Entry<Version, Path>> unpackedBuilds(Path artifact) {
        return UNPACKED.entrySet().stream()
                .filter(entry -> entry.getKey().artifact().equals(artifact))
                .sorted(Comparator.comparingInt(entry -> -Integer.parseInt(entry.getValue().getFileName().toString())))
                .toList();
    }

    static Path unpack(Path artifact, Path target) {
        try {
            Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
            try (ZipFile zip = new ZipFile(artifact.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path destination = partial.resolve(entry.getName()).normalize();
                    if (!destination.startsWith(partial)) {
                        throw new IOException("Entry outside the archive's root: " + entry.getName());
                    }
                    try {
                        if (entry.isDirectory()) {
                            Files.createDirectories(destination);
                        } else {
                            Files.createDirectories(destination.getParent());
                            try (InputStream in = zip.getInputStream(entry)) {
                                Files.copy(in, destination);
                            }
                        }
                    } catch (FileSystemException e) {
                        // Shaded jars hold e.g. META-INF/LICENSE and META-INF/license/: one on a
                        // case-insensitive disk (macOS, Windows). Lambda's disk keeps both; here the
                        // second goes (they are license texts, never classes in practice).
                    }
                }
            }
            makeReadOnly(partial);
            return Files.move(partial, target); // complete or absent: never half unpacked
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + artifact + ": " + e.getMessage(), e);
        }
    }

    /** Files r--, directories r-x (POSIX), or the read-only attribute (Windows), as in /var/task. */
    static void makeReadOnly(Path root) throws IOException {
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                if (Files.isDirectory(path)) {
                    directories.add(path);
                } else {
                    setReadOnly(path, "r--r--r--");
                }
            }
        }
        for (int i = directories.size() - 1; i >= 0; i--) { // deepest first: a read-only parent still lists its children
            setReadOnly(directories.get(i), "r-xr-xr-x");
        }
    }

    private static void setReadOnly(Path path, String posixPermissions) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(posixPermissions));
        } else {
            path.toFile().setWritable(false);
        }
    }

    private static synchronized Path home() {
        if (home == null) {
            try {
                home = OwnedTempDirectories.create(fastDisk(), PREFIX, "");
                Path created = home;
                // If the JVM is halted half way (a test runner may), the owner file tells the next one to finish.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> OwnedTempDirectories.delete(created), "delete-task-roots"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a directory for the functions' code", e);
            }
        }
        return home;
    }

    /**
     * Where to unpack: a RAM disk when the machine has one ({@code /dev/shm} on Linux, with room to
     * spare), else the temporary directory. A shaded jar of the cached stages is about 17,000 files:
     * on the workshop's 2-core machine, writing them took 11 s on its disk and 1.9 s on
     * {@code /dev/shm}, and every start of the local cloud (each {@code check}, each test) unpacks.
     */
    static Path fastDisk() {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() > 2L * 1024 * 1024 * 1024) {
                return shm;
            }
        } catch (IOException | SecurityException e) {
            // no RAM disk to use
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** One build of an artifact. */
    private record Version(Path artifact, long size, long modifiedMillis) {
        static Version of(Path artifact) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(artifact, BasicFileAttributes.class);
                return new Version(artifact.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the function's artifact " + artifact, e);
            }
        }
    }
}
