package com.example.loadtest;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.plan.RequestMix;
import com.example.loadtest.report.BenchmarkReport;
import com.example.loadtest.report.BenchmarkRun;
import com.example.loadtest.report.MachineInfo;
import com.example.loadtest.report.ResultsWriter;
import com.example.loadtest.report.RunHealth;
import com.example.loadtest.report.StageBenchmark;
import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.FanOutProbe;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.LoadRunner;
import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.Progress;
import com.example.loadtest.run.RunSettings;
import com.example.loadtest.run.StageResult;
import com.example.loadtest.run.StageRunner;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfigLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * {@code benchmark}: for each stage, cold starts in fresh local clouds, a warm run, the jar size;
 * written as BENCHMARKS.md (into the results folder, and with --write wherever asked).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false, version = LoadTest.VERSION,
        description = "Measures every stage on this machine: warm latency, cold-start Init Duration (fresh local clouds, "
                + "one function at a time) and shaded jar size. Writes BENCHMARKS.md and benchmark.json into "
                + "workshop/results/<timestamp>/ (and to --write if given).")
final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--stages", split = ",", paramLabel = "<stage>",
            description = "Stages to measure (default: every solutions/step-*).")
    List<String> stages = new ArrayList<>();

    @Option(names = "--cold-rounds", defaultValue = "3", paramLabel = "<n>",
            description = "Fresh local clouds per stage for cold starts (default: ${DEFAULT-VALUE}).")
    int coldRounds;

    @Option(names = "--requests", defaultValue = "1000", description = "Measured warm requests per stage (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--concurrency", defaultValue = "1",
            description = "Warm requests in flight at once (default: ${DEFAULT-VALUE}: latency without queueing).")
    int concurrency;

    @Option(names = "--time-budget", split = ",", defaultValue = "step-1,step-4", paramLabel = "<stage>",
            description = "Stages whose warm read is also split hop by hop, as `profile` does, with the same delays and "
                    + "--requests, after --warmup but at least 3000 warm-up requests (default: ${DEFAULT-VALUE}; `none` for no time budget).")
    List<String> timeBudget;

    @Option(names = "--write", paramLabel = "<file>",
            description = "Also write the report here, e.g. workshop/BENCHMARKS.md (relative to the repository root).")
    Path write;

    @Mixin
    WorkloadOptions workload;

    @Spec
    CommandSpec spec;

    private final String[] arguments;
    private final PrintStream out;
    private final Workspace workspace;

    BenchmarkCommand(String[] arguments, PrintStream out, Workspace workspace) {
        this.arguments = arguments;
        this.out = out;
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws Exception {
        // Everything the command line says is checked before anything is built, started or written.
        OptionChecks checks = new OptionChecks(spec);
        checks.atLeast("--cold-rounds", coldRounds, 1);
        checks.atLeast("--requests", requests, 1);
        checks.atLeast("--concurrency", concurrency, 1);
        workload.check(checks);
        List<Path> directories = stages.isEmpty() ? workspace.solutionStages()
                : stages.stream().map(workspace::stageDirectory).toList();
        OptionChecks.distinctStages(directories.stream().map(workspace::stageLabel).toList(),
                directories.stream().map(directory -> workspace.root().relativize(directory).toString()).toList());
        timeBudget.stream().filter(stage -> !stage.equals("none")).forEach(workspace::stageDirectory);
        OptionChecks.writable("--write", write == null ? null : workspace.root().resolve(write));
        SeedData data = workload.seedData("");
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path folder = workload.results != null ? workload.results : ResultsWriter.newFolder(workspace.resultsParent(), LocalDateTime.now());
        Files.createDirectories(folder);
        RunSettings settings = new RunSettings(concurrency, requests, null, workload.warmUp, workload.seed);
        HttpDriver driver = new HttpDriver(workload.timeout);
        StageRunner runner = new StageRunner(new LoadRunner(driver), out, Progress.terminal());

        // Fan-out reads are planned if any stage declares the route; the others skip them, so every
        // stage still gets the same sequence of the other requests.
        RequestMix mix = RequestMix.standard(directories.stream().anyMatch(BenchmarkCommand::declaresFanOut));
        List<StageBenchmark> measured = new ArrayList<>();
        try {
            for (Path directory : directories) {
                measured.add(measure(directory, folder, data, mix, settings, driver, runner));
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n  The local clouds' logs are in " + folder, e);
        }

        BenchmarkRun run = new BenchmarkRun(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(started), MachineInfo.current(),
                String.join(" ", arguments), coldRounds, concurrency, requests, workload.warmUp, workload.seed, data.toString(),
                workload.delays().describe());
        return writeResults(folder, run, measured, this::timeBudget);
    }

    /**
     * BENCHMARKS.md and benchmark.json; returns the exit code. The measurements are written before
     * the time budget is measured, so a budget that fails (after hours of cold rounds and warm
     * runs) loses nothing: BENCHMARKS.md then says it failed, and why.
     */
    int writeResults(Path folder, BenchmarkRun run, List<StageBenchmark> measured, Callable<String> timeBudget) throws Exception {
        String measurements = BenchmarkReport.markdown(run, measured);
        ResultsWriter.write(folder.resolve("BENCHMARKS.md"), measurements);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("stages", measured);
        ResultsWriter.writeJson(folder.resolve("benchmark.json"), json);

        List<String> warnings = new ArrayList<>(RunHealth.warnings(measured.stream().map(StageBenchmark::warm).toList()));
        String budget;
        try {
            budget = timeBudget.call();
        } catch (RuntimeException | IOException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
            budget = "\n## The time budget of a warm read\n\nNot measured: the time budget failed (" + why + ").\n";
            warnings.add("WARNING: the time budget failed: " + why);
        }
        String markdown = measurements + budget;
        out.println();
        out.print(markdown);
        ResultsWriter.write(folder.resolve("BENCHMARKS.md"), markdown);
        out.println();
        out.println("Results in " + folder + ": BENCHMARKS.md, benchmark.json, one local-cloud log per stage");
        if (write != null) {
            Path target = workspace.root().resolve(write);
            ResultsWriter.write(target, markdown);
            out.println("Written to " + target);
        }
        // A stage whose warm requests mostly failed is no measurement, nor is a failed budget: say so, and fail the command.
        if (!warnings.isEmpty()) {
            out.println();
            warnings.forEach(out::println);
        }
        return warnings.isEmpty() ? 0 : 1;
    }

    /** The time budget section: each named stage's warm read split hop by hop, in a cloud of its own. */
    private String timeBudget() throws Exception {
        List<String> budgetStages = timeBudget.stream().filter(stage -> !stage.equals("none")).toList();
        if (budgetStages.isEmpty()) {
            return "";
        }
        List<ProfileCommand.Profile> profiles = new ArrayList<>();
        for (String stage : budgetStages) {
            // The jars were built for the warm runs when the stage was measured; else build it now.
            boolean built = !workload.noBuild && stages.stream().noneMatch(stage::equals) && !stages.isEmpty();
            profiles.add(ProfileCommand.measure(workspace, workspace.stageDirectory(stage), (int) Math.min(requests, Integer.MAX_VALUE),
                    budgetWarmUp(), workload.delays(), built, out));
        }
        return "\n## The time budget of a warm read\n\n"
                + "`GET /users/{username}` (a cache hit where the stage caches, a DynamoDB read on step 1), " + requests
                + " times one at a time after " + budgetWarmUp() + " warm-up requests, in a fresh local cloud with one "
                + "environment per function, split where each hop's time is measured (see the load test's README, \"The time "
                + "budget\"; `profile` prints the same table). Milliseconds.\n"
                + ProfileCommand.report(profiles);
    }

    /**
     * The time budget's warm-up requests: --warmup, but at least profile's default. The warm runs'
     * default (300) leaves the C1-only JIT far from done, and the budget would measure its warm-up.
     */
    int budgetWarmUp() {
        return Math.max(workload.warmUp, Integer.parseInt(ProfileCommand.DEFAULT_WARM_UP));
    }

    /** Whether the stage's serverless.yml has the fan-out route (read without starting anything). */
    static boolean declaresFanOut(Path stageDirectory) {
        return ServerlessConfigLoader.load(stageDirectory.resolve("serverless.yml"), LoadOptions.defaults()).functions().stream()
                .flatMap(function -> function.httpEvents().stream())
                .anyMatch(event -> event.method().equalsIgnoreCase(Endpoint.LIST_MEMBERS.method())
                        && event.path().replaceAll("^/", "").equals("organizations/{organization}/members"));
    }

    private StageBenchmark measure(Path directory, Path folder, SeedData data, RequestMix mix, RunSettings settings,
                                   HttpDriver driver, StageRunner runner) throws InterruptedException {
        String label = workspace.stageLabel(directory);
        List<ColdStart> coldStarts = new ArrayList<>();
        Map<String, List<Double>> firstRequests = new LinkedHashMap<>();
        StageResult warm = null;
        Path jar = null;
        try (LogFile log = new LogFile(folder.resolve(label + "-local-cloud.log"))) {
            for (int round = 1; round <= coldRounds; round++) {
                boolean build = !workload.noBuild && round == 1;
                out.println("== " + label + ": cold round " + round + "/" + coldRounds + (build ? " (building the jar first)" : ""));
                try (LocalStageTarget target = LocalStageTarget.start(label, directory, build, workload.maxEnvironments, workload.delays(), log)) {
                    jar = target.artifact().orElseThrow();
                    ColdTour.run(target, driver).forEach((endpoint, ms) ->
                            firstRequests.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(ms));
                    coldStarts.addAll(target.coldStarts());
                    if (round == coldRounds) {
                        // The last cloud goes on to the warm run (seeded faster, with a few requests at a time).
                        boolean fanOut = FanOutProbe.servesFanOut(driver, target.baseUri());
                        runner.seed(target, data, Math.max(settings.concurrency(), 4));
                        warm = runner.measure(target, data, mix, settings, fanOut);
                    }
                }
            }
        }
        long jarBytes;
        try {
            jarBytes = Files.size(jar);
        } catch (IOException e) {
            jarBytes = -1;
        }
        return new StageBenchmark(label, workspace.root().relativize(directory).toString().replace('\\', '/'), jarBytes,
                coldStarts, firstRequests, warm);
    }
}
