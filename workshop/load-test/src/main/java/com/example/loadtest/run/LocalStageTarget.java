package com.example.loadtest.run;

import com.example.localcloud.LocalCloud;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.momento.MomentoStats.CacheCounters;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A workshop stage running in its own local cloud, whose servers' counters the report can read. */
public final class LocalStageTarget implements Target {

    private final String name;
    private final Path stageDirectory;
    private final LocalCloud cloud;
    private final List<ColdStart> coldStarts = new CopyOnWriteArrayList<>();
    private volatile Phase phase = Phase.SEED;

    private LocalStageTarget(String name, Path stageDirectory, LocalCloud cloud) {
        this.name = name;
        this.stageDirectory = stageDirectory;
        this.cloud = cloud;
        cloud.addInvocationListener(this::seen);
    }

    /**
     * Starts the stage in a local cloud on a free port.
     *
     * @param build           build the stage's jar first (mvn package -Dmaven.test.skip)
     * @param maxEnvironments execution environments per function
     * @param delays          simulated network round trips (see {@link NetworkDelays})
     * @param log             the local cloud's log lines (REPORT lines, the functions' output)
     */
    public static LocalStageTarget start(String name, Path stageDirectory, boolean build, int maxEnvironments,
                                         NetworkDelays delays, Consumer<String> log) {
        LocalCloud.Builder builder = LocalCloud.builder(stageDirectory)
                .port(0)
                .build(build)
                .maxEnvironmentsPerFunction(maxEnvironments)
                .keepIdleEnvironments(true) // a demo paused for a talk comes back warm, not to every cold start at once
                .log(log);
        LocalCloud cloud = builder.start();
        cloud.dynamoDbFaults().delayEveryCall(delays.dynamoDb()); // after IAM, which stays on
        if (!delays.momento().isZero()) {
            cloud.momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).delayBy(delays.momento()));
        }
        return new LocalStageTarget(name, stageDirectory, cloud);
    }

    private void seen(InvocationReport report) {
        if (report.coldStart()) {
            coldStarts.add(new ColdStart(report.functionName(), report.environmentNumber(), report.initDurationMs(),
                    report.durationMs(), phase));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "local cloud, " + stageDirectory.getFileName() + ", " + baseUri();
    }

    @Override
    public URI baseUri() {
        return cloud.baseUri();
    }

    /** The stage's shaded jar (every function of a stage runs the same one). */
    public Optional<Path> artifact() {
        return cloud.config().functions().stream().map(FunctionConfig::artifact).findFirst();
    }

    /** The functions API Gateway invokes (others, e.g. a stream consumer, are started by events). */
    public Set<String> httpFunctions() {
        return cloud.config().functions().stream()
                .filter(function -> !function.httpEvents().isEmpty())
                .map(FunctionConfig::name)
                .collect(Collectors.toSet());
    }

    /** The functions a DynamoDB stream invokes: a write starts them, a moment after its answer. */
    public Set<String> dynamoDbStreamFunctions() {
        return cloud.config().functions().stream()
                .filter(function -> function.streamEvents().stream().anyMatch(event -> "dynamodb".equals(event.type())))
                .map(FunctionConfig::name)
                .collect(Collectors.toSet());
    }

    /** How many execution environments each function has now (starting, busy or idle). */
    public Map<String, Integer> environmentCounts() {
        return cloud.config().functions().stream()
                .collect(Collectors.toMap(FunctionConfig::name, function -> cloud.lambda().environmentCount(function.name())));
    }

    @Override
    public Optional<ServerCounters> counters() {
        CacheCounters cache = cloud.momento().stats().allCaches();
        return Optional.of(new ServerCounters(
                new CacheTraffic(cache.gets(), cache.hits(), cache.misses(), cache.sets(), cache.deletes()),
                cloud.dynamoDbStats()));
    }

    /** The stage's local cloud: its counters, fault injection and caches (the live dashboard's figures and buttons). */
    public LocalCloud cloud() {
        return cloud;
    }

    @Override
    public boolean seesColdStarts() {
        return true;
    }

    @Override
    public List<ColdStart> coldStarts() {
        return List.copyOf(coldStarts);
    }

    @Override
    public void phase(Phase phase) {
        this.phase = phase;
    }

    @Override
    public void close() {
        cloud.close();
    }
}
