package com.example.loadtest;

import com.example.loadtest.profile.CpuTime;
import com.example.loadtest.profile.ServiceTimes;
import com.example.loadtest.profile.TimeBudget;
import com.example.loadtest.profile.TimeBudget.Hop;
import com.example.loadtest.profile.WarmUpCurve;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.NetworkDelays;
import com.example.localcloud.LocalCloud;
import com.example.localcloud.apigateway.GatewayTiming;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.SdkCallTiming;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.service.CallTimer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The time budget of a warm request: the same read, one at a time, with each hop measured where
 * it happens (see {@link TimeBudget}). On a cached stage the read is a cache hit; on step 1 it is
 * a DynamoDB read.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false, version = LoadTest.VERSION,
        description = "Where a warm request's time goes, hop by hop: GET /users/{username} repeated one at a time "
                + "(a cache hit where the stage caches, else a DynamoDB read).")
final class ProfileCommand implements Callable<Integer> {

    private static final String USER = "profile-user";
    /** Warm-up requests before measuring, unless --warmup says otherwise (benchmark's time budget: at least these). */
    static final String DEFAULT_WARM_UP = "3000";
    /** Warm-up requests per point of the warm-up curve. */
    static final int WARM_UP_BLOCK = 1000;

    @Option(names = "--stages", split = ",", defaultValue = "step-1,step-4", paramLabel = "<stage>",
            description = "Stages to profile (default: ${DEFAULT-VALUE}).")
    List<String> stages;

    @Option(names = "--requests", defaultValue = "1000", description = "Measured requests per stage (default: ${DEFAULT-VALUE}).")
    int requests;

    // The environments' C1-only JIT goes on making the path faster for about 2,000 requests (the
    // warm-up curve that profile prints shows it); 3,000 leaves some margin.
    @Option(names = "--warmup", defaultValue = DEFAULT_WARM_UP, paramLabel = "<requests>",
            description = "Requests before measuring, for the JIT and the cache (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Mixin
    NetworkDelayOptions networkDelays;

    @Option(names = "--no-build", negatable = false, description = "Use the stages' jars as they are.")
    boolean noBuild;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final Workspace workspace;

    ProfileCommand(PrintStream out, Workspace workspace) {
        this.out = out;
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws Exception {
        // Every option, and every stage name, is checked before the first stage is built or started, as compare's are.
        OptionChecks checks = new OptionChecks(spec);
        checks.atLeast("--requests", requests, 1);
        checks.atLeast("--warmup", warmUp, 0);
        checks.notNegative("--dynamodb-delay", networkDelays.dynamoDbDelay);
        checks.notNegative("--momento-delay", networkDelays.momentoDelay);
        List<Path> directories = stages.stream().map(workspace::stageDirectory).toList();
        OptionChecks.distinctStages(directories.stream().map(workspace::stageLabel).toList(), stages);
        List<Profile> profiles = new ArrayList<>();
        for (Path directory : directories) {
            profiles.add(measure(workspace, directory, requests, warmUp, networkDelays.delays(), !noBuild, out));
        }
        out.println(report(profiles));
        return 0;
    }

    /** One stage's budget. */
    record Profile(String stage, TimeBudget budget, ServiceTimes services, Map<String, Double> cpuPerRequest,
                   Map<String, Double> wakeUpsPerRequest, WarmUpCurve warmUp) {
    }

    /** One stage's time budget, in a local cloud of its own (one environment per function). */
    static Profile measure(Workspace workspace, Path directory, int requests, int warmUp, NetworkDelays delays,
                           boolean build, PrintStream out) throws Exception {
        HttpClient http = HttpDriver.newClient();
        String label = workspace.stageLabel(directory);
        out.println("== " + label + ": " + warmUp + " warm-up and " + requests + " measured requests, one at a time");
        try (LocalCloud cloud = LocalCloud.builder(directory).port(0).build(build).maxEnvironmentsPerFunction(1)
                .environmentCustomizer(new SdkCallTiming()).log(line -> { }).start()) {
            cloud.dynamoDbFaults().delayEveryCall(delays.dynamoDb());
            if (!delays.momento().isZero()) {
                cloud.momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).delayBy(delays.momento()));
            }
            URI user = cloud.baseUri().resolve("/users/" + USER);
            send(http, HttpRequest.newBuilder(cloud.baseUri().resolve("/users")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + USER + "\",\"firstName\":\"Pro\",\"lastName\":\"Filer\"}")).build(), 201);
            WarmUpCurve curve = new WarmUpCurve(WARM_UP_BLOCK);
            for (int i = 0; i < warmUp; i++) {
                long started = System.nanoTime();
                send(http, HttpRequest.newBuilder(user).build(), 200);
                curve.add((System.nanoTime() - started) / 1e6);
            }
            BlockingQueue<GatewayTiming> timings = new LinkedBlockingQueue<>();
            cloud.addGatewayTimingListener(timings::add);
            Map<String, CallTimer.Totals> before = cloud.serviceCallTimes();
            CpuTime cpuBefore = CpuTime.now();
            List<double[]> measured = new ArrayList<>(requests); // client ms, then the gateway's timing below
            List<GatewayTiming> gateway = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                long started = System.nanoTime();
                send(http, HttpRequest.newBuilder(user).build(), 200);
                measured.add(new double[] {(System.nanoTime() - started) / 1e6});
                GatewayTiming timing = timings.poll(10, TimeUnit.SECONDS); // told just after the answer went out
                if (timing == null) {
                    throw new IllegalStateException("API Gateway did not report the timing of request " + (i + 1));
                }
                gateway.add(timing);
            }
            CpuTime cpuAfter = CpuTime.now();
            Map<String, Double> cpu = cpuAfter.since(cpuBefore, requests);
            Map<String, Double> wakeUps = cpuAfter.wakeUpsSince(cpuBefore, requests);
            ServiceTimes services = ServiceTimes.between(before, cloud.serviceCallTimes(), requests);
            Map<String, InvocationReport> reports = cloud.reports().stream()
                    .collect(Collectors.toMap(InvocationReport::requestId, Function.identity(), (a, b) -> b));
            TimeBudget budget = new TimeBudget();
            for (int i = 0; i < requests; i++) {
                GatewayTiming timing = gateway.get(i);
                InvocationReport report = reports.get(timing.lambdaRequestId());
                if (report == null) {
                    throw new IllegalStateException("No REPORT for request " + timing.lambdaRequestId());
                }
                budget.add(measured.get(i)[0], timing.gatewayMs(), timing.invokeMs(), report.durationMs(), report.handlerMs(),
                        report.sdkCallsMs());
            }
            return new Profile(label, budget, services, cpu, wakeUps, curve);
        }
    }

    private static void send(HttpClient http, HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + expectedStatus + "): " + response.body());
        }
    }

    private static String wakeUps(Profile profile, String who) {
        Double perRequest = profile.wakeUpsPerRequest().get(who);
        return perRequest == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", perRequest);
    }

    /** Markdown, as BENCHMARKS.md shows it. */
    static String report(List<Profile> profiles) {
        StringBuilder text = new StringBuilder("\n| hop |");
        profiles.forEach(profile -> text.append(' ').append(profile.stage()).append(" p50 | ").append(profile.stage()).append(" p99 |"));
        text.append("\n|---|").append("---:|---:|".repeat(profiles.size())).append('\n');
        for (Hop hop : Hop.values()) {
            text.append("| ").append(hop.description()).append(" |");
            profiles.forEach(profile -> text.append(' ').append(TimeBudget.format(profile.budget().p50(hop))).append(" | ")
                    .append(TimeBudget.format(profile.budget().p99(hop))).append(" |"));
            text.append('\n');
        }
        text.append("| outside the function's Duration (local overhead) |");
        profiles.forEach(profile -> text.append(' ').append(TimeBudget.format(profile.budget().localOverheadP50())).append(" | ")
                .append(TimeBudget.format(profile.budget().localOverheadP99())).append(" |"));
        text.append("\n\nThe services' own time per request (mean; measured inside them, simulated delays included); "
                + "the handler's time outside them (handler p50 minus that mean); and of that, the SDK calls' way to the "
                + "services and back (SDK calls p50 minus that mean: the SDK's own work, the network, the servers' "
                + "HTTP and TLS):\n\n");
        for (Profile profile : profiles) {
            ServiceTimes services = profile.services();
            String calls = services.perService().keySet().stream()
                    .map(service -> String.format(java.util.Locale.ROOT, "%s %.2f ms (%.1f calls)", service,
                            services.millisPerRequest(service), services.callsPerRequest(service)))
                    .collect(Collectors.joining(", "));
            double outside = profile.budget().p50(Hop.HANDLER) - services.totalMillisPerRequest();
            text.append("- ").append(profile.stage()).append(": ").append(calls.isEmpty() ? "no service calls" : calls)
                    .append("; handler outside its calls ").append(TimeBudget.format(outside)).append(" ms")
                    .append(Double.isNaN(profile.budget().p50(Hop.SDK_CALLS)) ? "" : "; the SDK calls' way "
                            + TimeBudget.format(profile.budget().p50(Hop.SDK_CALLS) - services.totalMillisPerRequest()) + " ms")
                    .append(profile.budget().withoutHandlerTime() > 0
                            ? " (" + profile.budget().withoutHandlerTime() + " requests without the handler's time)" : "")
                    .append('\n');
        }
        text.append("\nProcessor time (ms) and thread wake-ups (voluntary context switches, Linux) per request. The wake-ups "
                + "are the same from run to run; the processor time moves less than the latencies above, but with how fast "
                + "the machine runs that day: compare it within one run.\n\n| who |");
        profiles.forEach(profile -> text.append(' ').append(profile.stage()).append(" ms | ").append(profile.stage()).append(" wake-ups |"));
        text.append("\n|---|").append("---:|---:|".repeat(profiles.size())).append('\n');
        for (String who : profiles.get(0).cpuPerRequest().keySet()) {
            text.append("| ").append(who).append(" |");
            profiles.forEach(profile -> text.append(' ')
                    .append(TimeBudget.format(profile.cpuPerRequest().getOrDefault(who, 0.0))).append(" | ")
                    .append(wakeUps(profile, who)).append(" |"));
            text.append('\n');
        }
        text.append("| all |");
        profiles.forEach(profile -> text.append(' ')
                .append(TimeBudget.format(profile.cpuPerRequest().values().stream().mapToDouble(Double::doubleValue).sum()))
                .append(" | ").append(profile.wakeUpsPerRequest().isEmpty() ? "-" : String.format(java.util.Locale.ROOT, "%.1f",
                        profile.wakeUpsPerRequest().values().stream().mapToDouble(Double::doubleValue).sum()))
                .append(" |"));
        text.append('\n');
        if (profiles.size() > 1) {
            TimeBudget first = profiles.get(0).budget();
            text.append('\n');
            for (Profile profile : profiles.subList(1, profiles.size())) {
                text.append(String.format(java.util.Locale.ROOT, "- %s / %s: p50 %.2fx, p99 %.2fx%n", profile.stage(),
                        profiles.get(0).stage(), profile.budget().p50(Hop.TOTAL) / first.p50(Hop.TOTAL),
                        profile.budget().p99(Hop.TOTAL) / first.p99(Hop.TOTAL)));
            }
        }
        text.append(warmUpCurve(profiles));
        return text.toString();
    }

    /**
     * The median of each block of warm-up requests, then of the measured ones: the environments run
     * at Lambda's C1-only JIT, which keeps making the request path faster for thousands of requests.
     */
    static String warmUpCurve(List<Profile> profiles) {
        int blocks = profiles.stream().mapToInt(profile -> profile.warmUp().blockMedians().size()).max().orElse(0);
        if (blocks < 2) {
            return "";
        }
        int size = profiles.get(0).warmUp().blockSize();
        StringBuilder text = new StringBuilder("\nThe warm-up, as the client saw it: the median of each " + size
                + " warm-up requests, then of the measured ones (ms). The environments run at Lambda's C1-only JIT, "
                + "which keeps compiling the request path for thousands of requests.\n\n| requests |");
        profiles.forEach(profile -> text.append(' ').append(profile.stage()).append(" p50 |"));
        text.append("\n|---|").append("---:|".repeat(profiles.size())).append('\n');
        for (int block = 0; block < blocks; block++) {
            long last = Math.min((block + 1L) * size, profiles.stream().mapToLong(profile -> profile.warmUp().requests()).max().orElse(0));
            text.append("| warm-up ").append(block * size + 1).append('-').append(last).append(" |");
            for (Profile profile : profiles) {
                List<Double> medians = profile.warmUp().blockMedians();
                text.append(' ').append(block < medians.size() ? TimeBudget.format(medians.get(block)) : "-").append(" |");
            }
            text.append('\n');
        }
        text.append("| measured |");
        profiles.forEach(profile -> text.append(' ').append(TimeBudget.format(profile.budget().p50(Hop.TOTAL))).append(" |"));
        return text.append('\n').toString();
    }
}
