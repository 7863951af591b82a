package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local Lambda without API Gateway: events go straight to {@link LambdaService#invoke}. */
@Timeout(60)
class LambdaServiceTest {

    private static final byte[] SLOW_EVENT = """
            {"httpMethod": "GET", "path": "/slow", "queryStringParameters": {"sleepMs": "700"},
             "requestContext": {"stage": "dev", "identity": {"sourceIp": "127.0.0.1"}}}
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path stageDirectory;

    @Test
    void atTheEnvironmentLimitEventsWaitForTheBusyEnvironment() throws Exception {
        ServerlessConfig config = ServerlessConfigLoader.load(
                FixtureStage.create(stageDirectory).resolve("serverless.yml"),
                new LoadOptions(Map.of(), null, null));
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

    /** A JVM that stops before the runtime's main method ran none of the function's code: its log says so, not "fix your code". */
    @Test
    void aJvmThatCannotStartIsTheLocalCloudsFaultNotTheFunctions() throws Exception {
        ServerlessConfig config = ServerlessConfigLoader.load(
                FixtureStage.create(stageDirectory).resolve("serverless.yml"),
                new LoadOptions(Map.of(), null, null));
        List<String> log = new CopyOnWriteArrayList<>();
        EnvironmentCustomizer badOption = (function, spec) -> spec.jvmArguments().add("-XX:+NoSuchOptionInAnyJvm");
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                List.of(badOption), 1, log::add)) {
            assertThat(invoke(lambda).status()).isEqualTo(InvocationResult.Status.INIT_ERROR);
        }

        assertThat(log).anySatisfy(line -> assertThat(line).contains("INIT failed: the local cloud could not start the"
                + " environment's JVM (\"Unrecognized VM option 'NoSuchOptionInAnyJvm'").endsWith("not the function's code"));
    }

    private static InvocationResult invoke(LambdaService lambda) {
        try {
            return lambda.invoke("echo", SLOW_EVENT);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
