package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.lambda.InvocationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code -Dwatch=true}: an attendee edits a stage's code while the local cloud runs; the new code
 * answers the next requests from new execution environments, and a build that fails leaves the
 * previous code serving. An edit of serverless.yml redeploys (a broken one keeps the previous
 * deployment). Prints the time from each edit to the first answer of the new code.
 */
@Timeout(300)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock("reload-on-edit")
class ReloadOnEditEndToEndTest {
    /** Under the repository, so the stage's build finds the Maven Wrapper above it. */
    static final Path COPY = Path.of("target/reload-on-edit/step-1").toAbsolutePath();

    @Test
    void anEditIsServedByNewEnvironmentsAndAFailedBuildKeepsThePreviousCode() throws Exception {
        copyStage(StageClouds.SOLUTIONS.resolve(StageClouds.STEP_1), COPY);
        Queue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalCloud cloud = LocalCloud.builder(COPY).port(0).watch(true)
                .loadOptions(new LoadOptions(Map.of(), null, null)).log(log::add).start()) {
            AccountsApi api = new AccountsApi(cloud.baseUri());
            assertThat(api.get("/users/nobody").error()).isEqualTo("User nobody does not exist.");

            Path errors = COPY.resolve("src/main/java/com/example/accounts/errors/NotFoundException.java");
            Files.writeString(errors, Files.readString(errors).replace("\" does not exist.\"", "\" is not here.\""));
            long edited = System.nanoTime();
            awaitUpTo(120, () -> error(api).equals("User nobody is not here."));
            System.out.printf("Reload on edit: the new code answered %.1f s after the edit%n", (System.nanoTime() - edited) / 1e9);

            List<InvocationReport> getUser = cloud.reports().stream().filter(report -> report.functionName().equals("getUser")).toList();
            InvocationReport last = getUser.get(getUser.size() - 1);
            assertThat(last.initDurationMs()).as("the new code runs in a new environment: a cold start").isNotNull();
            assertThat(last.environmentNumber()).isGreaterThan(getUser.get(0).environmentNumber());
            assertThat(log).anyMatch(line -> line.startsWith("Rebuilt in "));

            Files.writeString(COPY.resolve("src/main/java/com/example/accounts/Broken.java"), "class Broken {\n");
            awaitUpTo(120, () -> log.stream().anyMatch(line -> line.startsWith("The build failed")));
            assertThat(api.get("/users/nobody").error()).as("the previous code keeps serving").isEqualTo("User nobody is not here.");
            Files.delete(COPY.resolve("src/main/java/com/example/accounts/Broken.java"));

            Path serverlessYml = COPY.resolve("serverless.yml");
            String deployed = Files.readString(serverlessYml);
            Files.writeString(serverlessYml, deployed.replace("!Ref AccountsTable", "!Ref AccountsTabel"));
            awaitUpTo(120, () -> log.stream().anyMatch(line -> line.contains("cannot be deployed")));
            assertThat(api.get("/users/nobody").error()).as("a broken serverless.yml: the previous deployment serves").isEqualTo("User nobody is not here.");

            // An IAM statement IAM cannot read is found before anything stops, as the other checks of serverless.yml are.
            Files.writeString(serverlessYml, deployed.replaceFirst("dynamodb:GetItem", "dynamodb GetItem"));
            awaitUpTo(120, () -> log.stream().filter(line -> line.contains("cannot be deployed")).count() == 2);
            assertThat(log).filteredOn(line -> line.contains("cannot be deployed")).last().asString()
                    .contains("dynamodb GetItem").endsWith("The previous deployment keeps serving.");
            assertThat(api.get("/users/nobody").error()).as("an IAM action written wrong: the previous deployment serves")
                    .isEqualTo("User nobody is not here.");

            Files.writeString(serverlessYml, deployed.replace("GET /users/{username}", "GET /people/{username}"));
            edited = System.nanoTime();
            awaitUpTo(180, () -> status(api, "/people/nobody") == 404);
            System.out.printf("Redeploy on edit of serverless.yml: the new route answered %.1f s after the edit%n",
                    (System.nanoTime() - edited) / 1e9);
            assertThat(api.get("/people/nobody").error()).isEqualTo("User nobody is not here.");
            assertThat(status(api, "/users/nobody")).as("the old route is gone, as after a deploy").isEqualTo(403);
            assertThat(log).anyMatch(line -> line.startsWith("Redeployed from serverless.yml"));
        }
    }

    private static int status(AccountsApi api, String path) {
        try {
            return api.get(path).status();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String error(AccountsApi api) {
        try {
            return api.get("/users/nobody").error();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void awaitUpTo(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %d s", seconds).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** The stage's sources (not its build output) into a fresh directory. */
    private static void copyStage(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (String entry : List.of("pom.xml", "serverless.yml", "src")) {
            try (Stream<Path> files = Files.walk(from.resolve(entry))) {
                for (Path source : files.toList()) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(source, target);
                    }
                }
            }
        }
    }
}
