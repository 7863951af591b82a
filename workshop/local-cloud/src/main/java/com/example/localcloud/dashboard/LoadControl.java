package com.example.localcloud.dashboard;

/**
 * The load generator behind a dashboard, when there is one (the load test's {@code compare
 * --dashboard}): the page's Load buttons. The local cloud's own dashboard has none: it shows what
 * the cloud sees, and the page hides those buttons.
 */
public interface LoadControl {
    int MAX_CONCURRENCY = 64;

    /** False while the stages are seeded and warmed up: the buttons answer 409 until then. */
    boolean ready();

    void start();

    void pause();

    /** Ends the run (the load stops, the results are written). */
    void stop();

    /** Requests in flight at once per stage, from 1 to {@link #MAX_CONCURRENCY}. */
    void concurrency(int requestsInFlight);

    int concurrency();

    /** For the page's header, e.g. {@code preparing}, {@code waiting}, {@code running}, {@code paused}, {@code stopped}. */
    String state();
}
