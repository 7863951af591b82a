package com.example.loadtest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.loadtest.StubApi;
import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.plan.PlannedRequest;
import com.example.loadtest.plan.RequestSource;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.LoadRunner;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live load against a stub API: it waits for start, pauses, resizes and stops as the page's buttons ask. */
@Timeout(30)
class LiveLoadTest {
    private final RequestSource endless = () -> Optional.of(new PlannedRequest(Endpoint.GET_USER, "/users/ada", null, null, 200));

    @Test
    void sendsNothingBeforeStartNorWhilePausedAndEveryRequestAfterStopIsCounted() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new StubApi.Reply(200, "{}"))) {
            LiveLoad load = new LiveLoad("stub", api.baseUri(), endless, request -> false,
                    new LoadRunner(new HttpDriver(Duration.ofSeconds(5))), 2);
            Thread.sleep(200);
            assertThat(api.received()).isEmpty();
            assertThat(load.state()).isEqualTo(LiveLoad.State.WAITING);

            load.start();
            awaitRequests(api, 20);
            load.pause();
            int paused = settledCount(api); // requests in flight when paused are answered
            Thread.sleep(300);
            assertThat(api.received()).hasSize(paused);

            load.start();
            awaitRequests(api, paused + 20);
            load.stop();
            assertThat(load.state()).isEqualTo(LiveLoad.State.STOPPED);
            assertThat(load.recorder().requests()).isEqualTo(api.received().size());
            assertThat(load.recorder().errors()).isZero();
            assertThatThrownBy(load::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void concurrencyIsTheNumberOfRequestsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (StubApi api = new StubApi((method, path, sequence) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS); // every request waits: all workers end up in flight at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new StubApi.Reply(200, "{}");
        })) {
            LiveLoad load = new LiveLoad("stub", api.baseUri(), endless, request -> false,
                    new LoadRunner(new HttpDriver(Duration.ofSeconds(10))), 1);
            load.start();
            load.concurrency(3);
            awaitInFlight(inFlight, 3);
            release.countDown();
            load.stop();
            assertThat(most.get()).isEqualTo(3);
            assertThatThrownBy(() -> load.concurrency(0)).hasMessageContaining("between 1 and 64");
        }
    }

    @Test
    void aWorkerThatHitsAnExceptionCountsAnErrorAndTheLoadGoesOn() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        try (StubApi api = new StubApi((method, path, sequence) -> new StubApi.Reply(200, "{}"))) {
            LiveLoad load = new LiveLoad("stub", api.baseUri(), endless, request -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("a bug in the load test");
                }
                return false;
            }, new LoadRunner(new HttpDriver(Duration.ofSeconds(5))), 1);

            load.start();
            awaitRequests(api, 10); // the only worker's first request threw: without it going on, nothing more is sent
            load.stop();

            assertThat(load.recorder().errors()).isEqualTo(1);
            assertThat(load.recorder().requests()).isEqualTo(api.received().size() + 1);
            assertThat(load.recorder().total().errorSamples()).singleElement().asString().contains("a bug in the load test");
        }
    }

    private static void awaitRequests(StubApi api, int count) throws InterruptedException {
        while (api.received().size() < count) {
            Thread.sleep(10);
        }
    }

    private static void awaitInFlight(AtomicInteger inFlight, int count) throws InterruptedException {
        while (inFlight.get() < count) {
            Thread.sleep(10);
        }
    }

    /**
     * What the stub has received once no request has arrived for 200 ms (those in flight have landed),
     * or after 5 s of requests still coming (a pause that stopped nothing: the assertion after it fails).
     */
    private static int settledCount(StubApi api) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int before;
        int after = api.received().size();
        do {
            before = after;
            Thread.sleep(200);
            after = api.received().size();
        } while (after != before && System.nanoTime() < deadline);
        return after;
    }

}
