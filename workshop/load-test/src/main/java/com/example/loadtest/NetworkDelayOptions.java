package com.example.loadtest;

import com.example.loadtest.run.NetworkDelays;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The simulated network time of the local clouds, shared by {@code compare}, {@code benchmark} and {@code profile}. */
final class NetworkDelayOptions {

    @Option(names = "--dynamodb-delay", defaultValue = "0ms", converter = DurationConverter.class, paramLabel = "<6ms>",
            description = "Simulated network time added to every DynamoDB call in the local clouds (default: none).")
    Duration dynamoDbDelay;

    @Option(names = "--momento-delay", defaultValue = "0ms", converter = DurationConverter.class, paramLabel = "<1ms>",
            description = "Simulated network time added to every Momento data-plane call (get, set, ...) in the local clouds (default: none).")
    Duration momentoDelay;

    NetworkDelays delays() {
        return new NetworkDelays(dynamoDbDelay, momentoDelay);
    }
}
