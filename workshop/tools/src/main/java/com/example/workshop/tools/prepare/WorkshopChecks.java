package com.example.workshop.tools.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workshop needs from Maven, as the checks that show it works: everything an attendee
 * or instructor runs, each kind once.
 *
 * <p>Stages with the same pom.xml need the same downloads (today steps 2 to 7 share one, and the
 * working copy starts with step 1's), so the local cloud starts the working copy, the last stage,
 * and the last stage of any other pom.xml (each start builds its stage, tests compiled, not run).
 * The first stage's tests, the fewest, stand for every stage's: the test dependencies and the
 * Surefire provider are the same in each pom.xml. The load test needs
 * nothing more than the workshop's own build (its module and the local cloud) and the start command's
 * exec plugin, so it is not run.
 */
public final class WorkshopChecks {
    /**
     * One quick test of the workshop's own build: Surefire downloads its JUnit provider only when
     * a test runs. The check fails, saying so, if the test is renamed (no "Tests run:").
     */
    static final String QUICK_WORKSHOP_TEST = "TestResultsTest";

    private WorkshopChecks() {
    }

    /** The checks for the repository at {@code root}, whose stages are {@code stages} in step order. */
    public static List<ReadinessCheck> of(Path root, List<Path> stages) throws IOException {
        Path logs = root.resolve("target/workshop-prepare");
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(new WrapperCheck(root, logs.resolve("maven-wrapper.log")));
        checks.add(new MavenCheck(root, "the stage tools (start, check, use, diff)",
                List.of("-q", "-f", "workshop/tools", "compile", "exec:java", "-Dexec.args=list"),
                root.relativize(stages.get(0)).getFileName().toString(), logs.resolve("stage-tools.log")));
        checks.add(new MavenCheck(root, "the workshop's own build and tests (local cloud, load test, tools)",
                List.of("-f", "workshop", "verify", "-Dtest=" + QUICK_WORKSHOP_TEST, "-Dsurefire.failIfNoSpecifiedTests=false",
                        "-Dinvoker.test=none"),
                "Tests run:", logs.resolve("workshop-build.log")));
        String first = root.relativize(stages.get(0)).toString().replace('\\', '/');
        checks.add(new MavenCheck(root, first + ": its build and all its tests (as check runs them)",
                List.of("-f", first, "package"), "Tests run:", logs.resolve("stage-tests.log")));
        checks.add(new StartCheck(root, root, logs.resolve("local-cloud-working-copy.log")));
        for (Path stage : stagesToStart(root, stages)) {
            checks.add(new StartCheck(root, stage, logs.resolve("local-cloud-" + stage.getFileName() + ".log")));
        }
        return checks;
    }

    /** The last stage of each pom.xml that the working copy does not have, and the last stage always. */
    static List<Path> stagesToStart(Path root, List<Path> stages) throws IOException {
        Map<String, Path> lastByPom = new LinkedHashMap<>();
        for (Path stage : stages) {
            String pom = Files.readString(stage.resolve("pom.xml"));
            lastByPom.remove(pom); // keep the insertion order of the last stage with this pom
            lastByPom.put(pom, stage);
        }
        String workingCopyPom = Files.readString(root.resolve("pom.xml"));
        Path lastStage = stages.get(stages.size() - 1);
        List<Path> starts = new ArrayList<>();
        lastByPom.forEach((pom, stage) -> {
            if (!pom.equals(workingCopyPom) || stage.equals(lastStage)) {
                starts.add(stage);
            }
        });
        return starts;
    }
}
