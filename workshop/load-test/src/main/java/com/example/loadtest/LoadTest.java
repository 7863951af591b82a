package com.example.loadtest;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The workshop's load test. From the repository root:
 *
 * <pre>
 * ./mvnw -q -f workshop -pl load-test -am process-classes -Dloadtest="compare --stages step-1,step-4 --requests 2000"
 * ./mvnw -q -f workshop -pl load-test -am process-classes -Dloadtest="benchmark"
 * ./mvnw -q -f workshop -pl load-test -am process-classes -Dloadtest="profile --stages step-1,step-4"
 * </pre>
 */
@Command(name = "load-test", mixinStandardHelpOptions = true, version = LoadTest.VERSION,
        description = "Compares workshop stages under load (compare, live in the browser with --dashboard), replays a "
                + "dashboard run (replay), measures the stages for BENCHMARKS.md (benchmark) or shows where a warm "
                + "request's time goes (profile).",
        subcommands = CommandLine.HelpCommand.class)
public final class LoadTest {
    static final String VERSION = "workshop load test 1.0.0-SNAPSHOT";

    public static void main(String[] args) {
        // The local cloud's API Gateway and DynamoDB Local (Jetty) log through slf4j-simple: only warnings.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int exitCode = commandLine(args, System.out, Workspace.locate()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode); // success returns normally, so Maven's exec:java can finish its own way
        }
    }

    static CommandLine commandLine(String[] args, PrintStream out, Workspace workspace) {
        CommandLine commandLine = new CommandLine(new LoadTest())
                .addSubcommand(new CompareCommand(args, out, workspace))
                .addSubcommand(new BenchmarkCommand(args, out, workspace))
                .addSubcommand(new ReplayCommand(out, new CountDownLatch(1)))
                .addSubcommand(new ProfileCommand(out, workspace));
        // A failure (a stage that will not build, a target that does not answer) is a message, not a stack trace.
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            String message = exception.getMessage() == null || exception.getMessage().isBlank()
                    ? exception.toString() : exception.getMessage();
            cmd.getErr().println("The load test stopped: " + message);
            return 1;
        });
        return commandLine;
    }
}
