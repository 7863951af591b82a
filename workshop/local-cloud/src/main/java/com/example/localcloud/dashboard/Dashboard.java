package com.example.localcloud.dashboard;

import com.example.localcloud.LocalCloud;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live dashboard: its server, the timeline of events, and the tick that samples every stage
 * once a second. Two users: the local cloud's start command with {@code -Ddashboard} (one stage,
 * the latency API Gateway measures, {@link #forCloud}), and the load test's {@code compare
 * --dashboard} (its stages side by side, the latency its client measures, and its Load buttons).
 */
public final class Dashboard implements AutoCloseable {
    private final Timeline timeline = new Timeline();
    private final DashboardServer server;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-tick");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Controls controls;
    /** What a page still open is told when this closes before {@link #finish}. */
    private volatile String closingWords = "The run stopped before its end: the terminal says why";

    private Dashboard(int port) {
        this.server = DashboardServer.start(port, timeline);
    }

    /** Serves the page on localhost at {@code port} (0: any free port); it shows status lines until {@link #show}. */
    public static Dashboard start(int port) {
        return new Dashboard(port);
    }

    /**
     * The dashboard of one running local cloud, without a load generator: every request API
     * Gateway serves (curl, a browser, the attendee's code), the cloud's counters, and the Momento,
     * DynamoDB and network buttons.
     */
    public static Dashboard forCloud(LocalCloud cloud, int port) {
        Dashboard dashboard = start(port);
        try {
            GatewayRequests requests = new GatewayRequests();
            cloud.addGatewayTimingListener(requests);
            Path stage = cloud.config().file().getParent();
            String name = stage.getFileName() == null ? "stage" : stage.getFileName().toString();
            DashboardStage only = new DashboardStage(name, "local cloud, " + stage + ", " + cloud.baseUri(), cloud, requests,
                    StageControls.TYPICAL_DYNAMODB_NETWORK, StageControls.TYPICAL_MOMENTO_NETWORK, false);
            dashboard.closingWords = "The local cloud has stopped";
            dashboard.show(List.of(only), cloud.config().deployment().service() + ": " + name,
                    "What the local cloud at " + cloud.baseUri() + " sees: every request API Gateway serves, "
                            + "latency as API Gateway measures it", null);
            return dashboard;
        } catch (RuntimeException e) {
            dashboard.close();
            throw e;
        }
    }

    public URI uri() {
        return server.uri();
    }

    /** A line for the page's status bar (e.g. while the stages start). */
    public void status(String text) {
        timeline.add(new Events.Status(text));
    }

    /**
     * The stages are ready: the page lays them out, the buttons work, and a tick samples them every second.
     *
     * @param load the load generator, or null when there is none (the page then hides the Load buttons)
     */
    public void show(List<DashboardStage> stages, String title, String settings, LoadControl load) {
        Map<String, StageControls> byName = new LinkedHashMap<>();
        stages.forEach(stage -> byName.put(stage.name(), stage.controls()));
        timeline.startClock();
        timeline.add(new Events.Hello(title, settings, stages.stream().map(DashboardStage::info).toList(),
                StageSampler.WINDOW_SECONDS, load != null));
        controls = new Controls(byName, load, timeline);
        server.controls(controls);
        ticker.scheduleAtFixedRate(() -> tick(stages, load), 1, 1, TimeUnit.SECONDS);
    }

    /** The buttons, as the page presses them (null before {@link #show}). */
    public Controls controls() {
        return controls;
    }

    /** No more ticks (the load has stopped). */
    public void stopTicking() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Writes the run's timeline.json into {@code folder}, and tells the page the run is over with {@code text}. */
    public Path finish(Path folder, String text) {
        timeline.end(new Events.End(text));
        return timeline.writeTo(folder.resolve(Timeline.FILE));
    }

    private void tick(List<DashboardStage> stages, LoadControl load) {
        try {
            for (DashboardStage stage : stages) { // a demo script may use the local cloud's own endpoints: mark those changes too
                stage.controls().changesThroughLocal().forEach(change -> timeline.add(
                        new Events.Mark(timeline.at(change.atNanos()), stage.name(), LocalChangeWords.of(change.request()))));
            }
            timeline.add(new Events.Tick(timeline.now(), load == null ? "live" : load.state(),
                    load == null ? 0 : load.concurrency(), stages.stream().map(stage -> stage.sampler().sample()).toList()));
        } catch (RuntimeException e) {
            timeline.add(new Events.Status("Could not read the stages' figures: " + e)); // and try again next second
        }
    }

    /** Stops serving; a page still open is told first when the run did not finish (a stage failed to seed, Ctrl-C). */
    @Override
    public void close() {
        ticker.shutdownNow();
        if (!timeline.ended()) {
            timeline.end(new Events.End(closingWords));
        }
        server.close();
    }
}
