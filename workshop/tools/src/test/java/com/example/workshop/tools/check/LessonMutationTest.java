package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.workshop.tools.Mutation;
import com.example.workshop.tools.SourceCopy;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lesson's check can fail: a step's solution with one lesson's code taken out ({@link Mutation}),
 * its build run by real Maven, and the results read by the real {@link StepCheck}, which must mark
 * that lesson ✘ because one of the lesson's own tests fails (not because the code no longer
 * compiles).
 *
 * <p>This is the build-time replacement of {@code AttendeeSimulationTest}'s lesson-removed check
 * for steps 3 and 4 (by default: {@code -Dlesson.mutations=all} or a list such as {@code =3,5}):
 * that one ran a whole {@code check} (every test of the step, the jar, a local cloud and its cold
 * starts, the probes) to show what this shows with one Maven run of the lesson's tests, a sixth of
 * the processor time. What it leaves out is proven elsewhere: that the solution's code passes every
 * test and probe ({@code AttendeeSimulationTest}, the "perfect attendee" check of every step), that
 * the checklist prints a lesson with a failing test as ✘ and the rest as before ({@link StepCheckTest}),
 * and that the mutation still applies to its solution and names a lesson of its step
 * ({@code MutationTest}). The whole lesson-removed check still runs with
 * {@code -Dsimulate.mutations=...} (see {@code AttendeeSimulationTest}), before a release.
 *
 * <p>The probes are not run here (no local cloud starts): a probed lesson is ✘ here for its failing
 * test, which this test requires, whatever its probe would say.
 */
class LessonMutationTest {
    static final Path ROOT = Path.of(System.getProperty("workshop.root", "../..")).toAbsolutePath().normalize();
    /** Steps whose lesson has no test of its own (step 2's lesson is an IAM statement): only a probe can fail it. */
    static final List<Integer> PROBED_ONLY = List.of(2);

    @TempDir
    static Path copies;
    private static ExecutorService builds;
    private static final Map<Integer, CompletableFuture<TestRun.Result>> RESULTS = new ConcurrentHashMap<>();

    static Stream<Mutation> mutations() {
        String wanted = System.getProperty("lesson.mutations", "3,4").strip();
        return Mutation.ALL.stream()
                .filter(mutation -> !PROBED_ONLY.contains(mutation.step()))
                .filter(mutation -> wanted.equals("all") || Arrays.asList(wanted.split("\\s*,\\s*")).contains(String.valueOf(mutation.step())));
    }

    /** The Maven runs, two at a time (each mostly one thread: compiling, one test JVM). */
    @BeforeAll
    static void buildTheMutatedSolutions() {
        builds = Executors.newFixedThreadPool(2);
        mutations().forEach(mutation -> RESULTS.put(mutation.step(), CompletableFuture.supplyAsync(() -> {
            try {
                return runTheLessonsTests(mutation);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, builds)));
    }

    @AfterAll
    static void stop() {
        if (builds != null) {
            builds.shutdownNow();
        }
    }

    @ParameterizedTest(name = "step {0}")
    @MethodSource("mutations")
    void withoutTheLessonsCodeItsTestsFailAndTheCheckMarksIt(Mutation mutation) throws Exception {
        StepLessons whole = Curriculum.step(mutation.step()).orElseThrow();
        Lesson lesson = whole.lessons().stream().filter(one -> one.title().equals(mutation.lesson())).findFirst().orElseThrow();
        // The checklist of this one lesson: only its tests ran, so the other lessons' would be missing.
        StepLessons step = new StepLessons(whole.number(), whole.title(), whole.guide(), List.of(lesson));
        TestRun.Result build = RESULTS.get(mutation.step()).join();
        Path copy = copies.resolve("step-" + mutation.step());

        StringWriter printed = new StringWriter();
        List<LessonResult> results = new StepCheck(copy, new PrintWriter(printed, true), () -> build, log -> {
            throw new IOException("no local cloud in this test");
        }).run(step);
        Checklist.plain().print(step, results, new PrintWriter(printed, true));
        System.out.println("step " + mutation.step() + " without '" + mutation.lesson() + "':\n" + printed);

        assertThat(build.outcome()).as("the mutation must change behavior, not break the build:\n%s", printed)
                .isEqualTo(TestRun.Outcome.TESTS_RAN);
        LessonResult mutated = results.stream().filter(result -> result.lesson().equals(lesson)).findFirst().orElseThrow();
        assertThat(mutated.problems()).as("%s", printed)
                .anySatisfy(problem -> assertThat(lesson.tests()).anySatisfy(test -> assertThat(problem)
                        .startsWith(test.contains(".") ? test : test + ".").contains(" fails: ")));
        assertThat(printed.toString()).contains("✘ " + mutation.lesson());
    }

    /** The solution copied, the lesson's code taken out, and only the lesson's tests run (failures do not stop Maven). */
    private static TestRun.Result runTheLessonsTests(Mutation mutation) throws IOException, InterruptedException {
        Path solution;
        try (Stream<Path> stages = Files.list(ROOT.resolve("solutions"))) {
            solution = stages.filter(dir -> dir.getFileName().toString().startsWith("step-" + mutation.step() + "-")).findFirst()
                    .orElseThrow();
        }
        Path copy = copies.resolve("step-" + mutation.step());
        for (String entry : List.of("pom.xml", "serverless.yml", "src")) {
            SourceCopy.withoutBuildOutput(solution.resolve(entry), copy.resolve(entry));
        }
        for (String entry : List.of("mvnw", "mvnw.cmd", ".mvn")) { // the repository's Maven settings, as in a clone
            SourceCopy.withoutBuildOutput(ROOT.resolve(entry), copy.resolve(entry));
        }
        copy.resolve("mvnw").toFile().setExecutable(true);
        mutation.apply(copy);

        Lesson lesson = Curriculum.step(mutation.step()).orElseThrow().lessons().stream()
                .filter(one -> one.title().equals(mutation.lesson())).findFirst().orElseThrow();
        String tests = String.join(",", lesson.tests().stream().map(test -> test.replace('.', '#')).toList());
        Path log = copy.resolve("target/lesson-mutation/maven.log");
        Maven.Output output = Maven.run(copy, List.of("-q", "-f", copy.resolve("pom.xml").toString(), "test",
                "-Dmaven.test.failure.ignore=true", "-Dtest=" + tests, "-Dsurefire.failIfNoSpecifiedTests=false"),
                Maven::quickBuild, log, false);
        if (output.exitCode() != 0) {
            return new TestRun.Result(TestRun.Outcome.BUILD_FAILED, new TestResults(List.of()), output.lines());
        }
        return new TestRun.Result(TestRun.Outcome.TESTS_RAN, TestResults.read(copy.resolve("target/surefire-reports")), List.of());
    }
}
