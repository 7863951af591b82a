package com.example.loadtest.live;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live run as the page sees it: the server, the timeline of events, and the tick that samples
 * every stage once a second. Lives from before the stages start (the page shows their start-up)
 * to after the results are written.
 */
public final class LiveDashboard implements AutoCloseable {
    private final Timeline timeline = new Timeline();
    private final DashboardServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-tick");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Controls controls;
    private volatile boolean loadReady;

    private LiveDashboard(int port) {
        this.server = DashboardServer.start(port, timeline);
    }

    /** Serves the page on localhost at {@code port} (0: any free port). */
    public static LiveDashboard start(int port) {
        return new LiveDashboard(port);
    }

    public URI uri() {
        return server.uri();
    }

    /** A line for the page's status bar while the stages start. */
    public void status(String text) {
        timeline.add(new Events.Status(text));
    }

    /** The stages are ready: the page lays them out, the buttons work, and a tick samples them every second. */
    public void show(List<LiveStage> stages, String title, String settings) {
        Map<String, StageControls> byName = new LinkedHashMap<>();
        stages.forEach(stage -> byName.put(stage.target().name(), stage.controls()));
        timeline.startClock();
        timeline.add(new Events.Hello(title, settings, stages.stream().map(LiveStage::info).toList(),
                StageSampler.WINDOW_SECONDS));
        controls = new Controls(byName, stages.stream().map(LiveStage::load).toList(), timeline, stopped::countDown);
        server.controls(controls);
        ticker.scheduleAtFixedRate(() -> tick(stages), 1, 1, TimeUnit.SECONDS);
    }

    /** The stages are seeded and warm: the load's buttons work from now on. */
    public void loadReady(boolean paused) {
        controls.loadReady();
        loadReady = true;
        timeline.add(new Events.Status(paused ? "Seeded and warmed up: press Start" : "Seeded and warmed up: the load runs on every stage at once"));
    }

    public Controls controls() {
        return controls;
    }

    /** Returns when the page's Stop was pressed or the load has run for {@code duration} (null: only Stop); then stops the load. */
    public void awaitStop(List<LiveStage> stages, Duration duration) throws InterruptedException {
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            if (duration != null && stages.get(0).load().runningSeconds() >= duration.toMillis() / 1000.0) {
                controls.apply("stop", null, null);
            }
        }
        for (LiveStage stage : stages) {
            stage.load().stop();
        }
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Writes the run's timeline.json into the results folder, and tells the page the run is over. */
    public Path finish(Path resultsFolder) {
        timeline.end(new Events.End("Run finished. Results, and timeline.json to replay it here, are in " + resultsFolder));
        return timeline.writeTo(resultsFolder.resolve(Timeline.FILE));
    }

    private void tick(List<LiveStage> stages) {
        try {
            for (LiveStage stage : stages) { // a demo script may use the local cloud's own endpoints: mark those changes too
                stage.controls().changesThroughLocal().forEach(change -> timeline.add(
                        new Events.Mark(timeline.at(change.atNanos()), stage.target().name(), "/_local: " + change.request())));
            }
            LiveLoad first = stages.get(0).load();
            String load = loadReady ? first.state().name().toLowerCase(Locale.ROOT) : "preparing"; // seeding, warming up
            timeline.add(new Events.Tick(timeline.now(), load, first.concurrency(),
                    stages.stream().map(stage -> stage.sampler().sample()).toList()));
        } catch (RuntimeException e) {
            timeline.add(new Events.Status("Could not read the stages' figures: " + e)); // and try again next second
        }
    }

    /** Stops serving; a page still open is told first when the run did not finish (e.g. a stage failed to seed). */
    @Override
    public void close() {
        ticker.shutdownNow();
        if (!timeline.ended()) {
            timeline.end(new Events.End("The run stopped before its end: the terminal says why"));
        }
        server.close();
    }
}
