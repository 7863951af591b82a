package com.example.localcloud.service;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many calls a local service answered and how long they took in all, measured inside the
 * service (from receiving a call to handing back its answer, simulated delays included): the
 * services' part of a request's time budget. Safe to use from many threads.
 */
public final class CallTimer {

    private final LongAdder calls = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    public void record(long elapsedNanos) {
        calls.increment();
        nanos.add(elapsedNanos);
    }

    public Totals totals() {
        return new Totals(calls.sum(), nanos.sum());
    }

    /** A snapshot; subtract two with {@link #minus} for what happened in between. */
    public record Totals(long calls, long nanos) {
        public static final Totals ZERO = new Totals(0, 0);

        public Totals minus(Totals earlier) {
            return new Totals(calls - earlier.calls, nanos - earlier.nanos);
        }

        /** Milliseconds in all. */
        public double millis() {
            return nanos / 1e6;
        }
    }
}
