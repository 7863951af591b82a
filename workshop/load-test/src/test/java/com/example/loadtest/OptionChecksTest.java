package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad options stop compare and benchmark with a message naming the option and the value, before
 * anything is built or started and before the results folder is made. Every case also names a
 * stage that does not exist (or an unreachable URL), so a check that came too late fails fast.
 */
class OptionChecksTest {

    @TempDir
    Path temporary;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                compare("--duration must be positive, not 0s", "--duration", "0s"),
                compare("--duration must be positive, not -PT5S", "--duration", "-PT5S"),
                compare("--timeout must be positive, not 0ms", "--timeout", "0ms"),
                compare("--requests must be at least 1, not 0", "--requests", "0"),
                compare("--concurrency must be at least 1, not 0", "--concurrency", "0"),
                compare("--concurrency must be between 1 and 64 with --dashboard, not 65", "--dashboard", "--concurrency", "65"),
                compare("--max-environments must be at least 1, not 0", "--max-environments", "0"),
                compare("--warmup must be at least 0, not -1", "--warmup", "-1"),
                compare("--paused works only with --dashboard", "--paused"),
                compare("--dashboard-port works only with --dashboard", "--dashboard-port", "8090"),
                compare("--members takes <min>-<max>, e.g. 5-25, not 5-x", "--members", "5-x"),
                compare("--members takes <min>-<max>, e.g. 5-25, not 5", "--members", "5"),
                compare("--members takes <min>-<max> with 0 <= min <= max, not 9-3", "--members", "9-3"),
                compare("--momento-delay must not be negative, not -PT1S", "--momento-delay", "-PT1S"),
                compare("Invalid value for option '--duration': '5x' is no duration: give a whole number and a unit, as in 500ms,"
                        + " 30s, 2m or 1h (or ISO-8601: PT30S)", "--duration", "5x"),
                compare("Invalid value for option '--timeout': '1.5s' is no duration", "--timeout", "1.5s"),
                compare("Invalid value for option '--duration': '99999999999999999999h' is no duration", "--duration",
                        "99999999999999999999h"),
                benchmark("--requests must be at least 1, not 0", "--requests", "0"),
                benchmark("--concurrency must be at least 1, not 0", "--concurrency", "0"),
                benchmark("--timeout must be positive, not 0s", "--timeout", "0s"),
                benchmark("--members takes <min>-<max>, e.g. 5-25, not a-b", "--members", "a-b"),
                Arguments.of("No stage named 'nope'", List.of("benchmark", "--stages", "step-1", "--time-budget", "nope")));
    }

    static Stream<Arguments> badTargetUrls() {
        return Stream.of(
                Arguments.of("notaurl", "this is not an http(s) URL with a host: notaurl"),
                Arguments.of("ftp://127.0.0.1:1/dev", "this is not an http(s) URL with a host: ftp://127.0.0.1:1/dev"),
                Arguments.of("http://ada:s3cret@127.0.0.1:1/dev", "--target-url http://127.0.0.1:1/dev has a user name or password"),
                Arguments.of("http://127.0.0.1:1/dev?key=s3cret", "--target-url http://127.0.0.1:1/dev has a query string"),
                Arguments.of("ada:s3cret@127.0.0.1", "(not shown: it may hold a password)"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void aBadOptionStopsTheRunBeforeAnythingStarts(String expected, List<String> args) {
        Path results = temporary.resolve("results");

        String errors = run(withResults(args, results));

        assertThat(errors).contains(expected);
        assertThat(results).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("badTargetUrls")
    void aTargetUrlMustBeAPlainHttpBaseUrlAndItsSecretsAreNeverPrinted(String url, String expected) {
        Path results = temporary.resolve("results");

        String errors = run(withResults(List.of("compare", "--target-url", url, "--timeout", "1s"), results));

        assertThat(errors).contains(expected).doesNotContain("s3cret");
        assertThat(results).doesNotExist();
    }

    @Test
    void twoNamesOfOneStageAreRejectedWithBothNames() throws Exception {
        stageInTheWorkspace("step-4-write-aside");
        Path results = temporary.resolve("results");

        String errors = run(withResults(List.of("compare", "--no-build", "--stages", "step-4,solutions/step-4-write-aside"), results),
                new Workspace(temporary));

        assertThat(errors).contains("'step-4' and 'solutions/step-4-write-aside' are the same stage (step-4): give each stage once");
        assertThat(results).doesNotExist();
    }

    @Test
    void aDashboardPortInUseStopsTheRunBeforeTheResultsFolderIsMade() throws Exception {
        stageInTheWorkspace("step-4-write-aside");
        Path results = temporary.resolve("results");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());

            String errors = run(withResults(List.of("compare", "--no-build", "--dashboard", "--dashboard-port", port,
                    "--stages", "step-4"), results), new Workspace(temporary));

            assertThat(errors).contains("Cannot serve the dashboard on port " + port);
        }
        assertThat(results).as("no empty folder for replay to trip over").doesNotExist();
    }

    /** benchmark writes --write's file at the very end of a long run: a folder, or one that cannot be made, is said first. */
    @Test
    void aWriteThatCannotBeWrittenIsRefusedFirst() throws Exception {
        stageInTheWorkspace("step-1-lambda-dynamodb");
        Path results = temporary.resolve("results");

        String errors = run(withResults(List.of("benchmark", "--no-build", "--time-budget", "none", "--stages", "step-1", "--write", temporary.toString()),
                results), new Workspace(temporary));

        assertThat(errors).contains("--write " + temporary + " is a folder: name a file");
        assertThat(results).doesNotExist();

        Path blocked = Files.writeString(temporary.resolve("a-file"), "not a folder");
        errors = run(withResults(List.of("benchmark", "--no-build", "--time-budget", "none", "--stages", "step-1", "--write",
                blocked.resolve("BENCHMARKS.md").toString()), results), new Workspace(temporary));
        assertThat(errors).contains("its folder cannot be made");
        assertThat(results).doesNotExist();
    }

    /** profile starts a local cloud per stage: its options are checked first too, as compare's. */
    @Test
    void profileChecksItsOptionsBeforeAnythingStarts() throws Exception {
        assertThat(run(List.of("profile", "--no-build", "--stages", "no-such-stage", "--requests", "0")))
                .contains("--requests must be at least 1, not 0");
        assertThat(run(List.of("profile", "--no-build", "--stages", "no-such-stage", "--momento-delay", "-PT1S")))
                .contains("--momento-delay must not be negative, not -PT1S");
        stageInTheWorkspace("step-4-write-aside");
        assertThat(run(List.of("profile", "--no-build", "--stages", "step-4,solutions/step-4-write-aside"), new Workspace(temporary)))
                .contains("'step-4' and 'solutions/step-4-write-aside' are the same stage (step-4): give each stage once");
    }

    @Test
    void oneUrlTwiceIsRejected() {
        Path results = temporary.resolve("results");

        String errors = run(withResults(List.of("compare", "--timeout", "1s", "--target-url",
                "http://127.0.0.1:1/dev,https://127.0.0.1:1/dev/"), results));

        assertThat(errors).contains("'http://127.0.0.1:1/dev' and 'https://127.0.0.1:1/dev/' are the same stage (127.0.0.1:1/dev)");
        assertThat(results).doesNotExist();
    }

    @Test
    void aLeadingCommaInStagesIsAnEmptyNameAndRefused() {
        Path results = temporary.resolve("results");

        String errors = run(withResults(List.of("compare", "--no-build", "--stages", ",no-such-stage"), results));

        assertThat(errors).contains("An empty stage name");
        assertThat(results).doesNotExist();
    }

    /** A stage folder under the temporary workspace's solutions/, as the stage names find it. */
    private void stageInTheWorkspace(String name) throws java.io.IOException {
        Files.createDirectories(temporary.resolve("solutions/" + name));
        Files.writeString(temporary.resolve("solutions/" + name + "/serverless.yml"), "service: x");
    }

    private static Arguments compare(String expected, String... options) {
        return command("compare", expected, options);
    }

    private static Arguments benchmark(String expected, String... options) {
        return command("benchmark", expected, options);
    }

    private static Arguments command(String command, String expected, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--stages", "no-such-stage", "--no-build"));
        args.addAll(List.of(options));
        return Arguments.of(expected, args);
    }

    private static List<String> withResults(List<String> args, Path results) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--results", results.toString()));
        return all;
    }

    /** Runs the command; returns what it printed to stderr (and stdout, for the red run's sake). */
    private static String run(List<String> args) {
        return run(args, Workspace.locate());
    }

    private static String run(List<String> args, Workspace workspace) {
        String[] array = args.toArray(String[]::new);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandLine commandLine = LoadTest.commandLine(array, out, workspace);
        commandLine.setErr(new PrintWriter(out, true));
        commandLine.getSubcommands().values().forEach(sub -> sub.setErr(new PrintWriter(out, true)));
        int exitCode = commandLine.execute(array);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(text).isNotZero();
        return text;
    }
}
