package com.example.workshop.tools.prepare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes every Maven run in this repository offline, once prepare has shown that everything is
 * there: the line {@code -o} in {@code .mvn/maven.config}, which Maven reads for every build under
 * the directory holding {@code .mvn} (the working copy, each stage, the workshop's tools, and the
 * builds that the local cloud starts). Then no run checks Maven Central for anything, and a flaky
 * network cannot stall a build. The file is git-ignored: it belongs to this laptop.
 * Other lines of the file are kept.
 */
public final class OfflineByDefault {
    static final String OFFLINE = "-o";

    private final Path config;

    public OfflineByDefault(Path root) {
        this.config = root.resolve(".mvn").resolve("maven.config");
    }

    Path file() {
        return config;
    }

    public boolean isOn() throws IOException {
        return lines().contains(OFFLINE);
    }

    /**
     * After {@code prepare --check}'s READY, which leaves the file as it is: a note when this clone
     * is not offline by default yet (checked, but never prepared here: e.g. cloned on the day onto
     * a Maven repository prepared elsewhere), since a build may then still reach for the network.
     */
    public Optional<String> noteAfterACheck() throws IOException {
        if (isOn()) {
            return Optional.empty();
        }
        return Optional.of("Maven is not offline by default in this clone yet (no -o line in .mvn/maven.config), so a build"
                + " may still reach for the network. Run prepare without --check to add that line: with everything here,"
                + " it downloads nothing.");
    }

    /** Adds the {@code -o} line. */
    public void turnOn() throws IOException {
        List<String> lines = lines();
        if (!lines.contains(OFFLINE)) {
            lines.add(OFFLINE);
            Files.createDirectories(config.getParent());
            Files.write(config, lines, StandardCharsets.UTF_8);
        }
    }

    /** Removes the {@code -o} line (and the file, when nothing else is in it), so Maven may download. */
    public void turnOff() throws IOException {
        List<String> lines = lines();
        if (lines.remove(OFFLINE)) {
            if (lines.stream().allMatch(String::isBlank)) {
                Files.delete(config);
            } else {
                Files.write(config, lines, StandardCharsets.UTF_8);
            }
        }
    }

    private List<String> lines() throws IOException {
        if (!Files.isRegularFile(config)) {
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            lines.add(line.strip());
        }
        return lines;
    }
}
