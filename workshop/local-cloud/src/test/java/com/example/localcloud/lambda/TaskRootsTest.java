package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking an artifact into the task root Lambda's Java runtime loads the function's code from. */
class TaskRootsTest {

    @TempDir
    Path directory;

    @Test
    void theArtifactIsUnpackedWholeIntoTheTaskRoot() throws IOException {
        Path artifact = zip("function.zip", "com/example/Handler.class", "lib/zeta.jar", "lib/alpha.jar", "lib/notes.txt");

        Path taskRoot = TaskRoots.unpack(artifact, directory.resolve("task"));

        assertThat(taskRoot.resolve("com/example/Handler.class")).hasContent("com/example/Handler.class");
        assertThat(taskRoot.resolve("lib/zeta.jar")).hasContent("lib/zeta.jar");
        assertThat(taskRoot.resolve("lib/notes.txt")).hasContent("lib/notes.txt");
        assertThat(directory.resolve("task.partial")).doesNotExist();
    }

    @Test
    void anEntryOutsideTheArchiveIsRefused() throws IOException {
        Path artifact = zip("evil.jar", "../outside.txt");

        assertThatThrownBy(() -> TaskRoots.unpack(artifact, directory.resolve("task")))
                .hasMessageContaining("outside the archive");
        assertThat(directory.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void aRebuiltArtifactIsUnpackedAgainAndTheCopyFromTwoBuildsBackIsDeleted() throws IOException {
        Path artifact = zip("rebuilt.jar", "v1.txt");
        Path first = TaskRoots.of(artifact);
        assertThat(TaskRoots.of(artifact)).as("the same build: the same copy").isEqualTo(first);

        rebuild(artifact, "v2.txt");
        Path second = TaskRoots.of(artifact);
        rebuild(artifact, "v3.txt");
        Path third = TaskRoots.of(artifact);

        assertThat(second.resolve("v2.txt")).exists();
        assertThat(third.resolve("v3.txt")).exists();
        assertThat(first).as("two builds back").doesNotExist();
    }

    @Test
    void aCopyAWarmEnvironmentStillRunsOnStaysUntilItEnds() throws IOException {
        Path artifact = zip("warm.jar", "v1.txt");
        Path first = TaskRoots.of(artifact);
        TaskRoots.hold(first); // an environment started on it, and stays warm (no reload on edit)

        rebuild(artifact, "v2.txt");
        TaskRoots.of(artifact);
        rebuild(artifact, "v3.txt");
        TaskRoots.of(artifact);
        assertThat(first.resolve("v1.txt")).as("its classes, which it may still load").exists();

        TaskRoots.release(first);
        assertThat(first).as("superseded twice, and nothing runs on it any more").doesNotExist();
    }

    @Test
    void whileTheArtifactIsBeingRebuiltTheLastCopyServes() throws IOException {
        Path artifact = zip("being-rebuilt.jar", "v1.txt");
        Path deployed = TaskRoots.of(artifact);

        Files.delete(artifact); // a build in the same directory starts by deleting the jar

        assertThat(TaskRoots.of(artifact)).isEqualTo(deployed);
        assertThat(deployed.resolve("v1.txt")).exists();
        assertThatThrownBy(() -> TaskRoots.of(directory.resolve("never-built.jar")))
                .hasMessageContaining("Cannot read the function's artifact");
    }

    private void rebuild(Path artifact, String entry) throws IOException {
        FileTime before = Files.getLastModifiedTime(artifact);
        zip(artifact.getFileName().toString(), entry);
        Files.setLastModifiedTime(artifact, FileTime.fromMillis(before.toMillis() + 2_000)); // a later build
    }

    private Path zip(String name, String... entries) throws IOException {
        Path zip = directory.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String entry : List.of(entries)) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(entry.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
