package com.example.loadtest;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.live.LiveDashboard;
import com.example.loadtest.live.LiveLoad;
import com.example.loadtest.live.StatusLines;
import com.example.loadtest.report.ComparisonReport;
import com.example.loadtest.report.MachineInfo;
import com.example.loadtest.report.ResultsWriter;
import com.example.loadtest.report.RunHealth;
import com.example.loadtest.report.RunInfo;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.LoadRunner;
import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.NetworkDelays;
import com.example.loadtest.run.Progress;
import com.example.loadtest.run.RemoteTarget;
import com.example.loadtest.run.RunSettings;
import com.example.loadtest.run.StageResult;
import com.example.loadtest.run.StageRunner;
import com.example.loadtest.run.Target;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare}: the same load on several stages (or deployed URLs), side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, version = LoadTest.VERSION,
        description = "Starts each stage in its own local cloud (or uses deployed URLs), seeds the same data, sends the "
                + "same read-heavy request mix to each, and reports latency, cache hits, DynamoDB reads saved and cold "
                + "starts, with a chart, in workshop/results/<timestamp>/.")
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--stages", split = ",", paramLabel = "<stage>",
            description = "Stages to start in local clouds: step-N, a solutions/ folder name, working-copy, or a directory with a serverless.yml (default: step-1,step-4 unless --target-url is given).")
    List<String> stages = new ArrayList<>();

    @Option(names = "--target-url", split = ",", paramLabel = "<url>",
            description = "Deployed base URLs to load instead of (or besides) local stages, e.g. https://abc.execute-api.eu-west-1.amazonaws.com/dev.")
    List<URI> targetUrls = new ArrayList<>();

    @Option(names = "--requests", defaultValue = "2000", description = "Measured requests per stage (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "<30s|2m>",
            description = "Measure each stage for this long instead of a number of requests (500ms, 30s, 2m, or ISO PT30S).")
    Duration duration;

    @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--namespace", paramLabel = "<letters-and-digits>",
            description = "Prefix for every created name (default: none for local clouds, a fresh one when a --target-url is given, so reruns do not collide).")
    String namespace;

    @Option(names = "--dashboard", negatable = false,
            description = "Show the run live in the browser (it prints the address): every stage under load at once, "
                    + "with buttons to break Momento or DynamoDB, flush the cache, pause or resize the load; runs until "
                    + "Stop on the page, or for --duration (not --requests). Local stages only.")
    boolean dashboard;

    @Option(names = "--dashboard-port", defaultValue = "0", paramLabel = "<port>",
            description = "Port of the dashboard on localhost (default: any free port).")
    int dashboardPort;

    @Option(names = "--paused", negatable = false,
            description = "With --dashboard: seed and warm up the stages, then wait for Start on the page.")
    boolean paused;

    @Mixin
    WorkloadOptions workload;

    @Spec
    CommandSpec spec;

    private final String[] arguments;
    private final PrintStream out;
    private final Workspace workspace;

    CompareCommand(String[] arguments, PrintStream out, Workspace workspace) {
        this.arguments = arguments;
        this.out = out;
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws Exception {
        if (stages.isEmpty() && targetUrls.isEmpty()) {
            stages = List.of("step-1", "step-4");
        }
        // Everything the command line says is checked before anything is built, started or written.
        checkOptions();
        List<Path> directories = stages.stream().map(workspace::stageDirectory).toList();
        checkDistinctStages(directories);
        String names = namespace != null ? namespace
                : targetUrls.isEmpty() ? "" : "lt" + Long.toString(System.currentTimeMillis() / 1000, 36);
        SeedData data = workload.seedData(names);
        RunSettings settings = new RunSettings(concurrency, requests, duration, workload.warmUp, workload.seed);
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path folder = workload.results != null ? workload.results : ResultsWriter.newFolder(workspace.resultsParent(), LocalDateTime.now());
        // Its port first: a port in use stops the run before it leaves an empty results folder behind.
        LiveDashboard live = dashboard ? LiveDashboard.start(dashboardPort) : null;
        Files.createDirectories(folder);

        List<Target> targets = new ArrayList<>();
        List<LogFile> logs = new ArrayList<>();
        if (live != null) {
            out.println("Dashboard: " + live.uri() + "  (open it in a browser; the stages are starting)");
        }
        // Until the load runs, the page shows what the terminal does.
        PrintStream startUp = live == null ? out : StatusLines.tee(out, live::status);
        try {
            for (Path directory : directories) {
                String label = workspace.stageLabel(directory);
                LogFile log = new LogFile(folder.resolve(label + "-local-cloud.log"));
                logs.add(log);
                startUp.println("Starting " + label + " (" + workspace.root().relativize(directory) + ") in a local cloud"
                        + (workload.noBuild ? "" : ", building its jar first") + "; its log: " + log.file());
                targets.add(LocalStageTarget.start(label, directory, !workload.noBuild, workload.maxEnvironments, workload.delays(), log));
                startUp.println("  " + label + " answers on " + targets.get(targets.size() - 1).baseUri());
            }
            targetUrls.forEach(url -> targets.add(new RemoteTarget(url)));

            HttpDriver driver = new HttpDriver(workload.timeout);
            StageRunner runner = new StageRunner(new LoadRunner(driver), startUp, Progress.terminal());
            Comparison.Outcome outcome = live == null
                    ? new Comparison(driver, runner, startUp).run(targets, data, settings)
                    : new LiveComparison(driver, runner, startUp, live).run(localTargets(targets), data, settings,
                            workload.delays().any() ? workload.delays() : NetworkDelays.TYPICAL, workload.delays().any(), paused);

            // A live run lasts until Stop: its length is how long the load ran.
            Double seconds = live != null ? Double.valueOf(Math.round(outcome.results().get(0).seconds() * 10) / 10.0)
                    : duration == null ? null : duration.toMillis() / 1000.0;
            RunInfo run = new RunInfo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(started), MachineInfo.current(),
                    String.join(" ", arguments), concurrency, requests, seconds, workload.warmUp, workload.seed, names,
                    data.toString(), mixWeights(outcome), outcome.fanOutInMix(),
                    targets.stream().anyMatch(t -> t instanceof LocalStageTarget) ? workload.delays().describe() : "none");
            String report = ComparisonReport.text(run, outcome.results());
            out.println();
            out.print(report);
            out.println();
            out.println("Results in " + folder + ":");
            // report.txt ends with the warnings that the terminal prints last, so that the file alone tells a failed run.
            List<String> warnings = RunHealth.warnings(outcome.results());
            String reportFile = warnings.isEmpty() ? report : report + "\n" + String.join("\n", warnings) + "\n";
            List<Path> files = new ArrayList<>(ResultsWriter.writeComparison(folder, run, outcome.results(), reportFile));
            if (live != null) {
                files.add(live.finish(folder));
            }
            for (Path file : files) {
                out.println("  " + file.getFileName());
            }
            logs.forEach(log -> out.println("  " + log.file().getFileName()));
            return healthExitCode(outcome.results(), live != null);
        } catch (IllegalStateException e) {
            throw logs.isEmpty() ? e : new IllegalStateException(e.getMessage() + "\n  The local clouds' logs (REPORT lines, "
                    + "the functions' output and errors) are in " + folder, e);
        } finally {
            if (live != null) {
                live.close();
            }
            targets.forEach(Target::close);
            logs.forEach(LogFile::close);
        }
    }

    private void checkOptions() {
        if (dashboard && !targetUrls.isEmpty()) {
            OptionChecks.fail("--dashboard drives local clouds (its buttons break their Momento and DynamoDB); "
                    + "leave out --target-url, or --dashboard");
        }
        OptionChecks checks = new OptionChecks(spec);
        checks.onlyWith("--dashboard", dashboard, "--paused", "--dashboard-port");
        checks.positive("--duration", duration);
        if (duration == null) {
            checks.atLeast("--requests", requests, 1);
        }
        if (dashboard) {
            checks.between("--concurrency", concurrency, 1, LiveLoad.MAX_CONCURRENCY, " with --dashboard");
            checks.between("--dashboard-port", dashboardPort, 0, 65535, "");
        } else {
            checks.atLeast("--concurrency", concurrency, 1);
        }
        OptionChecks.targetUrls(targetUrls);
        workload.check(checks);
    }

    private void checkDistinctStages(List<Path> directories) {
        List<String> labels = new ArrayList<>(directories.stream().map(workspace::stageLabel).toList());
        List<String> given = new ArrayList<>(stages);
        for (URI url : targetUrls) {
            labels.add(new RemoteTarget(url).name());
            given.add(OptionChecks.shown(url));
        }
        OptionChecks.distinctStages(labels, given);
    }

    /**
     * 1 when a stage's requests mostly failed, so a script (or CI) never takes a broken run for a
     * measurement; the warnings say which. A dashboard run exits 0 all the same: its buttons break
     * Momento and DynamoDB on purpose, and the errors they cause are the demonstration.
     */
    private int healthExitCode(List<StageResult> results, boolean live) {
        List<String> warnings = RunHealth.warnings(results);
        if (!warnings.isEmpty()) {
            out.println();
            warnings.forEach(out::println);
        }
        return warnings.isEmpty() || live ? 0 : 1;
    }

    private static List<LocalStageTarget> localTargets(List<Target> targets) {
        return targets.stream().map(LocalStageTarget.class::cast).toList();
    }

    private static Map<String, Integer> mixWeights(Comparison.Outcome outcome) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        outcome.mix().weights().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> weights.put(entry.getKey().name(), entry.getValue()));
        return weights;
    }
}
