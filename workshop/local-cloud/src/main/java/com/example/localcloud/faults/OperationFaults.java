package com.example.localcloud.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bookkeeping behind a local service's fault injection: which operation fails, with what,
 * how many more times; and a delay on every call. Each service's faults (DynamoDB, Kinesis)
 * extend it with their kinds of error, and turn a {@code K} into their own error answer.
 *
 * @param <K> the kinds of error a service can answer with
 */
public abstract class OperationFaults<K> {

    /** A fault on one operation (e.g. "GetItem", "GetRecords"); a negative {@code remaining} means until cleared. */
    private record Fault<K>(String operation, K kind, AtomicInteger remaining) {
    }

    private final List<Fault<K>> faults = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    /** The next {@code times} calls of {@code operation} fail with {@code kind}; a negative count: until {@link #clear()}. */
    public void add(String operation, K kind, int times) {
        faults.add(new Fault<>(operation, kind, new AtomicInteger(times)));
    }

    /** Adds this much time to every call: the network round trip a local service does not have. Zero turns it off. */
    public void delayEveryCall(Duration delay) {
        this.delay = delay;
    }

    /** Clears every fault and the delay. */
    public void clear() {
        faults.clear();
        delay = Duration.ZERO;
    }

    /** What is in force, in words: e.g. {@code GetItem fails with THROTTLING}, {@code +100 ms on every call}. */
    public List<String> describe() {
        List<String> words = new ArrayList<>();
        for (Fault<K> fault : faults) {
            int left = fault.remaining().get();
            words.add(fault.operation() + " fails with " + fault.kind() + (left < 0 ? "" : " " + left + " more times"));
        }
        if (!delay.isZero()) {
            words.add("+" + delay.toMillis() + " ms on every call");
        }
        return words;
    }

    /** Waits for the delay, then the fault this call of {@code operation} answers with, if any (and counts it). */
    public Optional<K> take(String operation) {
        pause(delay);
        for (Fault<K> fault : faults) {
            if (fault.operation().equals(operation) && takeOne(fault)) {
                return Optional.of(fault.kind());
            }
        }
        return Optional.empty();
    }

    private boolean takeOne(Fault<K> fault) {
        if (fault.remaining().get() < 0) {
            return true;
        }
        boolean taken = fault.remaining().getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
        if (!taken) {
            faults.remove(fault);
        }
        return taken;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
