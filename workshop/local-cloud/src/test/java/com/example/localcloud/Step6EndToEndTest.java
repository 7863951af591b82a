package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.iam.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Step 6 (stream cacher) in the local cloud: the function reads the table's stream with its own role.
 * That a change made directly in DynamoDB reaches the cache is probed by the stage tools' check (on the
 * attendee's code and, in AttendeeSimulationTest, on this stage).
 */
@Timeout(240)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_6)
class Step6EndToEndTest {
    private static final long DEADLINE_SECONDS = 30;

    private static StageClouds.Running step6;

    @BeforeAll
    static void start() {
        step6 = StageClouds.start(StageClouds.STEP_6);
    }

    @AfterAll
    static void stop() {
        if (step6 != null) {
            step6.close();
        }
    }

    @Test
    void theStreamIsReadWithTheFunctionsRole() throws Exception {
        String carol = step6.api().createUser("carol");
        await(() -> step6.cloud().iamDecisions(), decisions -> decisions.stream()
                .anyMatch(decision -> decision.action().equals("dynamodb:GetRecords") && decision.principalArn() != null
                        && decision.principalArn().contains("streamCacher")));

        assertThat(step6.cloud().iamDecisions())
                .filteredOn(decision -> decision.action().startsWith("dynamodb:") && decision.principalArn() != null
                        && decision.principalArn().contains("streamCacher"))
                .isNotEmpty()
                .allMatch(Decision::isAllowed)
                .extracting(Decision::action)
                .containsOnly("dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords");
        assertThat(carol).isNotBlank();
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.call();
        }
        return value;
    }

    /** As Lambda refuses the event source mapping at deploy time: the start-up names serverless.yml and the fix. */
    @Test
    void aTableWithoutItsStreamIsRefusedAtStartNamingServerlessYml(@TempDir Path copy) throws Exception {
        step6With(copy, yaml -> yaml.replaceAll("(?m)^ *StreamSpecification:\\R *StreamViewType: NEW_AND_OLD_IMAGES\\R", ""));
        assertThat(Files.readString(copy.resolve("serverless.yml"))).doesNotContain("StreamSpecification");

        assertThatThrownBy(() -> StageClouds.start(copy, false).close())
                .hasMessageContaining("Cannot subscribe functions.streamCacher to its stream (serverless.yml")
                .hasMessageContaining("add StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}");
    }

    /** DynamoDB Local takes any text there, and the function's events then failed to deserialize. */
    @Test
    void aMisspeltStreamViewTypeIsRefusedAtStartNamingServerlessYml(@TempDir Path copy) throws Exception {
        step6With(copy, yaml -> yaml.replace("StreamViewType: NEW_AND_OLD_IMAGES", "StreamViewType: NEW_AND_OLD_IMAGE"));

        assertThatThrownBy(() -> StageClouds.start(copy, false).close())
                .hasMessageContaining("serverless.yml: resources.Resources.AccountsTable.Properties.StreamSpecification"
                        + ".StreamViewType is 'NEW_AND_OLD_IMAGE', which is not one of");
    }

    /** Step 6's finished jar in {@code copy}, with its serverless.yml changed by {@code edit}. */
    private static void step6With(Path copy, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path stage = StageClouds.SOLUTIONS.resolve(StageClouds.STEP_6);
        Files.createDirectories(copy.resolve("target"));
        Files.copy(stage.resolve("target/accounts-service.jar"), copy.resolve("target/accounts-service.jar"));
        String yaml = Files.readString(stage.resolve("serverless.yml"));
        String edited = edit.apply(yaml);
        assertThat(edited).as("the edit applies").isNotEqualTo(yaml);
        Files.writeString(copy.resolve("serverless.yml"), edited);
    }

    /** Least privilege and no leaked key on this stage's cloud (see {@link LeastPrivilegeCheck}). */
    @Test
    void leastPrivilegeAndNoLeakedKey() throws Exception {
        LeastPrivilegeCheck.verify(StageClouds.STEP_6, step6);
    }
}
