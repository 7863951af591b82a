package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.StepLessons;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An attendee doing each step by hand, in a copy of the repository, driven through the stage
 * tools exactly as the guides tell them: the working copy at step N-1, {@code start step-N}, then
 * {@code check} before any edit (it must fail), with the solution's code (a perfect attendee: it
 * must pass), and with one lesson's code taken out again (it must fail and name that lesson).
 * The last is the mutation check of the checks.
 *
 * <p>The README's test command runs the first three for every step (the "perfect attendee" run is
 * also where steps 2-7 are built and tested), and the fourth for steps 3 and 4 (negative caching,
 * and a write-aside line: {@link #MUTATED_BY_DEFAULT}). Each mutation is one more full check, about
 * a minute on 2 cores, and all six do not fit the suite's time budget: run every step's with
 * {@code -Dsimulate.mutations=all} (or a list, {@code =2,5}) before a release. {@link MutationTest}
 * checks in every build that each mutation still applies to its solution. {@code -Dsimulate.steps=3,4}
 * runs only those steps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttendeeSimulationTest {
    /** The steps whose lesson-removed check the default build runs (see the class comment). */
    static final String MUTATED_BY_DEFAULT = "3,4";
    static final Path ROOT = Path.of(System.getProperty("workshop.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    static Path copy;
    static Git git;

    @BeforeAll
    static void copyTheRepository() throws IOException {
        for (String entry : List.of("pom.xml", "serverless.yml", "src", "solutions", "workshop", "mvnw", "mvnw.cmd", ".mvn",
                ".workshop-stage", ".gitignore")) {
            copyWithoutBuildOutput(ROOT.resolve(entry), copy.resolve(entry));
        }
        copy.resolve("mvnw").toFile().setExecutable(true);
        git = new Git(copy);
        git.run("init", "-q", "-b", "main");
        commit("a fresh clone");
    }

    static Stream<Mutation> steps() {
        return Mutation.ALL.stream().filter(mutation -> selected("simulate.steps", mutation.step(), "all"));
    }

    /** Whether the system property {@code name} ("all", "none" or a list such as "3,4") selects {@code step}. */
    static boolean selected(String name, int step, String byDefault) {
        String wanted = System.getProperty(name, byDefault).strip();
        return wanted.equals("all") || Arrays.asList(wanted.split("\\s*,\\s*")).contains(String.valueOf(step));
    }

    @Order(1)
    @ParameterizedTest(name = "step {0}")
    @MethodSource("steps")
    void anAttendeeDoesTheStepByHand(Mutation mutation) throws IOException {
        int step = mutation.step();
        StepLessons lessons = Curriculum.step(step).orElseThrow();
        Path solution = stage(step);
        assertThat(run("use", "step-" + (step - 1), "--force")).as(output).isZero();
        commit("step " + (step - 1) + " done");

        assertThat(run("start", "step-" + step)).as(output).isZero();
        int before = run("check");
        assertThat(before).as("check before any edit:\n%s", output).isEqualTo(1);
        assertThat(output).contains("✘");

        for (String entry : List.of("pom.xml", "serverless.yml", "src/main")) {
            Trees.replace(copy, solution, entry);
        }
        int perfect = run("check");
        assertThat(perfect).as("check with the solution's code:\n%s", output).isZero();
        assertThat(output).doesNotContain("✘");
        for (Lesson lesson : lessons.withRegressions()) {
            assertThat(output).contains("✔ " + lesson.title());
        }

        if (!selected("simulate.mutations", step, MUTATED_BY_DEFAULT)) {
            return;
        }
        mutation.apply(copy);
        int mutated = run("check");
        assertThat(mutated).as("check without '%s':\n%s", mutation.lesson(), output).isEqualTo(1);
        assertThat(output).as("the mutation must change behavior, not break the build").doesNotContain("does not compile");
        assertThat(output).contains("✘ " + mutation.lesson());
    }

    private static String output;

    private static int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Workshop.run(copy, new PrintWriter(out, true), new PrintWriter(err, true), args);
        output = out + err.toString();
        System.out.println("$ workshop " + String.join(" ", args) + "\n" + output);
        return code;
    }

    private static Path stage(int step) {
        return new Stages(copy).find("step-" + step).dir();
    }

    private static void commit(String message) {
        git.run("add", "-A");
        git.run("-c", "user.name=Attendee", "-c", "user.email=attendee@localhost", "commit", "-q", "--allow-empty", "-m", message);
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(path -> !from.relativize(path).toString().replace('\\', '/').matches("(.*/)?(target|results)(/.*)?"))
                    .toList()) {
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
