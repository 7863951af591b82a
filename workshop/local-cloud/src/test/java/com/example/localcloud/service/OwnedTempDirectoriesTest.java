package com.example.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedTempDirectoriesTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstDirectoryOfAKindDeletesThoseWhoseOwnerHasGone() throws Exception {
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        Path killedClouds = directoryOwnedBy(tmp.resolve("local-momento-1"), ended.pid());
        Path running = directoryOwnedBy(tmp.resolve("local-momento-2"), ProcessHandle.current().pid());
        Path beingMade = Files.createDirectory(tmp.resolve("local-momento-3")); // no owner file yet
        Path otherKind = directoryOwnedBy(tmp.resolve("local-cloud-env-x"), ended.pid());

        Path created = OwnedTempDirectories.create(tmp, "local-momento-", "");

        assertThat(killedClouds).doesNotExist();
        assertThat(running).exists();
        assertThat(beingMade).exists();
        assertThat(otherKind).as("another kind is left until one of its own is made").exists();
        assertThat(created.resolve(OwnedTempDirectories.OWNER_FILE)).hasContent(Long.toString(ProcessHandle.current().pid()));
    }

    private static Path directoryOwnedBy(Path directory, long pid) throws Exception {
        Files.createDirectories(directory.resolve("tmp"));
        Files.writeString(directory.resolve("tmp/output.log"), "what the function printed");
        Files.writeString(directory.resolve(OwnedTempDirectories.OWNER_FILE), Long.toString(pid));
        return directory;
    }
}
