package com.example.loadtest.run;

import com.example.loadtest.plan.PlannedRequest;
import com.example.loadtest.plan.RequestSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Sends a plan's requests to one target with a fixed number of workers. Closed loop: each worker
 * sends its next request when the previous one is answered, so "concurrency" is the number of
 * requests in flight. (A closed loop slows down with the service; the latencies it reports are
 * those of the requests it sent, see the README on coordinated omission.)
 */
public final class LoadRunner {

    private final HttpDriver driver;

    public LoadRunner(HttpDriver driver) {
        this.driver = driver;
    }

    /**
     * @param skip     planned requests not to send (recorded as skipped): e.g. a route the target does not serve
     * @param timeLimit stop taking new requests after this long, or null to run until the source is empty
     * @return how long it took
     */
    public Duration run(URI baseUri, RequestSource source, Predicate<PlannedRequest> skip, int concurrency,
                        Duration timeLimit, LatencyRecorder recorder) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = timeLimit == null ? Long.MAX_VALUE : start + timeLimit.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "load-test-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> {
                    work(baseUri, source, skip, deadline, recorder);
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A load-test worker failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void work(URI baseUri, RequestSource source, Predicate<PlannedRequest> skip, long deadline,
                      LatencyRecorder recorder) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            Optional<PlannedRequest> next = source.next();
            if (next.isEmpty()) {
                return;
            }
            PlannedRequest request = next.get();
            if (skip.test(request)) {
                recorder.skipped(request.endpoint());
                continue;
            }
            send(baseUri, request, recorder);
        }
    }

    /** Sends one request and records its outcome: its latency if it got the expected answer, else an error. */
    public void send(URI baseUri, PlannedRequest request, LatencyRecorder recorder) throws InterruptedException {
        try {
            HttpDriver.Answer answer = driver.send(baseUri, request);
            if (answer.status() == request.expectedStatus()) {
                recorder.success(request.endpoint(), answer.status(), TimeUnit.NANOSECONDS.toMicros(answer.nanos()));
            } else {
                recorder.error(request.endpoint(), answer.status(), request + " got " + answer.status() + " " + shorten(answer.body()));
            }
        } catch (IOException e) {
            recorder.error(request.endpoint(), null, request + " got no answer: " + e);
        }
    }

    private static String shorten(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
