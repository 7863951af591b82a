package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local Lambda without API Gateway: events go straight to {@link LambdaService#invoke}. */
@Timeout(60)
class LambdaServiceTest {

    private static final String SLOW_EVENT_TEMPLATE = """
            {"httpMethod": "GET", "path": "/slow", "queryStringParameters": {"sleepMs": "SLEEP"},
             "requestContext": {"stage": "dev", "identity": {"sourceIp": "127.0.0.1"}}}
            """;
    private static final byte[] SLOW_EVENT = SLOW_EVENT_TEMPLATE.replace("SLEEP", "700").getBytes(StandardCharsets.UTF_8);
    private static final byte[] FAST_EVENT = SLOW_EVENT_TEMPLATE.replace("SLEEP", "0").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path stageDirectory;

    @Test
    void atTheEnvironmentLimitEventsWaitForTheBusyEnvironment() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<InvocationReport> reports = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                List.of(), 1, System.out::println)) {
            lambda.addListener(reports::add);

            CompletableFuture<InvocationResult> first = CompletableFuture.supplyAsync(() -> invoke(lambda));
            CompletableFuture<InvocationResult> second = CompletableFuture.supplyAsync(() -> invoke(lambda));

            assertThat(List.of(first.get().status(), second.get().status())).containsOnly(InvocationResult.Status.SUCCESS);
            assertThat(lambda.environmentCount("echo")).isEqualTo(1);
        }
        assertThat(reports).hasSize(2).allSatisfy(report -> assertThat(report.environmentNumber()).isEqualTo(1));
        assertThat(reports).filteredOn(InvocationReport::coldStart).hasSize(1);
    }

    /**
     * As in CloudWatch, each invocation's START line divides the log: what the environment printed
     * before its first START is its Init (the handler's constructor), what comes after is the
     * invocation's. `check` tells a client made during Init from one made on first use by it.
     */
    @Test
    void eachInvocationLogsAStartLineAfterWhatInitPrinted() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<String> log = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                log::add)) {
            InvocationResult first = lambda.invoke("probe", "{\"print\": \"line 0 from the handler\"}".getBytes(StandardCharsets.UTF_8));
            InvocationResult second = lambda.invoke("probe", "{}".getBytes(StandardCharsets.UTF_8));

            assertInitComesBeforeStartAndTheHandlerAfter(log, first.report().requestId());
            assertThat(log).filteredOn(line -> line.startsWith("[probe#1] START RequestId: ")).containsExactly(
                    "[probe#1] START RequestId: " + first.report().requestId() + " Version: $LATEST",
                    "[probe#1] START RequestId: " + second.report().requestId() + " Version: $LATEST");
            assertThat(log.indexOf("[probe#1] " + first.report().toLogLine()))
                    .isLessThan(log.indexOf("[probe#1] START RequestId: " + second.report().requestId() + " Version: $LATEST"));
        }
    }

    /** The probe function's constructor line, then the first invocation's START line, then its handler's line. */
    static void assertInitComesBeforeStartAndTheHandlerAfter(List<String> log, String firstRequestId) {
        int created = log.indexOf("[probe#1] " + com.example.localcloud.fixtures.EnvironmentProbeHandler.CREATED);
        int start = log.indexOf("[probe#1] START RequestId: " + firstRequestId + " Version: $LATEST");
        int handler = log.indexOf("[probe#1] line 0 from the handler");
        assertThat(created).as("the constructor's line, in %s", log).isNotNegative();
        assertThat(start).as("the first START line, in %s", log).isGreaterThan(created);
        assertThat(handler).as("the first invocation's line, in %s", log).isGreaterThan(start);
    }

    /** As on Lambda, an environment that had no event for a while is stopped, and the next event is a cold start. */
    @Test
    void anEnvironmentIdleForLongerThanTheLimitIsStoppedAndTheNextEventStartsANewOne() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<String> log = new CopyOnWriteArrayList<>();
        List<InvocationReport> reports = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                log::add, FunctionJvms.onThisMachine(), Duration.ofSeconds(2))) {
            lambda.addListener(reports::add);
            assertThat(invoke(lambda, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(lambda.environmentCount("echo")).isEqualTo(1);

            // the line comes once the environment's JVM is gone
            waitUntil(() -> log.stream().anyMatch(line -> line.startsWith("[echo#1] Stopped after 2000 ms without an event")),
                    Duration.ofSeconds(20));
            assertThat(lambda.environmentCount("echo")).isZero();

            assertThat(invoke(lambda, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
        }
        assertThat(reports).extracting(InvocationReport::environmentNumber).containsExactly(1, 2);
        assertThat(reports).allSatisfy(report -> assertThat(report.coldStart()).isTrue());
    }

    /**
     * Kept environments (a paused load test's): no idle stop is scheduled at all, which the limit
     * says (waiting cannot tell "never" from "after 10 minutes"), and an environment serves and
     * closes as usual without one.
     */
    @Test
    void withoutAnIdleLimitEveryEnvironmentIsKept() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<String> log = new CopyOnWriteArrayList<>();
        try (LambdaService kept = new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                log::add, null)) {
            assertThat(kept.idleLimit()).isEmpty();
            assertThat(invoke(kept, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(kept.environmentCount("echo")).isEqualTo(1);
        }
        assertThat(log).noneMatch(line -> line.contains("Stopped after"));
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                log::add)) {
            assertThat(lambda.idleLimit()).as("by default, as Lambda").contains(LambdaService.IDLE_LIMIT);
        }
    }

    /** A check or a use in the working copy of a running local cloud builds the jar again: new cold starts run it. */
    @Test
    void aColdStartOnAJarBuiltAfterTheDeploymentIsSaidOnce() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<String> log = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                log::add)) {
            lambda.noteRebuildsTo(log::add);
            assertThat(invoke(lambda, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
            lambda.retireEnvironments();
            assertThat(invoke(lambda, FAST_EVENT).status()).as("a cold start on the deployed build").isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(log).noneMatch(line -> line.contains("was built again"));

            Path jar = config.functions().get(0).artifact();
            java.nio.file.Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                    java.nio.file.Files.getLastModifiedTime(jar).toMillis() + 2_000)); // as a new build leaves it
            for (int coldStart = 0; coldStart < 2; coldStart++) {
                lambda.retireEnvironments();
                assertThat(invoke(lambda, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
            }
        }
        assertThat(log).filteredOn(line -> line.contains("was built again since this local cloud started")).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("routes, variables and roles stay as serverless.yml had them"));
    }

    @Test
    void theStopLineSaysHowLongInWords() {
        assertThat(LambdaService.describe(LambdaService.IDLE_LIMIT)).isEqualTo("10 minutes");
        assertThat(LambdaService.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(LambdaService.describe(Duration.ofSeconds(90))).isEqualTo("90000 ms");
    }

    /** Only idle time counts: an invocation longer than the limit keeps its environment. */
    @Test
    void aBusyEnvironmentIsNotStoppedHoweverLongItsInvocationTakes() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<InvocationReport> reports = new CopyOnWriteArrayList<>();
        byte[] slowerThanTheLimit = SLOW_EVENT_TEMPLATE.replace("SLEEP", "4000").getBytes(StandardCharsets.UTF_8);
        List<String> log = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                log::add, FunctionJvms.onThisMachine(), Duration.ofSeconds(3))) {
            lambda.addListener(reports::add);
            assertThat(invoke(lambda, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(invoke(lambda, slowerThanTheLimit).status()).isEqualTo(InvocationResult.Status.SUCCESS);
            assertThat(invoke(lambda, FAST_EVENT).status()).isEqualTo(InvocationResult.Status.SUCCESS);
        }
        assertThat(reports).extracting(InvocationReport::environmentNumber).containsExactly(1, 1, 1);
        assertThat(log).noneSatisfy(line -> assertThat(line).contains("Stopped after"));
    }

    /** A JVM that stops before the runtime's main method ran none of the function's code: its log says so, not "fix your code". */
    @Test
    void aJvmThatCannotStartIsTheLocalCloudsFaultNotTheFunctions() throws Exception {
        ServerlessConfig config = fixtureStage();
        List<String> log = new CopyOnWriteArrayList<>();
        EnvironmentCustomizer badOption = (function, spec) -> spec.jvmArguments().add("-XX:+NoSuchOptionInAnyJvm");
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                List.of(badOption), 1, log::add)) {
            assertThat(invoke(lambda).status()).isEqualTo(InvocationResult.Status.INIT_ERROR);
        }

        assertThat(log).anySatisfy(line -> assertThat(line).contains("INIT failed: the local cloud could not start the"
                + " environment's JVM (\"Unrecognized VM option 'NoSuchOptionInAnyJvm'").endsWith("not the function's code"));
    }

    /** The fixture stage's serverless.yml, loaded as the local cloud does. */
    private ServerlessConfig fixtureStage() throws Exception {
        return ServerlessConfigLoader.load(FixtureStage.create(stageDirectory).resolve("serverless.yml"),
                new LoadOptions(Map.of(), null, null));
    }

    private static InvocationResult invoke(LambdaService lambda) {
        return invoke(lambda, SLOW_EVENT);
    }

    private static InvocationResult invoke(LambdaService lambda, byte[] event) {
        try {
            return lambda.invoke("echo", event);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("still not so after %s", atMost).isNegative();
            Thread.sleep(100);
        }
    }
}
