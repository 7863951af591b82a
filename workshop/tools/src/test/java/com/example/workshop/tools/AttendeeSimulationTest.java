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
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * also where steps 2-7 are built and tested), and the fourth for none ({@link #MUTATED_BY_DEFAULT}).
 * Each mutation is one more full check (every test of the step, the jar, a local cloud with its cold
 * starts, the probes), about a minute and a half of processor time on 2 cores, and they do not fit
 * the suite's time budget: run every step's with {@code -Dsimulate.mutations=all} (or a list,
 * {@code =2,5}) before a release. What the default build keeps of them: {@link MutationTest} checks
 * that each mutation still applies to its solution and names a lesson of its step, and
 * {@code check.LessonMutationTest} proves for steps 3 and 4 (negative caching, and a write-aside
 * line; the two this class mutated by default before) that the lesson's check fails: the mutated
 * solution's lesson tests fail under real Maven and the real {@code StepCheck} marks that lesson ✘,
 * without the local cloud this class would start. {@code -Dsimulate.steps=3,4} runs only those steps.
 *
 * <p>Two attendees work at once, each in a copy of their own, taking the next step from one list
 * (those with a lesson-removed check first): each step starts from {@code use step-(N-1)}, so it
 * needs nothing from the steps done before it in the same copy. One check alone leaves part of a
 * 2-core machine idle (one Maven at a time, its build mostly on one thread; the local cloud's start;
 * the waits of the probes), which the other attendee's check uses. On a machine busy with other
 * work there is little idle time to use, and two attendees take about as long as one.
 * {@code -Dsimulate.attendees=1} does every step in one copy, one after the other. Each command's
 * output is printed whole, with the attendee and the step.
 */
class AttendeeSimulationTest {
    /**
     * The steps whose lesson-removed check the default build runs: none, as check.LessonMutationTest
     * proves steps 3 and 4's more cheaply (see the class comment).
     */
    static final String MUTATED_BY_DEFAULT = "none";
    static final Path ROOT = Path.of(System.getProperty("workshop.root", "../..")).toAbsolutePath().normalize();
    /** How many attendees (copies of the repository) do the steps at the same time. */
    static final int ATTENDEES = Integer.getInteger("simulate.attendees", 2);

    @TempDir
    static Path copies;
    private static ExecutorService attendees;
    /** Each step's run, done by whichever attendee took it: completes with the step's first failure, if any. */
    private static final Map<Integer, CompletableFuture<Void>> DONE = new ConcurrentHashMap<>();

    @BeforeAll
    static void attendeesStart() {
        List<Mutation> steps = steps().toList();
        steps.forEach(mutation -> DONE.put(mutation.step(), new CompletableFuture<>()));
        // The longest steps first (one more full check each), so that the attendees finish together.
        Queue<Mutation> todo = new ConcurrentLinkedQueue<>(steps.stream()
                .sorted(Comparator.comparing((Mutation mutation) -> !mutated(mutation.step())).thenComparing(Mutation::step))
                .toList());
        int count = Math.max(1, Math.min(ATTENDEES, steps.size()));
        attendees = Executors.newFixedThreadPool(count);
        for (int number = 1; number <= count; number++) {
            int attendee = number;
            attendees.submit(() -> {
                Attendee one = null;
                for (Mutation next = todo.poll(); next != null; next = todo.poll()) {
                    CompletableFuture<Void> done = DONE.get(next.step());
                    try {
                        if (one == null) {
                            one = new Attendee(attendee, copies.resolve("attendee-" + attendee));
                        }
                        one.doTheStepByHand(next);
                        done.complete(null);
                    } catch (Throwable failure) {
                        done.completeExceptionally(failure);
                    }
                }
            });
        }
    }

    @AfterAll
    static void attendeesLeave() throws InterruptedException {
        if (attendees != null) {
            attendees.shutdownNow();
            attendees.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    static Stream<Mutation> steps() {
        return Mutation.ALL.stream().filter(mutation -> selected("simulate.steps", mutation.step(), "all"));
    }

    static boolean mutated(int step) {
        return selected("simulate.mutations", step, MUTATED_BY_DEFAULT);
    }

    /** Whether the system property {@code name} ("all", "none" or a list such as "3,4") selects {@code step}. */
    static boolean selected(String name, int step, String byDefault) {
        String wanted = System.getProperty(name, byDefault).strip();
        return wanted.equals("all") || Arrays.asList(wanted.split("\\s*,\\s*")).contains(String.valueOf(step));
    }

    @ParameterizedTest(name = "step {0}")
    @MethodSource("steps")
    void anAttendeeDoesTheStepByHand(Mutation mutation) throws Throwable {
        try {
            DONE.get(mutation.step()).join();
        } catch (CompletionException failed) {
            throw failed.getCause();
        }
    }

    /** One attendee, in a copy of the repository of their own. */
    private static final class Attendee {
        private final int number;
        private final Path copy;
        private final Git git;
        private String output;
        private int step;

        Attendee(int number, Path copy) throws IOException {
            this.number = number;
            this.copy = copy;
            for (String entry : List.of("pom.xml", "serverless.yml", "src", "solutions", "workshop", "mvnw", "mvnw.cmd", ".mvn",
                    ".workshop-stage", ".gitignore")) {
                SourceCopy.withoutBuildOutput(ROOT.resolve(entry), copy.resolve(entry)); // file times kept: see bringTheCompiledLocalCloud
            }
            copy.resolve("mvnw").toFile().setExecutable(true);
            bringTheCompiledLocalCloud(copy);
            git = new Git(copy);
            git.run("init", "-q", "-b", "main");
            commit("a fresh clone");
        }

        void doTheStepByHand(Mutation mutation) throws IOException {
            step = mutation.step();
            StepLessons lessons = Curriculum.step(step).orElseThrow();
            Path solution = new Stages(copy).find("step-" + step).dir();
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

            if (!mutated(step)) {
                return;
            }
            mutation.apply(copy);
            int mutated = run("check");
            assertThat(mutated).as("check without '%s':\n%s", mutation.lesson(), output).isEqualTo(1);
            assertThat(output).as("the mutation must change behavior, not break the build").doesNotContain("does not compile");
            assertThat(output).contains("✘ " + mutation.lesson());
        }

        private int run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Workshop.run(copy, new PrintWriter(out, true), new PrintWriter(err, true), args);
            output = out + err.toString();
            // One block per command: the other attendee prints too.
            System.out.println("$ workshop " + String.join(" ", args) + "    (attendee " + number + ", step " + step + ")\n" + output);
            return code;
        }

        private void commit(String message) {
            git.run("add", "-A");
            git.run("-c", "user.name=Attendee", "-c", "user.email=attendee@localhost", "commit", "-q", "--allow-empty", "-m", message);
        }
    }

    /**
     * The local cloud as the build running this test compiled it (when it did: {@code -pl tools} alone
     * does not), so that the first {@code check} of each copy does not compile it again (about 10 s of
     * processor time, and 15 s before the first probe). Its classes and the compiler's record of its
     * sources come along, the record's paths moved to the copy, with the files' times kept (as the
     * sources' are): Maven's compiler finds nothing to compile. That the start command compiles the
     * local cloud where it was never compiled is what {@code prepare} runs on a fresh clone in CI.
     */
    private static void bringTheCompiledLocalCloud(Path copy) throws IOException {
        Path built = ROOT.resolve("workshop/local-cloud/target");
        if (!Files.isDirectory(built.resolve("classes")) || !Files.isDirectory(built.resolve("maven-status"))) {
            return;
        }
        Path target = copy.resolve("workshop/local-cloud/target");
        for (String entry : List.of("classes", "maven-status")) {
            try (Stream<Path> walk = Files.walk(built.resolve(entry))) {
                for (Path source : walk.toList()) {
                    Path to = target.resolve(built.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(to);
                    } else if (source.getFileName().toString().endsWith(".lst")) {
                        Files.writeString(to, Files.readString(source).replace(ROOT.toString(), copy.toString()));
                        Files.setLastModifiedTime(to, Files.getLastModifiedTime(source));
                    } else {
                        Files.copy(source, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }
}
