package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.example.localcloud.FixtureStage;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amazon's own runtime interface client (the one in Lambda's Java base images) runs in a local
 * environment: the Runtime API is AWS's, and nothing waits for signals only the local bootstrap
 * sends. Linux only: the client's native HTTP library in the jar is for Linux.
 */
@Timeout(60)
@EnabledOnOs(OS.LINUX)
class AwsRuntimeInterfaceClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stageDirectory;

    @Test
    void invocationsEndWhenTheResultArrivesAndReportRealMemory() throws Exception {
        ServerlessConfig config = ServerlessConfigLoader.load(FixtureStage.create(stageDirectory).resolve("serverless.yml"),
                new LoadOptions(Map.of(), null, null));
        List<String> log = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                List.of(new AmazonsRuntimeClient()), 1, line -> {
                    System.out.println(line);
                    log.add(line);
                })) {
            List<Long> wallMillis = new ArrayList<>();
            List<InvocationResult> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] event = ("{\"print\": \"line " + i + " from the handler\"}").getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                results.add(lambda.invoke("probe", event));
                wallMillis.add((System.nanoTime() - start) / 1_000_000);
            }

            assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(InvocationResult.Status.SUCCESS));
            JsonNode probe = JSON.readTree(results.get(1).payload());
            assertThat(probe.get("awsRequestId").asText()).isEqualTo(results.get(1).report().requestId());
            EnvironmentFilesystemTest.assertCodeIsLoadedAsLambdaLoadsIt(probe); // what the local bootstrap does too
            // The local cloud's own share of each warm invocation (a 1 s wait for the end of the output was once there);
            // the handler's Duration is left out, as a loaded machine may stretch it.
            for (int i = 1; i < 4; i++) {
                assertThat(wallMillis.get(i) - results.get(i).report().durationMs())
                        .as("warm invocation %d: wall %d ms, of which the handler's Duration %s ms", i, wallMillis.get(i),
                                results.get(i).report().durationMs())
                        .isLessThan(300);
            }
            assertThat(results).allSatisfy(result ->
                    assertThat(result.report().maxMemoryUsedMb()).as("Max Memory Used, MB").isGreaterThan(10));
            // the handler's line still comes before its REPORT line, without any marker from the runtime
            String report = "[probe#1] " + results.get(2).report().toLogLine();
            assertThat(log).contains("[probe#1] line 2 from the handler", report);
            assertThat(log.indexOf("[probe#1] line 2 from the handler")).isLessThan(log.indexOf(report));
            LambdaServiceTest.assertInitComesBeforeStartAndTheHandlerAfter(log, results.get(0).report().requestId());
        }
    }

    /**
     * Amazon's event serializer loads {@code org.joda.time.DateTime} from the function's code for
     * API Gateway's events too: with a jar that leaves joda-time out, Init passes and every
     * invocation fails, with Amazon's runtime client, and so in the local cloud (which loads the
     * function's code and makes the serializer when Amazon's client does).
     */
    @Test
    void aJarWithoutJodaTimeFailsEachInvocationOfAnApiGatewayHandlerWithAmazonsRuntimeAndOurs() throws Exception {
        ServerlessConfig config = ServerlessConfigLoader.load(FixtureStage.createWithLibraries(stageDirectory,
                APIGatewayProxyRequestEvent.class).resolve("serverless.yml"), new LoadOptions(Map.of(), null, null));
        Map<String, List<EnvironmentCustomizer>> runtimes = Map.of("Amazon's runtime client",
                List.of(new AmazonsRuntimeClient()), "the local bootstrap", List.of());
        for (Map.Entry<String, List<EnvironmentCustomizer>> runtime : runtimes.entrySet()) {
            try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                    runtime.getValue(), 1, System.out::println)) {
                for (int invocation = 1; invocation <= 2; invocation++) {
                    InvocationResult result = lambda.invoke("echo", "{}".getBytes(StandardCharsets.UTF_8));

                    assertThat(result.status()).as(runtime.getKey() + ", invocation " + invocation)
                            .isEqualTo(InvocationResult.Status.FUNCTION_ERROR);
                    assertThat(new String(result.payload(), StandardCharsets.UTF_8)).as(runtime.getKey())
                            .contains("ClassNotFoundException", "org.joda.time.DateTime");
                    assertThat(result.report().environmentNumber()).as("the environment stays").isEqualTo(1);
                }
            }
        }
    }
}
