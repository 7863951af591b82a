package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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

    /** javac's "location:" line: the class (last name of a qualified one) the symbol was looked up in. */
    private static final Pattern LOCATION = Pattern.compile("location: (?:class|interface|enum|record|variable \\w+ of type)"
            + " ((?:[\\w$]+\\.)*)([\\w$]+)(?:<.*>)?");

    enum Outcome { TESTS_RAN, TESTS_DO_NOT_COMPILE, CODE_DOES_NOT_COMPILE, BUILD_FAILED }

    record Result(Outcome outcome, TestResults tests, List<String> errors) {
    }

    /**
     * How long one test may run before JUnit stops it and fails it, naming it. A loop that never
     * ends (step 5's page loop without {@code exclusiveStartKey} reads the first page forever) hung
     * the check with nothing printed; the slowest test of any stage takes about 3 s. Each test runs in
     * a thread of its own, which JUnit leaves behind at the limit: an interrupt stops an AWS SDK call,
     * but not a {@code join()} on a future that never completes (a mocked Momento call), which hung
     * the check for good. Every stage's {@code junit-platform.properties} says the same, for
     * {@code ./mvnw test} and the IDE; given here too, for a working copy whose file lost it.
     */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Path logFile;
    private final Duration testTimeout;
    private static final String BUILT_SOURCES = "target/workshop-check/built-sources.sha256";
    /** The digest of the sources this run's build started from ({@link #sourcesDigest}). */
    private String building;

    TestRun(Path root, Path logFile) {
        this(root, logFile, TEST_TIMEOUT);
    }

    TestRun(Path root, Path logFile, Duration testTimeout) {
        this.root = root;
        this.logFile = logFile;
        this.testTimeout = testTimeout;
    }

    Result run() throws IOException, InterruptedException {
        deleteOldResults();
        compileAfreshWhenTheSourcesChanged();
        MavenRun build = maven("package", "-Dmaven.test.failure.ignore=true",
                "-Djunit.jupiter.execution.timeout.testable.method.default=" + testTimeout.toSeconds() + "s",
                // In a thread of its own, which the timeout leaves behind: an interrupt does not end a join().
                "-Djunit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD");
        rememberTheSourcesBuilt();
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

    /**
     * The compiler plugin recompiles changed sources, not sources whose dependencies changed: after
     * a green build, a dependency cut from pom.xml (or pasted into {@code <dependencyManagement>})
     * left the old classes in place, tests and all green, and the local cloud then failed with a
     * NoClassDefFoundError. And it tells a changed source by its file time: after a clock that ran
     * ahead (a laptop's, set right after a reboot), classes dated later than an edit hid it, and a
     * broken step passed all ✔. So when pom.xml or anything under src/ is not what the last check
     * built, compile everything (javac recompiles the whole module on any change anyway).
     */
    void compileAfreshWhenTheSourcesChanged() throws IOException {
        Path built = builtSources();
        building = sourcesDigest(root); // what this build compiles: an edit made while it runs is not in it
        if (Files.exists(built) && Files.readString(built).equals(building)) {
            return;
        }
        for (String classes : List.of("target/classes", "target/test-classes")) {
            Path dir = root.resolve(classes);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    void rememberTheSourcesBuilt() throws IOException {
        Files.writeString(builtSources(), building != null ? building : sourcesDigest(root));
    }

    private Path builtSources() throws IOException {
        Path file = root.resolve(BUILT_SOURCES);
        Files.createDirectories(file.getParent());
        return file;
    }

    /** The digest of the sources the last check's build started from, if one ran since the last clean. */
    static Optional<String> lastBuiltSources(Path root) {
        try {
            return Optional.of(Files.readString(root.resolve(BUILT_SOURCES)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One SHA-256 of pom.xml and of every file under src/, each with its path, in a fixed order. */
    static String sourcesDigest(Path root) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(List.of(root.resolve("pom.xml")));
            if (Files.isDirectory(root.resolve("src"))) {
                try (Stream<Path> tree = Files.walk(root.resolve("src"))) {
                    // An editor's swap file or the Finder's .DS_Store is no change to the code.
                    tree.filter(Files::isRegularFile).filter(file -> !com.example.workshop.tools.Trees.isClutter(file)).sorted()
                            .forEach(files::add);
                }
            }
            for (Path file : files) {
                digest.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.exists(file) ? Files.readAllBytes(file) : new byte[0]);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * What javac says on the lines after "cannot find symbol": the symbol ("  symbol:   class
     * AccountCache"), and where it was looked for ("  location: class com.example.accounts.Dependencies",
     * or "variable cache of type ...AccountCache") when that is another class than the error's own
     * file: " (symbol: method streamCacher(), in Dependencies)". The class to edit may be that one.
     * After "cannot be applied to given types", its "required:" and "found:" lines instead; after "invalid
     * method reference", the symbol and location of its "cannot find symbol" (a record component renamed).
     */
    private static String symbol(List<String> output, int next, Path file) {
        String symbol = next < output.size() ? withoutErrorTag(output.get(next)) : "";
        if (symbol.startsWith("required:")) {
            String parameters = parameters(symbol, next + 1 < output.size() ? withoutErrorTag(output.get(next + 1)) : "");
            String reason = next + 2 < output.size() ? withoutErrorTag(output.get(next + 2)) : "";
            // Why the types do not fit ("inference variable T has incompatible equality constraints Organization,User"),
            // unless required and found say it already (a count that differs).
            return parameters.isEmpty() || !reason.startsWith("reason:") || reason.contains("argument lists differ in length")
                    ? parameters : parameters.substring(0, parameters.length() - 1) + "; "
                            + reason.replaceAll("\\s+", " ").replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "") + ")";
        }
        if (symbol.equals("cannot find symbol")) { // after "invalid method reference": why, then the symbol's two lines
            return symbol(output, next + 1, file);
        }
        if (!symbol.startsWith("symbol:")) {
            return "";
        }
        String location = next + 1 < output.size() ? withoutErrorTag(output.get(next + 1)) : "";
        Matcher lookedIn = LOCATION.matcher(location);
        String fileClass = file.getFileName().toString().replaceFirst("\\.java$", "");
        // A library's class keeps its package: GetResponse imported from momento.sdk.responses.storage, not .cache, says so.
        String where = lookedIn.matches() && !lookedIn.group(1).startsWith("com.example.") ? lookedIn.group(1) : "";
        String in = lookedIn.matches() && !lookedIn.group(2).equals(fileClass) ? ", in " + where + lookedIn.group(2) : "";
        return " (" + symbol.replaceAll("\\s+", " ") + in + ")";
    }

    /**
     * What javac says after "cannot be applied to given types": " (required: AccountRepository,
     * AccountCache; found: AccountRepository)", with the packages left out.
     */
    private static String parameters(String required, String found) {
        if (!found.startsWith("found:")) {
            return "";
        }
        String both = required.replaceAll("\\s+", " ") + "; " + found.replaceAll("\\s+", " ");
        return " (" + both.replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "").replace(",", ", ") + ")";
    }

    private static String withoutErrorTag(String line) {
        String stripped = line.strip();
        return stripped.startsWith("[ERROR]") ? stripped.substring("[ERROR]".length()).strip() : stripped;
    }

    /** "src/test/java/.../X.java:33: cannot find symbol", each once, paths relative to the root. */
    List<String> compileErrors(List<String> output) {
        Set<String> errors = new LinkedHashSet<>();
        for (int i = 0; i < output.size(); i++) {
            Matcher error = COMPILE_ERROR.matcher(output.get(i).strip());
            if (error.matches()) {
                String file = error.group(1);
                Path path = Path.of(file);
                String shown = path.isAbsolute() && path.startsWith(root) ? root.relativize(path).toString().replace('\\', '/') : file;
                errors.add(shown + ":" + error.group(2) + ": " + error.group(3).strip() + symbol(output, i + 1, path));
            }
        }
        return new ArrayList<>(errors);
    }

    /**
     * Maven's error lines, those that name a line or an artifact first: a pom.xml it cannot read
     * says why in a [FATAL] line and in the fourth or fifth [ERROR] one, after three of no use
     * ("Some problems were encountered while processing the POMs:").
     */
    static List<String> lastErrors(List<String> output) {
        List<String> errors = output.stream().filter(line -> line.startsWith("[ERROR]") || line.startsWith("[FATAL]"))
                .map(line -> line.substring(7).strip().replaceFirst(" -> \\[Help \\d+]$", "")).filter(line -> !line.isEmpty())
                .filter(line -> !MAVENS_ADVICE.matcher(line).find()).distinct().toList();
        List<String> telling = new ArrayList<>(errors.stream().filter(TestRun::namesTheCause).toList());
        errors.stream().filter(line -> !namesTheCause(line)).forEach(telling::add);
        // Maven's summary of a pom it could not read says no more than the lines it sums up: kept only when alone.
        if (telling.stream().anyMatch(line -> !MAVENS_POM_SUMMARY.matcher(line).find())) {
            telling.removeIf(line -> MAVENS_POM_SUMMARY.matcher(line).find());
        }
        return telling.subList(0, Math.min(5, telling.size()));
    }

    /** "Some problems were encountered while processing the POMs:", "The build could not read 1 project", "The project ... has 1 error". */
    private static final java.util.regex.Pattern MAVENS_POM_SUMMARY = java.util.regex.Pattern.compile(
            "^(?:\\[ERROR] )?(?:Some problems were encountered while processing the POMs:$|The build could not read \\d+ projects?$"
                    + "|The project .* has \\d+ errors?$)");

    private static boolean namesTheCause(String error) {
        return error.contains("@ line") || error.contains("Could not find artifact") || error.contains("Could not resolve")
                || error.contains("Non-parseable POM") || error.contains("Malformed POM") || error.contains(NO_SPACE);
    }

    /** What the JDK says when a disk is full. */
    static final String NO_SPACE = "No space left on device";

    /** The lines Maven adds under every failure ("To see the full stack trace ...", "[Help 1] http://..."): no cause. */
    private static final java.util.regex.Pattern MAVENS_ADVICE = java.util.regex.Pattern.compile("^(To see the full stack trace"
            + "|Re-run Maven using|For more information about the errors|\\[Help \\d+] http)");
}
