package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LeastPrivilegeCheck} for every stage: here for the stages no other test class starts,
 * and in the class that starts a stage anyway for the others (each start of a stage costs CI
 * about 20 s). {@link #everyStageIsChecked} makes sure none is left out.
 */
@Timeout(300)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_5)
class StageSecurityTest {

    /** Stages whose end-to-end test class runs the check on its own cloud. */
    static final Map<String, Class<?>> CHECKED_ELSEWHERE = Map.of(
            StageClouds.STEP_1, DynamoDbFaultsEndToEndTest.class,
            StageClouds.STEP_2, Step2EndToEndTest.class,
            StageClouds.STEP_3, Step3EndToEndTest.class,
            StageClouds.STEP_4, CacheFaultsEndToEndTest.class,
            StageClouds.STEP_6, Step6EndToEndTest.class,
            StageClouds.STEP_7, Step7EndToEndTest.class);

    static Stream<String> allStages() throws IOException {
        try (Stream<Path> dirs = Files.list(StageClouds.SOLUTIONS)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("serverless.yml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Stream<String> stages() throws IOException {
        return allStages().filter(stage -> !CHECKED_ELSEWHERE.containsKey(stage));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void leastPrivilegeAndNoLeakedKey(String stage) throws Exception {
        try (StageClouds.Running running = StageClouds.start(stage)) {
            LeastPrivilegeCheck.verify(stage, running);
        }
    }

    @Test
    void everyStageIsChecked() throws Exception {
        TreeSet<String> checked = new TreeSet<>(stages().toList());
        checked.addAll(CHECKED_ELSEWHERE.keySet());
        assertThat(checked).as("stages with a least-privilege check").containsExactlyElementsOf(allStages().toList());
        for (Class<?> elsewhere : CHECKED_ELSEWHERE.values()) {
            assertThat(List.of(elsewhere.getDeclaredMethods())).as("%s runs the check", elsewhere.getSimpleName())
                    .anyMatch(method -> method.getName().equals("leastPrivilegeAndNoLeakedKey"));
        }
    }
}
