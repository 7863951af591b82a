package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The execution environments of one function. An event goes to an idle environment if there is
 * one (the most recently used: it is the warmest), else to a new one, as Lambda scales out. Past
 * {@code maxEnvironments} events wait for an environment to be free (Lambda would throttle).
 * An environment idle for longer than Lambda keeps one is taken out, for the caller to stop ({@link #takeIdleLongerThan}).
 */
final class FunctionPool implements AutoCloseable {

    private final FunctionConfig function;
    private final int maxEnvironments;
    private final IntFunction<ExecutionEnvironment> newEnvironment;
    /** Most recently used first, so the longest idle are last. */
    private final Deque<IdleEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    /** Busy environments to stop when their invocation ends (the code changed under them). */
    private final List<ExecutionEnvironment> retiring = new ArrayList<>();
    private int environmentsCreated;
    private boolean closed;

    /** @param newEnvironment creates (but does not start) environment number n */
    FunctionPool(FunctionConfig function, int maxEnvironments, IntFunction<ExecutionEnvironment> newEnvironment) {
        this.function = function;
        this.maxEnvironments = maxEnvironments;
        this.newEnvironment = newEnvironment;
    }

    FunctionConfig function() {
        return function;
    }

    InvocationResult invoke(String requestId, byte[] event) throws InterruptedException {
        ExecutionEnvironment environment = acquire();
        try {
            return environment.invoke(requestId, event);
        } finally {
            release(environment);
        }
    }

    private synchronized ExecutionEnvironment acquire() throws InterruptedException {
        while (true) {
            if (closed) {
                throw new IllegalStateException("The local cloud is stopping");
            }
            IdleEnvironment warmest = idle.pollFirst();
            if (warmest != null) {
                if (warmest.environment().isUsable()) {
                    return warmest.environment();
                }
                all.remove(warmest.environment());
                continue;
            }
            if (all.size() < maxEnvironments) {
                ExecutionEnvironment environment = newEnvironment.apply(++environmentsCreated);
                all.add(environment);
                return environment; // its JVM starts when it gets the event
            }
            wait();
        }
    }

    private synchronized void release(ExecutionEnvironment environment) {
        boolean retired = retiring.remove(environment);
        if (environment.isUsable() && !closed && !retired) {
            idle.addFirst(new IdleEnvironment(environment, System.nanoTime()));
        } else {
            all.remove(environment);
            environment.close();
        }
        notifyAll();
    }

    /**
     * Stops the idle environments now and the busy ones when their invocation ends: the next
     * events start new environments (cold starts), as after a deployment of new code.
     */
    synchronized void retireAll() {
        idle.forEach(idleOne -> {
            all.remove(idleOne.environment());
            idleOne.environment().close();
        });
        idle.clear();
        retiring.addAll(all);
        all.clear();
        notifyAll();
    }

    /**
     * Takes out of the pool the environments that have had no event for longer than {@code limit}
     * (never a busy one), for the caller to stop: the function's next event starts a new one.
     */
    synchronized List<ExecutionEnvironment> takeIdleLongerThan(Duration limit) {
        List<ExecutionEnvironment> taken = new ArrayList<>();
        long now = System.nanoTime();
        while (!idle.isEmpty() && now - idle.peekLast().sinceNanos() > limit.toNanos()) {
            ExecutionEnvironment environment = idle.pollLast().environment();
            all.remove(environment);
            taken.add(environment);
        }
        return taken;
    }

    /** How many environments exist now (busy or idle). */
    synchronized int environmentCount() {
        return all.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(ExecutionEnvironment::close);
        all.clear();
        retiring.forEach(ExecutionEnvironment::close);
        retiring.clear();
        idle.clear();
        notifyAll();
    }

    private record IdleEnvironment(ExecutionEnvironment environment, long sinceNanos) {
    }
}
