package com.example.loadtest.run;

import java.time.Duration;

/**
 * Optional network round trips the local cloud does not have. Locally, DynamoDB Local and the
 * local Momento server answer over loopback in well under a millisecond, so a cache saves reads
 * but hardly any time. From a Lambda function, a DynamoDB read typically takes a few
 * milliseconds and a Momento get about one. These delays add that back, so a local run shows
 * the latency a cache saves; they are off by default, and reported whenever used.
 *
 * @param dynamoDb added to every DynamoDB call
 * @param momento  added to every Momento data-plane call (get, set, ...)
 */
public record NetworkDelays(Duration dynamoDb, Duration momento) {

    /** Typical from a Lambda function in AWS: what the dashboard's "network delays on" adds when no delay was given. */
    public static final NetworkDelays TYPICAL = new NetworkDelays(Duration.ofMillis(6), Duration.ofMillis(1));

    public NetworkDelays {
        if (dynamoDb.isNegative() || momento.isNegative()) {
            throw new IllegalArgumentException("Delays must not be negative");
        }
    }

    public boolean any() {
        return !dynamoDb.isZero() || !momento.isZero();
    }

    /** E.g. {@code none}, or {@code DynamoDB +6 ms, Momento +1 ms per call (simulated)}. */
    public String describe() {
        return any() ? "DynamoDB +" + dynamoDb.toMillis() + " ms, Momento +" + momento.toMillis() + " ms per call (simulated)" : "none";
    }
}
