package com.example.localcloud.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes chosen DynamoDB operations fail, for reliability tests and demos: throttling
 * ({@code ProvisionedThroughputExceededException}, which the AWS SDK retries) or a server error
 * ({@code InternalServerError}), for the next N calls or until cleared; or a delay on every call.
 * Runs after IAM, so a refused call is never counted as a fault.
 */
public final class DynamoDbFaults implements DynamoDbRequestFilter {

    /** The errors a fault can answer with, in DynamoDB's JSON protocol. */
    public enum Kind {
        THROTTLING(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."),
        SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");

        private final int httpStatus;
        private final String type;
        private final String message;

        Kind(int httpStatus, String type, String message) {
            this.httpStatus = httpStatus;
            this.type = type;
            this.message = message;
        }
    }

    /** A fault on one operation (e.g. "GetItem", "TransactWriteItems"); {@code times} < 0 means until cleared. */
    private record Fault(String operation, Kind kind, AtomicInteger remaining) {
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    /** The next {@code times} calls of {@code operation} fail with {@code kind}; a negative count: until cleared. */
    public void add(String operation, Kind kind, int times) {
        faults.add(new Fault(operation, kind, new AtomicInteger(times)));
    }

    /**
     * Adds this much time to every call that reaches DynamoDB: the network round trip the local
     * cloud does not have (the load test's {@code --dynamodb-delay}). Zero turns it off.
     */
    public void delayEveryCall(Duration delay) {
        this.delay = delay;
    }

    /** Clears every fault and the delay. */
    public void clear() {
        faults.clear();
        delay = Duration.ZERO;
    }

    @Override
    public Optional<DynamoDbError> check(DynamoDbCall call) {
        pause(delay);
        for (Fault fault : faults) {
            if (fault.operation().equals(call.operation()) && takeOne(fault)) {
                return Optional.of(DynamoDbError.of(fault.kind().httpStatus, fault.kind().type, fault.kind().message));
            }
        }
        return Optional.empty();
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

    /** First {@code first}, and only if it lets the call through, {@code then}. */
    public static DynamoDbRequestFilter inOrder(DynamoDbRequestFilter first, DynamoDbRequestFilter then) {
        return call -> first.check(call).or(() -> then.check(call));
    }
}
