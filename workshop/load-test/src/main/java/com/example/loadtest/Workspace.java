package com.example.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workshop repository the load test works in: where the stages are, and where results go.
 *
 * @param root the repository root (with {@code solutions/} and {@code workshop/})
 */
public record Workspace(Path root) {

    private static final Pattern STEP = Pattern.compile("step-(\\d+)(-.*)?");
    /** {@code step-4}: nothing after the number. */
    private static final Pattern SHORT_NAME = Pattern.compile("step-(\\d+)");

    /** From {@code -Dworkshop.root} (the Maven build sets it), else the nearest folder up with solutions/ and workshop/. */
    public static Workspace locate() {
        String configured = System.getProperty("workshop.root");
        if (configured != null && !configured.isBlank()) {
            return new Workspace(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("solutions")) && Files.isDirectory(directory.resolve("workshop"))) {
                return new Workspace(directory);
            }
        }
        return new Workspace(Path.of("").toAbsolutePath());
    }

    /** {@code workshop/results}: ignored by git. */
    public Path resultsParent() {
        return root.resolve("workshop").resolve("results");
    }

    /**
     * A stage's directory from how a person names it: exactly {@code step-4}, or a folder's whole
     * name ({@code step-4-write-aside}), {@code working-copy} (or {@code .}) for the repository root,
     * or a path with a serverless.yml. Anything else (a typo such as {@code step-4-writ-asid}, an
     * empty name from a doubled comma) is an error listing the stages, never some other stage.
     */
    public Path stageDirectory(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("An empty stage name (two commas in a row, or one at an end?): " + choices());
        }
        if (name.equals(".") || name.equals("working-copy")) {
            return root;
        }
        Matcher step = SHORT_NAME.matcher(name);
        Optional<Path> found = solutionStages().stream()
                .filter(stage -> step.matches() ? stepNumber(stage) == Integer.parseInt(step.group(1))
                        : stage.getFileName().toString().equals(name))
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        Path path = root.resolve(name).normalize();
        if (Files.isRegularFile(path.resolve("serverless.yml"))) {
            return path;
        }
        throw new IllegalArgumentException("No stage named '" + name + "': " + choices());
    }

    private String choices() {
        return "give step-N (one of " + solutionStages().stream().map(stage -> stage.getFileName().toString()).toList()
                + " under " + root.resolve("solutions") + "), working-copy, or a directory with a serverless.yml";
    }

    /** The short name for tables: {@code step-4} for solutions/step-4-write-aside, else the folder name. */
    public String stageLabel(Path stageDirectory) {
        if (stageDirectory.equals(root)) {
            return "working-copy";
        }
        Matcher step = STEP.matcher(stageDirectory.getFileName().toString());
        return step.matches() ? "step-" + step.group(1) : stageDirectory.getFileName().toString();
    }

    /** Every {@code solutions/step-N-*} with a serverless.yml, by N. */
    public List<Path> solutionStages() {
        Path solutions = root.resolve("solutions");
        if (!Files.isDirectory(solutions)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(solutions)) {
            return entries.filter(entry -> STEP.matcher(entry.getFileName().toString()).matches())
                    .filter(entry -> Files.isRegularFile(entry.resolve("serverless.yml")))
                    .sorted(Comparator.comparingInt(Workspace::stepNumber))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int stepNumber(Path stage) {
        Matcher step = STEP.matcher(stage.getFileName().toString());
        return step.matches() ? Integer.parseInt(step.group(1)) : Integer.MAX_VALUE;
    }
}
