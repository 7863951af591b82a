package com.example.loadtest.run;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.plan.PlannedRequest;
import com.example.loadtest.plan.RequestMix;
import com.example.loadtest.plan.RequestPlan;
import com.example.loadtest.plan.RequestSource;
import com.example.loadtest.plan.Requests;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs the load test on one target: seed the data, warm up, then the measured requests, reading
 * the servers' counters before and after.
 */
public final class StageRunner {

    private final LoadRunner runner;
    private final PrintStream out;
    private final boolean interactive;

    public StageRunner(LoadRunner runner, PrintStream out, boolean interactive) {
        this.runner = runner;
        this.out = out;
        this.interactive = interactive;
    }

    /** Creates the data on the target; fails if any create does not answer 201. */
    public void seed(Target target, SeedData data, int concurrency) throws InterruptedException {
        target.phase(Phase.SEED);
        out.println(target.name() + ": seeding " + data + " (" + data.organizations().size()
                + " of the memberships are the founders', made with their organizations)");
        for (List<PlannedRequest> wave : Requests.seeding(data)) {
            LatencyRecorder recorder = new LatencyRecorder();
            try (Progress ignored = progress(target.name() + " " + seedLabel(wave), wave.size(), recorder)) {
                runner.run(target.baseUri(), RequestSource.of(wave), request -> false, concurrency, null, recorder);
            }
            EndpointStats total = recorder.total();
            if (total.errors() > 0) {
                throw new IllegalStateException("Seeding " + target.name() + " failed: " + total.errors() + " of "
                        + total.requests() + " creates did not answer 201, e.g. " + total.errorSamples()
                        + (total.statuses().containsKey("409") ? " (does the target hold this data already? try another --namespace)"
                        : seededByColdStarts(total) ? " (a 502, 500 or no answer while functions start cold: " + (local(target)
                                ? "on a busy machine a cold start can outlast the function's timeout"
                                : "a cold start can outlast the function's timeout, and its logs in CloudWatch say so")
                                + "; try again with --concurrency 1)" : ""));
            }
        }
    }

    /** A stage in a local cloud on this machine, whose load slows its cold starts; not a deployed URL. */
    private static boolean local(Target target) {
        return target instanceof LocalStageTarget;
    }

    /** Failures that a busy machine's cold starts give: the gateway's 502, a 500 from an SDK call that timed out, no answer. */
    private static boolean seededByColdStarts(EndpointStats total) {
        return total.statuses().keySet().stream().filter(status -> !status.equals("201"))
                .allMatch(status -> status.equals("502") || status.equals("500") || status.equals("none"));
    }

    /** Which wave of the seeding runs: the users, the organizations (each with its founder as Owner), the members added. */
    private static String seedLabel(List<PlannedRequest> wave) {
        return wave.isEmpty() ? "seed" : switch (wave.get(0).endpoint()) {
            case CREATE_USER -> "seed users";
            case CREATE_ORGANIZATION -> "seed organizations";
            default -> "seed members";
        };
    }

    /** Warm-up then measured requests; {@code mix} and {@code settings} must be the same for every target. */
    public StageResult measure(Target target, SeedData data, RequestMix mix, RunSettings settings, boolean servesFanOut)
            throws InterruptedException {
        Predicate<PlannedRequest> skip = skip(servesFanOut);
        warmUp(target, data, mix, settings, servesFanOut);

        Optional<ServerCounters> before = target.counters();
        target.phase(Phase.LOAD);
        LatencyRecorder recorder = new LatencyRecorder();
        RequestPlan plan = new RequestPlan(data, mix, settings.seed(), settings.planLength(), RequestPlan.Purpose.MEASURED);
        Duration took;
        try (Progress ignored = progress(target.name() + " load", settings.duration() == null ? settings.requests() : 0, recorder)) {
            took = runner.run(target.baseUri(), plan, skip, settings.concurrency(), settings.duration(), recorder);
        }
        Optional<ServerCounters> after = target.counters();

        EndpointStats total = recorder.total();
        Traffic traffic = before.isPresent() && after.isPresent()
                ? Traffic.of(total.requests(), after.get().minus(before.get()))
                : null;
        String trafficNote = traffic == null
                ? "not available for a deployed target: see its CloudWatch metrics and the Momento console"
                : null;
        return new StageResult(target.name(), target.description(), servesFanOut, took.toNanos() / 1e9,
                total, recorder.total(EndpointStats.ALL_BUT_FAN_OUT, endpoint -> !endpoint.isFanOut()),
                recorder.perEndpoint(), traffic, trafficNote, target.seesColdStarts(), target.coldStarts());
    }

    /** The warm-up requests (none if {@code settings.warmUp()} is 0): not measured, they start environments and fill caches. */
    public void warmUp(Target target, SeedData data, RequestMix mix, RunSettings settings, boolean servesFanOut)
            throws InterruptedException {
        if (settings.warmUp() > 0) {
            target.phase(Phase.WARM_UP);
            LatencyRecorder warmUp = new LatencyRecorder();
            // Another seed, so that the measured sequence is the same with or without a warm-up.
            RequestPlan plan = new RequestPlan(data, mix, settings.seed() + 1, settings.warmUp(), RequestPlan.Purpose.WARM_UP);
            try (Progress ignored = progress(target.name() + " warm-up", settings.warmUp(), warmUp)) {
                runner.run(target.baseUri(), plan, skip(servesFanOut), settings.concurrency(), null, warmUp);
            }
            // Not in the results, which count the measured requests only: say so here, or nobody hears of them.
            if (warmUp.errors() > 0) {
                out.println(target.name() + " warm-up: " + warmUp.errors() + " of " + warmUp.requests() + " requests failed,"
                        + " e.g. " + warmUp.total().errorSamples().stream().findFirst().orElse("?") + ". They are not measured;"
                        + (local(target) ? " on a busy machine it is most often a cold start that outlasted the function's timeout."
                                : " the deployed functions' logs in CloudWatch say why."));
            }
        }
    }

    /** Fan-out reads, where the target does not serve them. */
    public static Predicate<PlannedRequest> skip(boolean servesFanOut) {
        return request -> request.endpoint().isFanOut() && !servesFanOut;
    }

    private Progress progress(String label, long total, LatencyRecorder recorder) {
        return new Progress(out, label, total, recorder::handled, recorder::errors, interactive);
    }
}
