package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lessons cannot drift from the solutions and guides they describe. */
class CurriculumTest {
    static final Path ROOT = Path.of(System.getProperty("workshop.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyStageHasItsLessonsAndEveryStepItsStage() throws IOException {
        List<Integer> stages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("solutions"))) {
            dirs.map(dir -> dir.getFileName().toString()).filter(name -> name.matches("step-\\d+-.*"))
                    .forEach(name -> stages.add(Integer.parseInt(name.split("-")[1])));
        }
        assertThat(Curriculum.all()).extracting(StepLessons::number).containsExactlyInAnyOrderElementsOf(stages);
    }

    @Test
    void everyTestALessonNamesExistsInItsStage() {
        List<String> missing = new ArrayList<>();
        for (StepLessons step : Curriculum.all()) {
            Path tests = stage(step).resolve("src/test/java");
            for (Lesson lesson : step.lessons()) {
                for (String test : lesson.tests()) {
                    String className = test.contains(".") ? test.substring(0, test.indexOf('.')) : test;
                    String method = test.contains(".") ? test.substring(test.indexOf('.') + 1) : null;
                    List<Path> sources = find(tests, className + ".java");
                    boolean found = !sources.isEmpty() && (method == null
                            || sources.stream().anyMatch(source -> read(source).contains("void " + method + "(")));
                    if (!found) {
                        missing.add("step " + step.number() + " '" + lesson.title() + "': " + test);
                    }
                }
            }
        }
        assertThat(missing).as("tests named by lessons but not in solutions/step-N/src/test").isEmpty();
    }

    @Test
    void everyHintNamesAnEditTheGuideHasAHeadingFor() {
        List<String> problems = new ArrayList<>();
        for (StepLessons step : Curriculum.all()) {
            Path guide = ROOT.resolve("workshop").resolve(step.guide());
            if (!Files.isRegularFile(guide)) {
                problems.add("step " + step.number() + ": no guide " + step.guide());
                continue;
            }
            List<String> headings = read(guide).lines().filter(line -> line.startsWith("#")).toList();
            for (Lesson lesson : step.lessons()) {
                if (headings.stream().noneMatch(heading -> heading.contains(lesson.hint()))) {
                    problems.add(step.guide() + " has no heading naming " + lesson.hint() + " (lesson '" + lesson.title() + "')");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProvidedFileIsInItsStage() {
        for (StepLessons step : Curriculum.all()) {
            for (String file : step.provided()) {
                assertThat(stage(step).resolve(file)).as("step %d provides", step.number()).isRegularFile();
            }
        }
    }

    private static Path stage(StepLessons step) {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("solutions"))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("step-" + step.number() + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no solutions/step-" + step.number() + "-*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> find(Path directory, String fileName) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().equals(fileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
