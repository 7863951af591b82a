package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineByDefaultTest {
    @TempDir
    Path root;

    @Test
    void turningOnWritesTheOfflineFlagWhereMavenReadsItAndOffRemovesTheFile() throws IOException {
        OfflineByDefault offline = new OfflineByDefault(root);

        offline.turnOn();
        offline.turnOn();

        assertThat(Files.readAllLines(root.resolve(".mvn/maven.config"))).containsExactly("-o");
        assertThat(offline.isOn()).isTrue();

        offline.turnOff();

        assertThat(root.resolve(".mvn/maven.config")).doesNotExist();
        assertThat(offline.isOn()).isFalse();
    }

    @Test
    void aCheckSaysWhenTheCloneIsNotOfflineByDefaultYet() throws IOException {
        OfflineByDefault offline = new OfflineByDefault(root);

        assertThat(offline.noteAfterACheck()).hasValueSatisfying(note -> assertThat(note)
                .contains("not offline by default", ".mvn/maven.config", "prepare without --check"));

        offline.turnOn();
        assertThat(offline.noteAfterACheck()).isEmpty();
    }

    @Test
    void keepsTheOtherOptionsOfAnOwnMavenConfig() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "--no-transfer-progress\n");
        OfflineByDefault offline = new OfflineByDefault(root);

        offline.turnOn();
        assertThat(Files.readAllLines(root.resolve(".mvn/maven.config"))).containsExactly("--no-transfer-progress", "-o");

        offline.turnOff();
        assertThat(Files.readAllLines(root.resolve(".mvn/maven.config"))).containsExactly("--no-transfer-progress");
    }
}
