package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the working copy and runs its tests, as {@code ./mvnw verify} would, but carries on past
 * failing tests so the check can say which lessons they belong to, and still builds the jar the
 * local cloud runs. Compile errors are collected as javac prints them.
 */
final class TestRun {
    /** javac's "[ERROR] /path/File.java:[12,34] message" lines. */
    private static final Pattern COMPILE_ERROR = Pattern.compile("\\[ERROR\\] (.+\\.java):\\[(\\d+),\\d+\\] (.+)");

    enum Outcome { TESTS_RAN, TESTS_DO_NOT_COMPILE, CODE_DOES_NOT_COMPILE, BUILD_FAILED }

    record Result(Outcome outcome, TestResults tests, List<String> errors) {
    }

    private final Path root;
    private final Path logFile;

    TestRun(Path root, Path logFile) {
        this.root = root;
        this.logFile = logFile;
    }

    Result run() throws IOException, InterruptedException {
        deleteOldResults();
        MavenRun build = maven("package", "-Dmaven.test.failure.ignore=true");
        List<String> output = build.output();
        if (build.exitCode() == 0) {
            return new Result(Outcome.TESTS_RAN, TestResults.read(root.resolve("target/surefire-reports")), List.of());
        }
        List<String> errors = compileErrors(output);
        boolean mainBroken = errors.stream().anyMatch(error -> error.startsWith("src/main/"));
        if (mainBroken) {
            return new Result(Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), errors);
        }
        if (errors.isEmpty()) {
            return new Result(Outcome.BUILD_FAILED, new TestResults(List.of()), lastErrors(output));
        }
        return new Result(Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()), errors);
    }

    private record MavenRun(int exitCode, List<String> output) {
    }

    private MavenRun maven(String... goals) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-q", "-f", root.resolve("pom.xml").toString()));
        arguments.addAll(List.of(goals));
        Maven.Output output = Maven.run(root, arguments, Maven::quickBuild, logFile, true);
        return new MavenRun(output.exitCode(), output.lines());
    }

    /** Old reports and an old jar would make a failed build look like a passing one. */
    private void deleteOldResults() throws IOException {
        Files.deleteIfExists(logFile);
        Path reports = root.resolve("target/surefire-reports");
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Path target = root.resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> jars = Files.list(target)) {
                for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    Files.deleteIfExists(jar);
                }
            }
        }
    }

    /** "src/test/java/.../X.java:33: cannot find symbol", each once, paths relative to the root. */
    private List<String> compileErrors(List<String> output) {
        Set<String> errors = new LinkedHashSet<>();
        for (int i = 0; i < output.size(); i++) {
            Matcher error = COMPILE_ERROR.matcher(output.get(i).strip());
            if (error.matches()) {
                String file = error.group(1);
                Path path = Path.of(file);
                String shown = path.isAbsolute() && path.startsWith(root) ? root.relativize(path).toString().replace('\\', '/') : file;
                // javac names the missing symbol on the next line: "  symbol:   class AccountCache"
                String symbol = i + 1 < output.size() && output.get(i + 1).strip().startsWith("symbol:")
                        ? " (" + output.get(i + 1).strip().replaceAll("\\s+", " ") + ")" : "";
                errors.add(shown + ":" + error.group(2) + ": " + error.group(3).strip() + symbol);
            }
        }
        return new ArrayList<>(errors);
    }

    private static List<String> lastErrors(List<String> output) {
        List<String> errors = output.stream().filter(line -> line.startsWith("[ERROR]")).map(line -> line.substring(7).strip())
                .filter(line -> !line.isEmpty()).toList();
        return errors.subList(0, Math.min(5, errors.size()));
    }
}
