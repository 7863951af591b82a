package com.example.localcloud;

import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.lambda.EnvironmentCustomizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A workshop stage running in a local cloud for a test, with everything it logs kept.
 *
 * <p>The end-to-end classes run two at a time ({@code junit-platform.properties}): much of a
 * class's time is a stage's build, a Maven run that leaves the second core idle, and waiting for
 * streams and retries. Each such class is {@code @Execution(CONCURRENT)} and holds a
 * {@code @ResourceLock} on the stages it builds and starts (the names below), so that two classes
 * never build or start the same stage at once, and the methods of one class run one after the
 * other, in one thread, as before.
 */
final class StageClouds {
    static final Path SOLUTIONS = Path.of("../../solutions");
    static final String CACHE = "accounts-cache";

    // Stages, as named under solutions/; also the names of their @ResourceLock.
    static final String STEP_1 = "step-1-lambda-dynamodb";
    static final String STEP_2 = "step-2-momento-client";
    static final String STEP_3 = "step-3-read-aside";
    static final String STEP_4 = "step-4-write-aside";
    static final String STEP_5 = "step-5-fan-out";
    static final String STEP_6 = "step-6-stream-cacher";
    static final String STEP_7 = "step-7-stream-consumer";

    /** The stages built by this test JVM: their sources do not change during a run, so one build each is enough. */
    private static final Set<Path> BUILT = ConcurrentHashMap.newKeySet();

    private StageClouds() {
    }

    /** True the first time a stage is asked for in this test run: then build it (mvn package), else reuse its jar. */
    static boolean firstBuildInThisRun(Path stageDirectory) {
        return BUILT.add(stageDirectory.toAbsolutePath().normalize());
    }

    record Running(LocalCloud cloud, AccountsApi api, Queue<String> log) implements AutoCloseable {
        /** The lines logged so far that contain {@code text}. */
        List<String> logLines(String text) {
            return log.stream().filter(line -> line.contains(text)).toList();
        }

        /**
         * The lines that contain {@code text}, waiting up to 10 s for the first: an environment's
         * output is copied to the log by another thread, and may trail the HTTP response.
         */
        List<String> awaitLogLines(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (logLines(text).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return logLines(text);
        }

        @Override
        public void close() {
            cloud.close();
        }
    }

    /**
     * The classes that share one cloud of a stage (one start, one cold start per function, instead of
     * one each): they hold the stage's {@code @ResourceLock}, so they use it one after the other, and
     * what they check does not depend on a fresh cloud (unique names, faults cleared after each test).
     */
    static final Map<String, Set<String>> SHARED_BY = Map.of(
            STEP_1, Set.of("Step1EndToEndTest", "DynamoDbFaultsEndToEndTest"));

    private record Shared(Running running, Set<String> released) {
    }

    private static final Map<String, Shared> SHARED = new java.util.HashMap<>();

    static {
        // A shared cloud that a class left out of the run never released: its environments stop with this JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (SHARED) {
                SHARED.values().forEach(shared -> shared.running().close());
            }
        }, "close-shared-clouds"));
    }

    /**
     * The stage's cloud shared by the classes {@link #SHARED_BY} names: started by the first that asks,
     * closed when every one of them has released it (when a class is left out of the run, e.g. by
     * {@code -Dtest}, as this JVM ends).
     */
    static Running shared(String stage, Class<?> user) {
        synchronized (SHARED) {
            Set<String> users = SHARED_BY.get(stage);
            if (users == null || !users.contains(user.getSimpleName())) {
                throw new IllegalArgumentException(user.getSimpleName() + " is not listed in SHARED_BY for " + stage);
            }
            return SHARED.computeIfAbsent(stage, name -> new Shared(start(name), new java.util.HashSet<>())).running();
        }
    }

    static void release(String stage, Class<?> user) {
        synchronized (SHARED) {
            Shared shared = SHARED.get(stage);
            if (shared == null) {
                return;
            }
            shared.released().add(user.getSimpleName());
            if (shared.released().containsAll(SHARED_BY.get(stage))) {
                SHARED.remove(stage);
                shared.running().close();
            }
        }
    }

    /** Builds the stage's jar (as the start command does) and starts it on a free port. */
    static Running start(String stage) {
        return start(SOLUTIONS.resolve(stage), true);
    }

    static Running start(Path stageDirectory, boolean build) {
        return start(stageDirectory, build, (function, spec) -> { });
    }

    /** Builds the stage's jar if this run has not, and starts it with the environments changed by {@code customizer}. */
    static Running start(String stage, EnvironmentCustomizer customizer) {
        return start(SOLUTIONS.resolve(stage), true, customizer);
    }

    private static Running start(Path stageDirectory, boolean build, EnvironmentCustomizer customizer) {
        Queue<String> log = new ConcurrentLinkedQueue<>();
        LocalCloud cloud = LocalCloud.builder(stageDirectory)
                .port(0)
                .build(build && firstBuildInThisRun(stageDirectory))
                .loadOptions(new LoadOptions(Map.of(), null, null))
                .environmentCustomizer(customizer)
                .log(log::add)
                .start();
        return new Running(cloud, new AccountsApi(cloud.baseUri()), log);
    }
}
