package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The environments run on a JDK of the version serverless.yml's runtime declares, when there is one. */
@Timeout(60)
@DisabledOnOs(OS.WINDOWS) // FakeJdk is a shell script
class DeclaredRuntimeJdkTest {

    /** Another version than the one running this test, so that the lookup is needed. */
    private static final int DECLARED = Runtime.version().feature() == 21 ? 25 : 21;

    @TempDir
    Path directory;

    @Test
    void environmentsRunOnTheInstalledJdkOfTheDeclaredRuntime() throws Exception {
        Path jvms = directory.resolve("jvm");
        FakeJdk.create(jvms.resolve("fake-jdk-" + DECLARED), DECLARED + ".0.1");

        try (LambdaService lambda = lambdaService(new InstalledJdks(Map.of(), directory, List.of(jvms)))) {
            assertThat(lambda.runtimeNotes()).isEmpty();
            assertThat(launchedBy(lambda)).isEqualTo("fake-jdk-" + DECLARED);
        }
    }

    @Test
    void withoutItTheyRunOnTheCurrentJdkAndTheNoteSaysSo() throws Exception {
        try (LambdaService lambda = lambdaService(new InstalledJdks(Map.of(), directory, List.of()))) {
            int current = Runtime.version().feature();
            assertThat(lambda.runtimeNotes()).containsExactly("serverless.yml declares java" + DECLARED + "; no JDK " + DECLARED
                    + " found, the functions run on JDK " + current + " (set JAVA_HOME_" + DECLARED + " to a JDK " + DECLARED + ")");
            assertThat(launchedBy(lambda)).isEqualTo("null");
        }
    }

    private LambdaService lambdaService(InstalledJdks installed) throws Exception {
        Path stage = FixtureStage.create(Files.createDirectories(directory.resolve("stage")));
        Path file = stage.resolve("serverless.yml");
        Files.writeString(file, Files.readString(file).replace("runtime: java17", "runtime: java" + DECLARED));
        ServerlessConfig config = ServerlessConfigLoader.load(file, new LoadOptions(Map.of(), null, null));
        FunctionJvms jvms = new FunctionJvms(installed, Path.of(System.getProperty("java.home")), Runtime.version().feature());
        return new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1,
                System.out::println, jvms);
    }

    private static String launchedBy(LambdaService lambda) throws Exception {
        InvocationResult result = lambda.invoke("probe", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(result.status()).isEqualTo(InvocationResult.Status.SUCCESS);
        return new ObjectMapper().readTree(result.payload()).get("launchedBy").asText();
    }
}
