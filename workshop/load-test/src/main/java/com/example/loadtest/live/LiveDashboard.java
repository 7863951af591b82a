package com.example.loadtest.live;

import com.example.localcloud.dashboard.Dashboard;
import com.example.localcloud.dashboard.LoadControl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live run as the page sees it: the local cloud's {@link Dashboard} with the load test's load
 * added (its latencies, its Load buttons). Lives from before the stages start (the page shows
 * their start-up) to after the results are written.
 */
public final class LiveDashboard implements AutoCloseable {
    private final Dashboard dashboard;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Loads loads;

    private LiveDashboard(int port) {
        this.dashboard = Dashboard.start(port);
    }

    /** Serves the page on localhost at {@code port} (0: any free port). */
    public static LiveDashboard start(int port) {
        return new LiveDashboard(port);
    }

    public URI uri() {
        return dashboard.uri();
    }

    /** A line for the page's status bar while the stages start. */
    public void status(String text) {
        dashboard.status(text);
    }

    /** The stages are ready: the page lays them out, the buttons work, and a tick samples them every second. */
    public void show(List<LiveStage> stages, String title, String settings) {
        loads = new Loads(stages.stream().map(LiveStage::load).toList());
        dashboard.show(stages.stream().map(LiveStage::shown).toList(), title, settings, loads);
    }

    /** The stages are seeded and warm: the load's buttons work from now on (the caller's next line says so on the page). */
    public void loadReady() {
        loads.ready = true;
    }

    /** The page's buttons, e.g. to start the load without waiting for a click. */
    public void apply(String action) {
        dashboard.controls().apply(action, null, null);
    }

    /** Returns when the page's Stop was pressed or the load has run for {@code duration} (null: only Stop); then stops the load. */
    public void awaitStop(List<LiveStage> stages, Duration duration) throws InterruptedException {
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            if (duration != null && stages.get(0).load().runningSeconds() >= duration.toMillis() / 1000.0) {
                apply("stop");
            }
        }
        for (LiveStage stage : stages) {
            stage.load().stop();
        }
        dashboard.stopTicking();
    }

    /** Writes the run's timeline.json into the results folder, and tells the page the run is over. */
    public Path finish(Path resultsFolder) {
        return dashboard.finish(resultsFolder, "Run finished. Results, and timeline.json to replay it here, are in " + resultsFolder);
    }

    /** Stops serving; a page still open is told first when the run did not finish (e.g. a stage failed to seed). */
    @Override
    public void close() {
        dashboard.close();
    }

    /** The Load buttons: every stage's load at once. Stop ends the run ({@link #awaitStop} returns). */
    private final class Loads implements LoadControl {
        private final List<LiveLoad> each;
        private volatile boolean ready;

        Loads(List<LiveLoad> each) {
            this.each = each;
        }

        @Override
        public boolean ready() {
            return ready;
        }

        // The status line follows the buttons: "press Start" must not stay up while the load runs.
        @Override
        public void start() {
            each.forEach(LiveLoad::start);
            status("The load runs on every stage at once: Pause holds it, Stop ends the run and writes the results.");
        }

        @Override
        public void pause() {
            each.forEach(LiveLoad::pause);
            status("Paused: no requests until Start (the functions stay warm).");
        }

        @Override
        public void stop() {
            stopped.countDown(); // awaitStop stops the loads and waits for their requests in flight
        }

        @Override
        public void concurrency(int requestsInFlight) {
            each.forEach(load -> load.concurrency(requestsInFlight));
        }

        @Override
        public int concurrency() {
            return each.get(0).concurrency();
        }

        @Override
        public String state() {
            return ready ? each.get(0).state().name().toLowerCase(Locale.ROOT) : "preparing"; // seeding, warming up
        }
    }
}
