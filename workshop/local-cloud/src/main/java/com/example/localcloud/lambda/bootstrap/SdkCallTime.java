package com.example.localcloud.lambda.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the function's SDK calls took during the current invocation, as the function saw them:
 * from the call to its answer (for the Momento SDK, to the completion of the returned future), the
 * SDK's own work, the network and the service included. Not AWS's: the load test's {@code profile}
 * splits a handler's time into its own code and its SDK calls with it.
 *
 * <p>Counted only in an environment started with {@link SdkCallAgent}, which inlines calls to
 * {@link #enter()} and {@link #exit(long)} or {@link #exitAsync(Object, long)} into the SDKs'
 * client classes (hence public). A call made inside another (an SDK method delegating to another
 * on the same thread) counts once. Calls made side by side (a fan-out) are added up.
 */
public final class SdkCallTime {

    private static final AtomicLong NANOS = new AtomicLong();
    /** Calls in progress on this thread, so that an SDK method calling another counts once. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile boolean counting;

    private SdkCallTime() {
    }

    /** Called by the agent before any SDK class loads. */
    static void startCounting() {
        counting = true;
    }

    /** At an SDK method's start: its start time, or -1 inside another SDK call. */
    public static long enter() {
        return DEPTH.get()[0]++ == 0 ? System.nanoTime() : -1;
    }

    /** At the end of a method that answers when it returns (the AWS SDK's synchronous clients). */
    public static void exit(long started) {
        DEPTH.get()[0]--;
        if (started >= 0) {
            NANOS.addAndGet(System.nanoTime() - started);
        }
    }

    /**
     * At the end of a method that answers with a future (the Momento SDK): the call ends when the
     * future completes. Returns the future the caller gets instead, which completes only after the
     * time was counted, so the runtime never reads the total before the last call is in it.
     */
    public static Object exitAsync(Object returned, long started) {
        DEPTH.get()[0]--;
        if (started < 0) {
            return returned;
        }
        if (returned instanceof CompletableFuture<?> future) {
            return future.whenComplete((value, error) -> NANOS.addAndGet(System.nanoTime() - started));
        }
        NANOS.addAndGet(System.nanoTime() - started);
        return returned;
    }

    /** The time counted since the last take, in nanoseconds; -1 when the environment runs without the agent. */
    static long take() {
        return counting ? NANOS.getAndSet(0) : -1;
    }
}
