package com.example.localcloud.kinesis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes chosen Kinesis operations fail as AWS does under load, for tests of the code that reads
 * or writes streams: throttling ({@code ProvisionedThroughputExceededException}, HTTP 400, which the
 * AWS SDK retries) or a server error ({@code InternalFailure}, HTTP 500, retried too), for the next
 * N calls or until cleared; or a delay on every call.
 *
 * <pre>{@code
 * kinesis.faults().add("GetRecords", KinesisFaults.Kind.PROVISIONED_THROUGHPUT_EXCEEDED, 2);
 * }</pre>
 *
 * <p>A fault is checked after the request was validated and authorized, and answers instead of
 * running the call: a faulted PutRecord stores nothing, a faulted GetRecords moves no iterator.
 */
public final class KinesisFaults {

    /** The errors a fault can answer with. */
    public enum Kind {
        /** HTTP 400 {@code ProvisionedThroughputExceededException}: "Rate exceeded for shard ..." */
        PROVISIONED_THROUGHPUT_EXCEEDED,
        /** HTTP 500 {@code InternalFailure}: "Internal service failure." */
        INTERNAL_FAILURE
    }

    /** A fault on one operation (e.g. "GetRecords", "PutRecords"); a negative {@code remaining} means until cleared. */
    private record Fault(String operation, Kind kind, AtomicInteger remaining) {
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    /**
     * The next {@code times} calls of {@code operation} (the X-Amz-Target's operation name, e.g.
     * {@code "GetRecords"}) fail with {@code kind}; a negative count: until {@link #clear()}.
     */
    public void add(String operation, Kind kind, int times) {
        faults.add(new Fault(operation, kind, new AtomicInteger(times)));
    }

    /** Adds this much time to every call: the network round trip a local stream does not have. Zero turns it off. */
    public void delayEveryCall(Duration delay) {
        this.delay = delay;
    }

    /** Clears every fault and the delay. */
    public void clear() {
        faults.clear();
        delay = Duration.ZERO;
    }

    /** Waits for the delay, then the fault this call of {@code operation} answers with, if any (and counts it). */
    Optional<Kind> take(String operation) {
        pause(delay);
        for (Fault fault : faults) {
            if (fault.operation().equals(operation) && takeOne(fault)) {
                return Optional.of(fault.kind());
            }
        }
        return Optional.empty();
    }

    /** The error a fault answers for a call about this stream and shard (either may be {@code null}). */
    static KinesisError errorFor(Kind kind, String streamName, String shardId, String accountId) {
        return switch (kind) {
            case INTERNAL_FAILURE -> KinesisError.internalFailure();
            case PROVISIONED_THROUGHPUT_EXCEEDED -> KinesisError.throughputExceeded(
                    streamName == null ? "Rate exceeded for account " + accountId + "."
                            : shardId == null ? "Rate exceeded for stream " + streamName + " under account " + accountId + "."
                            : "Rate exceeded for shard " + shardId + " in stream " + streamName + " under account " + accountId + ".");
        };
    }

    private boolean takeOne(Fault fault) {
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
