package com.example.localcloud.kinesis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus an offset that tests can move forward, so that a five-minute iterator
 * expiry can be tested without waiting five minutes. Never goes backwards.
 */
final class LocalClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    Instant now() {
        return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis.get());
    }

    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the local Kinesis clock only moves forward: " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
    }
}
