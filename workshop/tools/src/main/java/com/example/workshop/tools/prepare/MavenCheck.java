package com.example.workshop.tools.prepare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven command that must succeed, and print {@code expected} (a build that runs no test, or a
 * tool that prints nothing, has not shown that it works).
 */
final class MavenCheck implements ReadinessCheck {
    /** Surefire's summary of a module's tests: "Tests run: 95, Failures: 0, Errors: 0, Skipped: 0" */
    private static final Pattern TESTS_RUN = Pattern.compile("^\\[INFO\\] Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: (\\d+)$");

    private final Path root;
    private final String title;
    private final List<String> arguments;
    private final String expected;
    private final Path logFile;

    MavenCheck(Path root, String title, List<String> arguments, String expected, Path logFile) {
        this.root = root;
        this.title = title;
        this.arguments = List.copyOf(arguments);
        this.expected = expected;
        this.logFile = logFile;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String command() {
        return "./mvnw -o " + String.join(" ", arguments);
    }

    @Override
    public Outcome run(boolean offline) throws IOException, InterruptedException {
        MavenProcess.Result result = MavenProcess.run(root, arguments, offline, logFile);
        String log = " (log: " + root.relativize(logFile).toString().replace('\\', '/') + ")";
        if (result.exitCode() != 0) {
            List<String> missing = MissingDownloads.in(result.output());
            return Outcome.failed(missing.isEmpty() ? MavenProcess.firstError(result.output()) + log
                    : "missing downloads: " + MissingDownloads.summary(missing) + log, missing);
        }
        if (result.output().stream().noneMatch(line -> line.contains(expected))) {
            return Outcome.failed("Maven succeeded but did not print \"" + expected + "\"" + log, List.of());
        }
        return Outcome.passed(testsRun(result.output()));
    }

    /** "95 tests passed" when the command ran tests, else "". */
    private static String testsRun(List<String> output) {
        int passed = 0;
        for (String line : output) {
            Matcher summary = TESTS_RUN.matcher(line.strip());
            if (summary.matches()) {
                passed += Integer.parseInt(summary.group(1)) - Integer.parseInt(summary.group(2));
            }
        }
        return passed == 0 ? "" : passed + " tests passed";
    }
}
