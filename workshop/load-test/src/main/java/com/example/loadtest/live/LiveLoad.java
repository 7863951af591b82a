package com.example.loadtest.live;

import com.example.loadtest.plan.PlannedRequest;
import com.example.loadtest.plan.RequestSource;
import com.example.loadtest.run.LatencyRecorder;
import com.example.loadtest.run.LoadRunner;
import com.example.localcloud.dashboard.LoadControl;
import com.example.localcloud.dashboard.RequestFigures;
import java.net.URI;
import java.util.Optional;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load on one stage while the dashboard shows it: a closed loop like {@link LoadRunner}'s
 * (each worker sends its next request when the previous one is answered), but one the instructor
 * can start, pause, stop and resize while it runs. Every latency goes into a cumulative
 * {@link LatencyRecorder} (the results files) and into an HdrHistogram interval recorder (the
 * dashboard's rolling percentiles).
 */
public final class LiveLoad implements RequestFigures {

    /** What the load is doing; it starts WAITING and ends STOPPED. */
    public enum State { WAITING, RUNNING, PAUSED, STOPPED }

    public static final int MAX_CONCURRENCY = LoadControl.MAX_CONCURRENCY;

    private final String name;
    private final URI baseUri;
    private final RequestSource plan;
    private final Predicate<PlannedRequest> skip;
    private final LoadRunner runner;
    private final Recorder intervals = new Recorder(1, LatencyRecorder.HIGHEST_MICROS, LatencyRecorder.SIGNIFICANT_DIGITS);
    private final LatencyRecorder recorder = new LatencyRecorder(intervals);
    // Guarded by "this": the state, the wanted concurrency and the workers (slot i is null when no worker i runs).
    private final Thread[] workers = new Thread[MAX_CONCURRENCY];
    private State state = State.WAITING;
    private int concurrency;
    private long runningSinceNanos;
    private long runningNanos;

    /** @param skip planned requests not to send, e.g. a route the stage does not serve */
    public LiveLoad(String name, URI baseUri, RequestSource plan, Predicate<PlannedRequest> skip, LoadRunner runner,
                    int concurrency) {
        this.name = name;
        this.baseUri = baseUri;
        this.plan = plan;
        this.skip = skip;
        this.runner = runner;
        this.concurrency = checked(concurrency);
    }

    /** Starts the load, or resumes it after a pause. */
    public synchronized void start() {
        if (state == State.STOPPED) {
            throw new IllegalStateException("The load has stopped; start a new run");
        }
        if (state != State.RUNNING) {
            state = State.RUNNING;
            runningSinceNanos = System.nanoTime();
        }
        startMissingWorkers();
        notifyAll();
    }

    /** Workers finish the request they are sending, then wait. */
    public synchronized void pause() {
        if (state == State.RUNNING) {
            runningNanos += System.nanoTime() - runningSinceNanos;
            state = State.PAUSED;
        }
    }

    /** Requests in flight at once from now on; extra workers stop after their current request. */
    public synchronized void concurrency(int wanted) {
        concurrency = checked(wanted);
        if (state == State.RUNNING) {
            startMissingWorkers();
        }
        notifyAll();
    }

    /** Stops for good, and waits for the requests in flight. */
    public void stop() throws InterruptedException {
        Thread[] running;
        synchronized (this) {
            if (state == State.RUNNING) {
                runningNanos += System.nanoTime() - runningSinceNanos;
            }
            state = State.STOPPED;
            notifyAll();
            running = workers.clone();
        }
        for (Thread worker : running) {
            if (worker != null) {
                worker.join();
            }
        }
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int concurrency() {
        return concurrency;
    }

    /** How long the load has been running, pauses left out. */
    public synchronized double runningSeconds() {
        long nanos = runningNanos + (state == State.RUNNING ? System.nanoTime() - runningSinceNanos : 0);
        return nanos / 1e9;
    }

    /** Every request so far. */
    public LatencyRecorder recorder() {
        return recorder;
    }

    /** The latencies recorded since the previous call (a new histogram each time): the dashboard's rolling percentiles. */
    @Override
    public Histogram takeInterval() {
        return intervals.getIntervalHistogram();
    }

    @Override
    public long requests() {
        return recorder.requests();
    }

    @Override
    public long errors() {
        return recorder.errors();
    }

    private void startMissingWorkers() {
        for (int i = 0; i < concurrency; i++) {
            if (workers[i] == null) {
                int slot = i;
                workers[i] = new Thread(() -> work(slot), name + "-live-load-" + i);
                workers[i].setDaemon(true);
                workers[i].start();
            }
        }
    }

    private void work(int slot) {
        try {
            while (awaitTurn(slot)) {
                Optional<PlannedRequest> next = plan.next();
                if (next.isEmpty()) {
                    return;
                }
                handle(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // However this worker ends, its slot is free again, so start() or a resize refills it.
            freeSlot(slot);
        }
    }

    /**
     * Sends one request, or counts it skipped. A bug that throws here is that request's error (the
     * dashboard shows it), not a worker that silently stops and leaves the load one short.
     */
    private void handle(PlannedRequest request) throws InterruptedException {
        try {
            if (skip.test(request)) {
                recorder.skipped(request.endpoint());
            } else {
                runner.send(baseUri, request, recorder);
            }
        } catch (RuntimeException e) {
            recorder.error(request.endpoint(), null, request + " failed in the load test: " + e);
        }
    }

    private synchronized void freeSlot(int slot) {
        if (workers[slot] == Thread.currentThread()) {
            workers[slot] = null;
        }
    }

    /** Waits while paused; false (and frees the slot) when this worker is to stop. */
    private synchronized boolean awaitTurn(int slot) throws InterruptedException {
        while (state == State.PAUSED || state == State.WAITING) {
            wait();
        }
        if (state == State.STOPPED || slot >= concurrency) {
            workers[slot] = null;
            return false;
        }
        return true;
    }

    private static int checked(int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        return concurrency;
    }
}
