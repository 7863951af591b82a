package com.example.loadtest;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.plan.RequestMix;
import com.example.loadtest.run.FanOutProbe;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.StageResult;
import com.example.loadtest.run.StageRunner;
import com.example.loadtest.run.RunSettings;
import com.example.loadtest.run.Target;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The same load on every target, one target at a time: on a laptop the targets share the CPUs,
 * and a load on one would slow the other down. Each target gets the same data and the same
 * request sequence; a target that does not serve the fan-out read skips those requests (the other
 * requests stay identical, so the per-endpoint rows compare like with like).
 */
final class Comparison {

    /** What was run, and what came out. */
    record Outcome(RequestMix mix, List<StageResult> results) {
        boolean fanOutInMix() {
            return mix.weight(RequestMix.Kind.LIST_MEMBERS) > 0;
        }
    }

    private final HttpDriver driver;
    private final StageRunner runner;
    private final PrintStream out;

    Comparison(HttpDriver driver, StageRunner runner, PrintStream out) {
        this.driver = driver;
        this.runner = runner;
        this.out = out;
    }

    Outcome run(List<Target> targets, SeedData data, RunSettings settings) throws InterruptedException {
        List<Boolean> servesFanOut = new ArrayList<>();
        for (Target target : targets) {
            boolean serves = FanOutProbe.servesFanOut(driver, target.baseUri());
            servesFanOut.add(serves);
            out.println(target.name() + (serves ? " serves" : " does not serve") + " the fan-out read GET /organizations/{organization}/members");
        }
        // Plan fan-out reads only if someone can answer them: otherwise every target would skip them.
        RequestMix mix = RequestMix.standard(servesFanOut.contains(true));

        List<StageResult> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            out.println();
            out.println("== " + target.name() + " (" + target.description() + ")");
            runner.seed(target, data, settings.concurrency());
            results.add(runner.measure(target, data, mix, settings, servesFanOut.get(i)));
        }
        return new Outcome(mix, results);
    }
}
