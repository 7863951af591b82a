package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem a function sees, as on AWS: its code unpacked in a read-only task root that is
 * the working directory and {@code LAMBDA_TASK_ROOT}, shared by the environments; a fresh private
 * {@code /tmp} per environment, kept across its warm starts and deleted when it ends; the code
 * loaded with a class loader of its own.
 */
@Timeout(60)
class EnvironmentFilesystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stageDirectory;

    @Test
    void codeRunsFromAReadOnlyTaskRootAndEachEnvironmentHasItsOwnTmp() throws Exception {
        ServerlessConfig config = ServerlessConfigLoader.load(FixtureStage.create(stageDirectory).resolve("serverless.yml"),
                new LoadOptions(Map.of(), null, null));
        JsonNode first;
        JsonNode second;
        JsonNode firstAgain;
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                List.of(), 2, System.out::println)) {
            CompletableFuture<InvocationResult> one = CompletableFuture.supplyAsync(() -> invoke(lambda, "{\"sleepMs\": \"300\"}"));
            CompletableFuture<InvocationResult> two = CompletableFuture.supplyAsync(() -> invoke(lambda, "{\"sleepMs\": \"300\"}"));
            List<InvocationResult> results = List.of(one.get(), two.get());
            assertThat(results).extracting(result -> result.report().environmentNumber()).containsExactlyInAnyOrder(1, 2);
            first = probe(results.get(0));
            second = probe(results.get(1));
            firstAgain = probe(invoke(lambda, "{}"));

            Path taskRoot = Path.of(first.get("taskRoot").asText());
            assertThat(first.get("userDir").asText()).as("the working directory").isEqualTo(taskRoot.toString());
            assertThat(taskRoot.startsWith(stageDirectory)).as("outside the stage directory").isFalse();
            assertThat(second.get("taskRoot").asText()).as("shared by the environments").isEqualTo(taskRoot.toString());
            Path handlerClass = taskRoot.resolve("com/example/localcloud/fixtures/EnvironmentProbeHandler.class");
            assertThat(handlerClass).isRegularFile();
            assertThat(Path.of(java.net.URI.create(first.get("handlerLoadedFrom").asText()))).as("the unpacked classes, not the jar")
                    .isEqualTo(taskRoot);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(handlerClass))).isEqualTo("r--r--r--");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(handlerClass.getParent()))).isEqualTo("r-xr-xr-x");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(taskRoot))).isEqualTo("r-xr-xr-x");
            } else {
                assertThat(handlerClass.toFile().canWrite()).isFalse();
            }
            assertThat(TaskRoots.of(config.functions().get(0).artifact())).as("unpacked once per version").isEqualTo(taskRoot);
            assertCodeIsLoadedAsLambdaLoadsIt(first);
        }

        for (JsonNode probe : List.of(first, second)) {
            assertThat(probe.get("javaIoTmpdir").asText()).isEqualTo(probe.get("tmpdirVariable").asText());
            assertThat(probe.get("tmpFilesBefore").asText()).as("a fresh /tmp").isEmpty();
            assertThat(probe.has("tmpError")).isFalse();
            assertThat(Path.of(probe.get("javaIoTmpdir").asText())).as("deleted with the environment").doesNotExist();
        }
        assertThat(first.get("javaIoTmpdir").asText()).isNotEqualTo(second.get("javaIoTmpdir").asText());
        JsonNode sameEnvironment = firstAgain.get("javaIoTmpdir").equals(first.get("javaIoTmpdir")) ? first : second;
        assertThat(firstAgain.get("javaIoTmpdir")).isEqualTo(sameEnvironment.get("javaIoTmpdir"));
        assertThat(firstAgain.get("tmpFilesBefore").asText()).as("/tmp is kept across warm starts").startsWith("probe-");
    }

    /**
     * As on Lambda, whose image has the en_US.UTF-8 locale, whatever locales this machine has: a JVM
     * that reads file names as ASCII cannot load the runtime from a clone under ".../Zoë/...".
     */
    @Test
    void theEnvironmentReadsFileNamesAsUtf8InLambdasLocale() throws Exception {
        ServerlessConfig config = ServerlessConfigLoader.load(FixtureStage.create(stageDirectory).resolve("serverless.yml"),
                new LoadOptions(Map.of(), null, null));
        try (LambdaService lambda = new LambdaService(config, new FunctionCredentials(config.functions()),
                List.of(), 1, System.out::println)) {
            JsonNode probe = probe(invoke(lambda, "{}"));

            if (!System.getProperty("os.name").startsWith("Windows")) {
                assertThat(probe.get("fileNameEncoding").asText()).isEqualTo("UTF-8");
            }
            assertThat(probe.get("locale").asText()).isEqualTo("en_US");
        }
    }

    @Test
    void aRebuiltArtifactIsUnpackedAgain() throws Exception {
        Path artifact = FixtureStage.create(stageDirectory).resolve("target/fixtures.jar");
        Path before = TaskRoots.of(artifact);

        Files.setLastModifiedTime(artifact, FileTime.fromMillis(Files.getLastModifiedTime(artifact).toMillis() + 2_000));
        Path after = TaskRoots.of(artifact);

        assertThat(after).isNotEqualTo(before);
        assertThat(TaskRoots.of(artifact)).isEqualTo(after);
        assertThat(before).as("environments still running the old code keep it").isDirectory();
    }

    /**
     * As Lambda's Java runtime does it (AwsRuntimeInterfaceClientTest checks the same with Amazon's
     * own): the function's code has a class loader of its own, which is the main thread's context
     * class loader and a new thread's, but not a common-pool thread's.
     */
    static void assertCodeIsLoadedAsLambdaLoadsIt(JsonNode probe) {
        assertThat(probe.get("handlerLoadedBySystemClassLoader").asText()).isEqualTo("false");
        assertThat(probe.get("contextClassLoaderSeesHandler").asText()).as("the main thread's context class loader").isEqualTo("true");
        assertThat(probe.get("newThreadSeesHandler").asText()).as("a new thread's context class loader").isEqualTo("true");
        assertThat(probe.get("commonPoolSeesHandler").asText()).as("a common-pool thread's context class loader").isEqualTo("false");
    }

    private static JsonNode probe(InvocationResult result) throws Exception {
        assertThat(result.status()).isEqualTo(InvocationResult.Status.SUCCESS);
        return JSON.readTree(result.payload());
    }

    private static InvocationResult invoke(LambdaService lambda, String event) {
        try {
            return lambda.invoke("probe", event.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
