package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.localcloud.FixtureStage;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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

    @Test
    void aJdkThatWarnsMoreStandingInForAnOlderRuntimeIsToldToBehaveAsItsJdk() {
        InstalledJdks none = new InstalledJdks(Map.of(), directory, List.of());
        Path javaHome = Path.of(System.getProperty("java.home"));

        assertThat(new FunctionJvms(none, javaHome, 25).choose("java21").jvmOptions())
                .containsExactly("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
        assertThat(new FunctionJvms(none, javaHome, 24).choose("java17").jvmOptions()).hasSize(2);
        assertThat(new FunctionJvms(none, javaHome, 25).choose("java25").jvmOptions()).isEmpty(); // its own runtime
        assertThat(new FunctionJvms(none, javaHome, 21).choose("java17").jvmOptions()).isEmpty(); // 21 warns no more than 17
        assertThat(new FunctionJvms(none, javaHome, 17).choose("java21").jvmOptions()).isEmpty(); // and 17 knows no such option
    }

    /**
     * On a real JDK 24 or later, if this machine has one: a java21 function that does what Netty does
     * at a cold start prints nothing more than on JDK 21, while a java25 one gets the JDK's warnings
     * (which shows that the probe does trigger them here).
     */
    @Test
    void onARealJdkThatWarnsAJava21FunctionPrintsNoMoreThanOnJdk21() throws Exception {
        InstalledJdks onThisMachine = InstalledJdks.onThisMachine();
        Optional<Path> newer = IntStream.rangeClosed(FunctionJvms.FIRST_JDK_THAT_WARNS, 40).boxed()
                .sorted(Comparator.reverseOrder())
                .flatMap(major -> onThisMachine.find(major).stream()).findFirst();
        assumeTrue(newer.isPresent(), "no JDK 24 or later installed (JAVA_HOME_25, /usr/lib/jvm, ...): skipped");
        int major = InstalledJdks.majorVersion(newer.get()).getAsInt();
        InstalledJdks none = new InstalledJdks(Map.of(), directory, List.of());
        String event = "{\"callNative\": \"yes\", \"useUnsafe\": \"yes\"}";

        List<String> ownRuntime = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = lambdaService(major, new FunctionJvms(none, newer.get(), major), ownRuntime::add)) {
            assertThat(invoke(lambda, event).get("javaSpecificationVersion").asText()).isEqualTo(Integer.toString(major));
        }
        assertThat(ownRuntime).anyMatch(line -> line.contains("WARNING: A restricted method in java.lang.System has been called"))
                .anyMatch(line -> line.contains("WARNING: A terminally deprecated method in sun.misc.Unsafe has been called"));

        List<String> standingIn = new CopyOnWriteArrayList<>();
        try (LambdaService lambda = lambdaService(21, new FunctionJvms(none, newer.get(), major), standingIn::add)) {
            JsonNode probe = invoke(lambda, event);
            assertThat(probe.get("javaSpecificationVersion").asText()).isEqualTo(Integer.toString(major));
            assertThat(probe.get("callNative").asText()).isEqualTo("no such library");
            assertThat(probe.get("useUnsafe").asText()).startsWith("offset ");
        }
        assertThat(standingIn).anyMatch(line -> line.contains("REPORT RequestId"))
                .noneMatch(line -> line.contains("WARNING"));
    }

    private LambdaService lambdaService(InstalledJdks installed) throws Exception {
        FunctionJvms jvms = new FunctionJvms(installed, Path.of(System.getProperty("java.home")), Runtime.version().feature());
        return lambdaService(DECLARED, jvms, System.out::println);
    }

    private LambdaService lambdaService(int declared, FunctionJvms jvms, Consumer<String> log) throws Exception {
        Path stage = FixtureStage.create(Files.createDirectories(directory.resolve("stage-" + declared)));
        Path file = stage.resolve("serverless.yml");
        Files.writeString(file, Files.readString(file).replace("runtime: java17", "runtime: java" + declared));
        ServerlessConfig config = ServerlessConfigLoader.load(file, new LoadOptions(Map.of(), null, null));
        return new LambdaService(config, new FunctionCredentials(config.functions()), List.of(), 1, log, jvms, LambdaService.IDLE_LIMIT);
    }

    private static String launchedBy(LambdaService lambda) throws Exception {
        return invoke(lambda, "{}").get("launchedBy").asText();
    }

    private static JsonNode invoke(LambdaService lambda, String event) throws Exception {
        InvocationResult result = lambda.invoke("probe", event.getBytes(StandardCharsets.UTF_8));
        assertThat(result.status()).isEqualTo(InvocationResult.Status.SUCCESS);
        return new ObjectMapper().readTree(result.payload());
    }
}
