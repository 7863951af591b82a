package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                    // A nested test class (Outer$Inner) is written in Outer.java
                    String[] classes = className.split("\\$");
                    List<Path> sources = find(tests, classes[0] + ".java");
                    boolean found = !sources.isEmpty() && (method == null
                            || sources.stream().anyMatch(source -> read(source).contains("void " + method + "(")))
                            && (classes.length == 1 || sources.stream().anyMatch(source -> read(source).contains("class " + classes[1] + " ")));
                    if (!found) {
                        missing.add("step " + step.number() + " '" + lesson.title() + "': " + test);
                    }
                }
            }
        }
        assertThat(missing).as("tests named by lessons but not in solutions/step-N/src/test").isEmpty();
    }

    /**
     * A test that a step adds and no lesson names would fail under "the tests and routes that
     * worked before still work", with the advice that an edit broke something older: wrong for this step's own code.
     */
    @Test
    void everyTestAStepAddsIsNamedByOneOfItsLessons() {
        List<String> unnamed = new ArrayList<>();
        Set<String> before = Set.of();
        for (StepLessons step : Curriculum.all().stream().sorted(Comparator.comparingInt(StepLessons::number)).toList()) {
            Set<String> tests = testMethods(stage(step).resolve("src/test/java"));
            Set<String> earlier = before;
            if (step.number() > 1) {
                tests.stream().filter(test -> !earlier.contains(test))
                        .filter(test -> step.lessons().stream().flatMap(lesson -> lesson.tests().stream())
                                .noneMatch(named -> named.equals(test) || named.equals(test.substring(0, test.indexOf('.')))))
                        .sorted()
                        .forEach(test -> unnamed.add("step " + step.number() + ": " + test));
            }
            before = tests;
        }
        assertThat(unnamed).as("tests a step adds that none of its lessons names").isEmpty();
    }

    /** "AccountCacheTest.aHitDoesNotAskTheDatabase" for every test method under {@code tests}. */
    private static Set<String> testMethods(Path tests) {
        Pattern testMethod = Pattern.compile("@(?:Test|ParameterizedTest|Property|RepeatedTest)\\b[^;{]*?void\\s+(\\w+)\\s*\\(");
        Set<String> methods = new TreeSet<>();
        for (Path source : find(tests, null)) {
            String className = source.getFileName().toString().replace(".java", "");
            Matcher matcher = testMethod.matcher(read(source));
            while (matcher.find()) {
                methods.add(className + "." + matcher.group(1));
            }
        }
        return methods;
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

    /** The files named {@code fileName} under {@code directory}; null: every Java source. */
    private static List<Path> find(Path directory, String fileName) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> fileName == null ? file.toString().endsWith(".java") : file.getFileName().toString().equals(fileName))
                    .toList();
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
