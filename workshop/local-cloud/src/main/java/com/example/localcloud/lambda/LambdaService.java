package com.example.localcloud.lambda;

import com.example.localcloud.config.Deployment;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Local Lambda: invokes the functions of a serverless.yml, each in its own pool of execution
 * environments, and logs a REPORT line per invocation as Lambda does.
 */
public final class LambdaService implements AutoCloseable {

    /** How many REPORT records {@link #reports()} keeps (a load test can run for long). */
    private static final int REPORTS_KEPT = 10_000;
    /**
     * Lambda stops an execution environment that has had no event for a while (AWS does not say
     * how long; it frees the laptop's memory here, about 150 MB per environment).
     */
    public static final Duration IDLE_LIMIT = Duration.ofMinutes(10);

    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private final Consumer<String> log;
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<InvocationReport> reports = new ArrayDeque<>();
    private final FunctionJvms jvms;
    private final EnvironmentLauncher launcher;
    /** Null when environments are kept however long they go without an event. */
    private final Duration idleLimit;
    private final ScheduledExecutorService idleStopper;

    /**
     * @param customizers       what each environment needs to reach the local services (e.g.
     *                          {@code AWS_ENDPOINT_URL_DYNAMODB}), and any extra JVM arguments and variables
     * @param maxEnvironments   per function; further events wait
     * @param log               where REPORT lines and the functions' output go
     */
    public LambdaService(ServerlessConfig config, FunctionCredentials credentials,
                         List<EnvironmentCustomizer> customizers, int maxEnvironments, Consumer<String> log) {
        this(config, credentials, customizers, maxEnvironments, log, IDLE_LIMIT);
    }

    /**
     * @param idleLimit how long an environment may go without an event before it is stopped; null
     *                  keeps every environment (a paused demo then comes back warm)
     */
    public LambdaService(ServerlessConfig config, FunctionCredentials credentials,
                         List<EnvironmentCustomizer> customizers, int maxEnvironments, Consumer<String> log, Duration idleLimit) {
        this(config, credentials, customizers, maxEnvironments, log, FunctionJvms.onThisMachine(), idleLimit);
    }

    /**
     * @param jvms      which JDK runs which runtime (tests pass their own)
     * @param idleLimit how long an environment may go without an event before it is stopped; null: never
     */
    LambdaService(ServerlessConfig config, FunctionCredentials credentials, List<EnvironmentCustomizer> customizers,
                  int maxEnvironments, Consumer<String> log, FunctionJvms jvms, Duration idleLimit) {
        this.log = log;
        this.jvms = jvms;
        this.idleLimit = idleLimit;
        Deployment deployment = config.deployment();
        launcher = new EnvironmentLauncher(deployment, credentials, customizers, jvms);
        for (FunctionConfig function : config.functions()) {
            jvms.choose(function.runtime()); // now, so that a missing JDK is said at start-up
            launcher.deployed(function.artifact(), TaskRoots.of(function.artifact())); // unpacked before any cold start, as Lambda does

            String arn = deployment.arnPrefix("lambda") + "function:" + function.deployedName();
            pools.put(function.name(), new FunctionPool(function, maxEnvironments,
                    number -> new ExecutionEnvironment(function, number, launcher, arn, log)));
        }
        idleStopper = idleLimit == null ? null : startIdleStopper(idleLimit);
    }

    private ScheduledExecutorService startIdleStopper(Duration limit) {
        ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lambda-idle-environments");
            thread.setDaemon(true);
            return thread;
        });
        long checkEveryMillis = Math.max(1, Math.min(limit.toMillis() / 4, 30_000));
        stopper.scheduleWithFixedDelay(this::stopIdleEnvironments, checkEveryMillis, checkEveryMillis, TimeUnit.MILLISECONDS);
        return stopper;
    }

    /**
     * Says on {@code notes} when a cold start runs a build of the jar made after the deployment (a local cloud
     * without reload on edit, whose routes and settings stay the deployment's).
     */
    public void noteRebuildsTo(Consumer<String> notes) {
        launcher.noteRebuildsTo(notes);
    }

    /** How long an environment may go without an event before it is stopped; empty when none is ever stopped. */
    public Optional<Duration> idleLimit() {
        return Optional.ofNullable(idleLimit);
    }

    private void stopIdleEnvironments() {
        for (FunctionPool pool : pools.values()) {
            try {
                for (ExecutionEnvironment environment : pool.takeIdleLongerThan(idleLimit)) {
                    environment.close();
                    log.accept("[" + environment.id() + "] Stopped after " + describe(idleLimit) + " without an event, as Lambda"
                            + " stops idle environments: the function's next event starts a new one (a cold start)");
                }
            } catch (RuntimeException e) {
                // thrown out of here, it would end this scheduled task for good: the next look tries again
                System.err.println("Could not stop an idle environment of " + pool.function().name() + ": " + e);
            }
        }
    }

    static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        return duration.toMillis() % 60_000 != 0 ? duration.toMillis() + " ms" : minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /**
     * Invokes a function with an event (JSON) and waits for the outcome. Safe to call from many
     * threads: concurrent events get separate environments.
     */
    public InvocationResult invoke(String functionName, byte[] event) throws InterruptedException {
        FunctionPool pool = pools.get(functionName);
        if (pool == null) {
            throw new IllegalArgumentException("No function named " + functionName);
        }
        InvocationResult result = pool.invoke(UUID.randomUUID().toString(), event);
        InvocationReport report = result.report();
        log.accept("[" + report.environmentId() + "] " + report.toLogLine());
        synchronized (reports) {
            reports.addLast(report);
            if (reports.size() > REPORTS_KEPT) {
                reports.removeFirst();
            }
        }
        listeners.forEach(listener -> listener.invocationFinished(report));
        return result;
    }

    public void addListener(InvocationListener listener) {
        listeners.add(listener);
    }

    /** The most recent REPORT records, oldest first. */
    public List<InvocationReport> reports() {
        synchronized (reports) {
            return new ArrayList<>(reports);
        }
    }

    /**
     * What to tell the user about the JVMs, e.g. "serverless.yml declares java21; no JDK 21 found,
     * the functions run on JDK 17 (set JAVA_HOME_21 to a JDK 21)"; empty when each runtime has its JDK.
     */
    public List<String> runtimeNotes() {
        return jvms.notes();
    }

    /** After the code changed: every function's next events go to new execution environments. */
    public void retireEnvironments() {
        pools.values().forEach(FunctionPool::retireAll);
    }

    /**
     * One function's next events go to new execution environments, as when Lambda replaces them.
     *
     * @return false if there is no function of that name
     */
    public boolean retireEnvironments(String functionName) {
        FunctionPool pool = pools.get(functionName);
        if (pool != null) {
            pool.retireAll();
        }
        return pool != null;
    }

    /** How many environments a function has now. */
    public int environmentCount(String functionName) {
        return pools.get(functionName).environmentCount();
    }

    /** Destroys every environment. */
    @Override
    public void close() {
        if (idleStopper != null) {
            idleStopper.shutdown(); // an environment it is stopping now is stopped before the pools close
            try {
                idleStopper.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pools.values().forEach(FunctionPool::close);
    }
}
