package com.example.loadtest;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.data.SeedDataGenerator;
import com.example.loadtest.run.NetworkDelays;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code compare} and {@code benchmark}: the data, the local clouds, where results go. */
final class WorkloadOptions {

    @Option(names = "--seed", defaultValue = "42", description = "Fixes the data and the request sequence (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup", defaultValue = "300", paramLabel = "<requests>",
            description = "Requests sent to each stage before measuring, not measured (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--users", defaultValue = "200", description = "Users to create (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--organizations", defaultValue = "20", description = "Organizations to create (default: ${DEFAULT-VALUE}).")
    int organizations;

    @Option(names = "--members", defaultValue = "5-25", paramLabel = "<min-max>",
            description = "Members per organization besides its founder (default: ${DEFAULT-VALUE}).")
    String members;

    // Lambda would scale out further; on a laptop, more JVMs than cores only add cold starts and
    // context switches, so requests beyond this wait for a free environment (as with reserved concurrency).
    @Option(names = "--max-environments", defaultValue = "2", paramLabel = "<n>",
            description = "Execution environments per function in a local cloud; more requests wait (default: ${DEFAULT-VALUE}).")
    int maxEnvironments;

    @Option(names = "--no-build", negatable = false,
            description = "Run the stage jars as they are, without building them first.")
    boolean noBuild;

    @Mixin
    NetworkDelayOptions networkDelays;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "Per request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--results", paramLabel = "<dir>",
            description = "Where to write results (default: workshop/results/<timestamp>/).")
    Path results;

    NetworkDelays delays() {
        return networkDelays.delays();
    }

    /** Every option here as given, before anything starts (see {@link OptionChecks}). */
    void check(OptionChecks checks) {
        checks.positive("--timeout", timeout);
        checks.atLeast("--warmup", warmUp, 0);
        checks.atLeast("--max-environments", maxEnvironments, 1);
        checks.atLeast("--users", users, 2);
        checks.atLeast("--organizations", organizations, 1);
        int[] range = memberRange();
        if (range[0] < 0 || range[0] > range[1]) {
            OptionChecks.fail("--members takes <min>-<max> with 0 <= min <= max, not " + members);
        }
        checks.notNegative("--dynamodb-delay", networkDelays.dynamoDbDelay);
        checks.notNegative("--momento-delay", networkDelays.momentoDelay);
    }

    SeedData seedData(String namespace) {
        int[] range = memberRange();
        return SeedDataGenerator.generate(seed, namespace, users, organizations, range[0], range[1]);
    }

    /** {@code --members 5-25} as {5, 25}. */
    private int[] memberRange() {
        String[] range = members.split("-");
        try {
            if (range.length == 2) {
                return new int[] {Integer.parseInt(range[0].strip()), Integer.parseInt(range[1].strip())};
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("--members takes <min>-<max>, e.g. 5-25, not " + members);
    }
}
