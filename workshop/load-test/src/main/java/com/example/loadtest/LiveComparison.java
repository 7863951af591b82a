package com.example.loadtest;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.live.LiveDashboard;
import com.example.loadtest.live.LiveLoad;
import com.example.loadtest.live.LiveStage;
import com.example.loadtest.plan.RequestMix;
import com.example.loadtest.plan.RequestPlan;
import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.FanOutProbe;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.LoadRunner;
import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.NetworkDelays;
import com.example.loadtest.run.Phase;
import com.example.loadtest.run.RunSettings;
import com.example.loadtest.run.ServerCounters;
import com.example.loadtest.run.StageResult;
import com.example.loadtest.run.StageRunner;
import com.example.loadtest.run.Traffic;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code compare --dashboard}: every stage under load at the same time, for the room to watch side
 * by side, until the instructor stops it (or {@code --duration} has run). Seeding and warm-up are
 * as in a {@link Comparison}, one stage after the other, with the page already showing them (the
 * cold starts appear as they happen). Because the stages share the machine's CPUs, its latencies are for
 * showing what happens, not for the record: {@code compare} without the dashboard is that.
 */
final class LiveComparison {

    private final HttpDriver driver;
    private final StageRunner runner;
    private final PrintStream out;
    private final LiveDashboard dashboard;

    LiveComparison(HttpDriver driver, StageRunner runner, PrintStream out, LiveDashboard dashboard) {
        this.driver = driver;
        this.runner = runner;
        this.out = out;
        this.dashboard = dashboard;
    }

    /**
     * @param networkDelays what the page's "network delays on" adds
     * @param paused        wait for the page's Start instead of starting the load at once
     */
    Comparison.Outcome run(List<LocalStageTarget> targets, SeedData data, RunSettings settings,
                           NetworkDelays networkDelays, boolean networkOn, boolean paused) throws InterruptedException {
        List<Boolean> servesFanOut = new ArrayList<>();
        for (LocalStageTarget target : targets) {
            servesFanOut.add(FanOutProbe.servesFanOut(driver, target.baseUri()));
        }
        RequestMix mix = RequestMix.standard(servesFanOut.contains(true));
        List<LiveStage> stages = new ArrayList<>();
        LoadRunner loadRunner = new LoadRunner(driver);
        for (int i = 0; i < targets.size(); i++) {
            LocalStageTarget target = targets.get(i);
            RequestPlan plan = new RequestPlan(data, mix, settings.seed(), Long.MAX_VALUE, RequestPlan.Purpose.MEASURED);
            LiveLoad load = new LiveLoad(target.name(), target.baseUri(), plan, StageRunner.skip(servesFanOut.get(i)),
                    loadRunner, settings.concurrency());
            stages.add(new LiveStage(target, load, networkDelays, networkOn));
        }
        String title = String.join(" vs ", targets.stream().map(LocalStageTarget::name).toList());
        dashboard.show(stages, title, "concurrency " + settings.concurrency() + " per stage, seed " + settings.seed()
                + ", " + data + (settings.duration() == null ? "" : ", for " + settings.duration().toSeconds() + " s"));

        // One stage after the other, as in a comparison: cold starts on both at once would starve each other of CPU.
        // The page already shows them, cold starts included.
        for (int i = 0; i < targets.size(); i++) {
            runner.seed(targets.get(i), data, settings.concurrency());
            runner.warmUp(targets.get(i), data, mix, settings, servesFanOut.get(i));
        }
        List<Optional<ServerCounters>> before = new ArrayList<>();
        for (LocalStageTarget target : targets) {
            target.phase(Phase.LOAD);
            before.add(target.counters());
        }
        dashboard.loadReady();
        if (!paused) {
            dashboard.apply("start");
        }
        // Also the page's status line: the start-up output is copied there (CompareCommand).
        out.println(paused ? "Seeded and warmed up: press Start on the dashboard."
                : "Seeded and warmed up: the load runs on every stage at once.");
        dashboard.awaitStop(stages, settings.duration());

        List<StageResult> results = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            results.add(result(stages.get(i), servesFanOut.get(i), before.get(i)));
        }
        return new Comparison.Outcome(mix, results);
    }

    private static StageResult result(LiveStage stage, boolean servesFanOut, Optional<ServerCounters> before) {
        LocalStageTarget target = stage.target();
        LiveLoad load = stage.load();
        EndpointStats total = load.recorder().total();
        Optional<ServerCounters> after = target.counters();
        Traffic traffic = before.isPresent() && after.isPresent() ? Traffic.of(total.requests(), after.get().minus(before.get())) : null;
        return new StageResult(target.name(), target.description(), servesFanOut, load.runningSeconds(), total,
                load.recorder().total(EndpointStats.ALL_BUT_FAN_OUT, endpoint -> !endpoint.isFanOut()),
                load.recorder().perEndpoint(), traffic, null, target.seesColdStarts(), target.coldStarts());
    }
}
