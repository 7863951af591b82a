package com.example.workshop.tools.check;

import com.example.workshop.tools.Stages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The second look at a check's lines, once each has its own pointer: a line whose failure follows
 * from another lesson's slip points where that slip is (a test deferring to another, a layer whose
 * own tests fail, a file whose tests pass, an earlier step's lesson broken since). Each pass keeps
 * what the line saw and changes only its "->".
 */
final class Repointing {
    private final Guides guides;
    /** The lessons of another step, by number: where an older failing test was taught. */
    private final IntFunction<Optional<StepLessons>> curriculum;

    Repointing(Guides guides, IntFunction<Optional<StepLessons>> curriculum) {
        this.guides = guides;
        this.curriculum = curriculum;
    }

    List<LessonResult> repoint(List<LessonResult> results, TestRun.Result tests, StepLessons step) {
        return pointAtTheWriterOfAMissingAttribute(pointAtABrokenEarlierLesson(pointBelowALayerWhoseTestsFail(
                pointWhereTheSameErrorFailedFirst(pointWhereTheirTestsDefer(pointPastAFileWhoseTestsPass(results, tests, step),
                        tests, step), tests, step), tests, step), tests, step), tests, step);
    }

    /** AssertJ's words for an attribute a map lacks: {@code to contain key: "foundingUser"}, {@code entries: ["foundingUser"=}. */
    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("to contain (?:key: \"(\\w+)\"|entries: \\[\"(\\w+)\"=)");

    /**
     * A lesson whose failing tests miss an attribute in a map (a DynamoDB item) that exactly one file
     * of the step's edits writes, as a string in the finished step's file and not in the attendee's,
     * points at that edit: step 7's {@code foundingUser} left out of ActivityRepository.toItem failed
     * the handler's tests, and the line named ActivityConsumer.java.
     */
    private List<LessonResult> pointAtTheWriterOfAMissingAttribute(List<LessonResult> results, TestRun.Result tests,
                                                                  StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (LessonResult result : results) {
            Optional<String> attribute = failingTestsOf(result.lesson(), tests).stream()
                    .map(test -> MISSING_ATTRIBUTE.matcher(test.failure())).filter(Matcher::find)
                    .map(found -> found.group(1) != null ? found.group(1) : found.group(2)).findFirst();
            Optional<Stages.Stage> finished = attribute.isEmpty() ? Optional.empty() : finishedStage(step);
            List<String> writers = finished.isEmpty() ? List.of()
                    : editedFilesThatLackAString(step, finished.get(), "\"" + attribute.get() + "\"");
            pointed.add(result.done() || writers.size() != 1 ? result : repointed(result, "workshop/" + step.guide()
                    + ", the edit of " + writers.get(0) + ": the tests look for the attribute " + attribute.get() + ", which"
                    + " that edit writes and your " + writers.get(0) + " does not"));
        }
        return pointed;
    }

    /** The step's folder under solutions/; empty where there is none (a test's root). */
    private Optional<Stages.Stage> finishedStage(StepLessons step) {
        try {
            return new Stages(guides.root()).numbered(step.number());
        } catch (java.io.UncheckedIOException noSolutions) {
            return Optional.empty();
        }
    }

    /** The .java files of the step's numbered edits whose finished version holds {@code text} and the attendee's does not. */
    private List<String> editedFilesThatLackAString(StepLessons step, Stages.Stage finished, String text) {
        List<String> lacking = new ArrayList<>();
        for (String heading : guides.headings(step.guide())) {
            Matcher edit = NUMBERED_JAVA_EDIT.matcher(heading);
            if (edit.find()) {
                Optional<String> theirs = sourceNamed(finished.dir(), edit.group(1));
                Optional<String> yours = sourceNamed(guides.root(), edit.group(1));
                if (theirs.filter(source -> source.contains(text)).isPresent() && yours.filter(source -> !source.contains(text))
                        .isPresent() && !lacking.contains(edit.group(1))) {
                    lacking.add(edit.group(1));
                }
            }
        }
        return lacking;
    }

    /** "### 2. `ActivityRepository.java`: ...": a numbered edit of a Java file. */
    private static final Pattern NUMBERED_JAVA_EDIT = Pattern.compile("^###\\s+\\d+\\.\\s+`([\\w$]+\\.java)`");

    /** The text of the first file of that name under {@code directory}'s src/main/java; empty when none or unreadable. */
    private static Optional<String> sourceNamed(Path directory, String fileName) {
        try {
            Optional<Path> file = BuildFindings.javaFileNamed(directory, fileName);
            return file.isEmpty() ? Optional.empty() : Optional.of(Files.readString(file.get()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * A lesson whose every failing test fails with the very message of a failing test in an earlier
     * lesson, a message the local cloud saw the service throw too, fails for that lesson's slip: step
     * 2's key field misspelt in MomentoApiKey failed ClientsTest (and the client's creation) with
     * MomentoApiKeyTest's own message, and that line named Clients.java. It points where the earlier
     * one does. (Two assertions can fail with the same words, "expected: 1 but was: 0"; the running
     * service throws only its own errors.)
     */
    private static List<LessonResult> pointWhereTheSameErrorFailedFirst(List<LessonResult> results, TestRun.Result tests,
                                                                        StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            LessonResult result = results.get(i);
            List<TestResults.TestCase> failing = failingTestsOf(result.lesson(), tests);
            Set<String> messages = failing.stream().map(test -> test.failure().strip()).collect(java.util.stream.Collectors.toSet());
            String message = messages.size() == 1 ? messages.iterator().next() : "";
            Optional<LessonResult> first = message.isEmpty() || !thrownInTheLocalCloud(result, message) ? Optional.empty()
                    : results.subList(0, i).stream().filter(earlier -> failingTestsOf(earlier.lesson(), tests).stream()
                            .anyMatch(test -> test.failure().strip().equals(message))).findFirst();
            pointed.add(first.map(earlier -> repointed(result, Checklist.hint(step, earlier.lesson()) + " ("
                    + failing.get(0).simpleClassName() + " fails with " + failingTestsOf(earlier.lesson(), tests).get(0)
                    .simpleClassName() + "'s error: the same slip)")).orElse(result));
        }
        return pointed;
    }

    /** Whether the local cloud saw something for this line, and all it saw quotes {@code message}, an error's. */
    private static boolean thrownInTheLocalCloud(LessonResult result, String message) {
        List<String> seen = result.problems().stream().filter(problem -> problem.startsWith("local cloud:")).toList();
        return !seen.isEmpty() && seen.stream().allMatch(problem -> problem.contains(": " + message));
    }

    /** "(see aSecondDeliveryOfTheSameBatchRecordsEachEventOnce)" in a failing test's message: the test it defers to. */
    private static final Pattern DEFERS_TO = Pattern.compile("(?:\\(|;\\s)see (\\w+)\\)");

    /**
     * A test whose failure follows from another's says so in its message, "(see thatTest)": step 7's
     * summary line, right but for the duplicates that the repository's missing condition never
     * found. When every failing test of a lesson defers to one test that fails in another lesson,
     * the lesson points where that one does.
     */
    private static List<LessonResult> pointWhereTheirTestsDefer(List<LessonResult> results, TestRun.Result tests,
                                                                StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (LessonResult result : results) {
            Optional<String> deferredTo = theOneTestDeferredTo(failingTestsOf(result.lesson(), tests));
            Optional<LessonResult> cause = deferredTo.flatMap(method -> anotherFailingLesson(results, result, tests,
                    test -> test.method().equals(method)));
            Optional<String> older = cause.isPresent() ? Optional.empty()
                    : deferredTo.flatMap(method -> whereTheLastLineSendsAnOlderTest(results, tests, step, method));
            pointed.add(cause.map(other -> repointed(result, Checklist.hint(step, other.lesson())
                    + " (this line's test fails because " + deferredTo.get() + " does)"))
                    .or(() -> older.map(edit -> repointed(result, edit + " (this line's test fails because " + deferredTo.get()
                            + " does, an older test the last line names)")))
                    .orElse(result));
        }
        return pointed;
    }

    /**
     * The edit the regressions line (the last) names, when {@code method} is an older test that fails
     * (no lesson of this step names it): step 4's addMember line defers to step 3's notFoundIsCachedToo.
     */
    private static Optional<String> whereTheLastLineSendsAnOlderTest(List<LessonResult> results, TestRun.Result tests,
                                                                     StepLessons step, String method) {
        boolean olderFails = olderFailingTests(tests, step).anyMatch(test -> test.method().equals(method));
        Matcher edit = AN_EDIT.matcher(results.get(results.size() - 1).lesson().hint());
        return olderFails && StepCheck.isRegressions(results.get(results.size() - 1).lesson()) && edit.lookingAt()
                ? Optional.of(edit.group()) : Optional.empty();
    }

    /** "workshop/04-write-aside.md, the edit of AccountCache.java" at the start of a line's pointer. */
    private static final Pattern AN_EDIT = Pattern.compile("workshop/[\\w.-]+\\.md, the edit of [\\w.-]+");

    /**
     * With every test green, this step's lessons that fail only in the local cloud most likely
     * follow from an earlier step's lesson that the regressions line (the last) finds broken there:
     * step 2's client kept in a local variable instead of its static field passed step 2 (nothing
     * used the cache yet), and at step 3 each lesson's line blamed step 3's right code.
     */
    private static List<LessonResult> pointAtABrokenEarlierLesson(List<LessonResult> results, TestRun.Result tests,
                                                                  StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN || tests.tests().cases().stream().anyMatch(test -> test.failure() != null)) {
            return results;
        }
        Optional<String> earlier = results.stream()
                .filter(result -> StepCheck.isRegressions(result.lesson()) && !result.done()
                        && result.problems().stream().anyMatch(problem -> problem.startsWith("local cloud:")))
                .map(result -> result.lesson().hint())
                .filter(hint -> hint.startsWith("workshop/") && !hint.startsWith("workshop/" + step.guide()))
                .findFirst();
        if (earlier.isEmpty()) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (LessonResult result : results) {
            boolean inTheCloudOnly = !result.done() && !StepCheck.isRegressions(result.lesson()) && result.lesson().probe() != null;
            String own = Checklist.hint(step, result.lesson());
            // The local cloud named this step's serverless.yml as the line's cause (step 7's missing
            // functionResponseType): that stands, whatever else an earlier step's part broke.
            boolean namedItsCause = own.equals("workshop/" + step.guide() + ", the edit of serverless.yml") && result.problems()
                    .stream().anyMatch(problem -> problem.startsWith("local cloud:") && problem.contains("serverless.yml"));
            boolean keep = !inTheCloudOnly || namedItsCause || own.equals(earlier.get());
            pointed.add(keep ? result : repointed(result, "most likely what the last line says, as this step's code runs on it: "
                    + earlier.get() + "; if not, " + own));
        }
        return pointed;
    }

    /** Test classes that run on another class of the attendee's: AccountServiceTest on the real AccountCache (in memory). */
    private static final Map<String, String> RUNS_ON = Map.of("AccountServiceTest", "AccountCacheTest");

    /**
     * A lesson failed only by tests that run on another of the attendee's classes, whose own tests
     * fail in another lesson, points where that lesson points: step 5's readAll with no fallback to
     * DynamoDB failed AccountServiceTest's listings too, and that line named AccountService.java.
     */
    private static List<LessonResult> pointBelowALayerWhoseTestsFail(List<LessonResult> results, TestRun.Result tests,
                                                                      StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (LessonResult result : results) {
            List<TestResults.TestCase> failing = failingTestsOf(result.lesson(), tests);
            boolean inTheCloud = result.problems().stream().anyMatch(problem -> problem.startsWith("local cloud:"));
            Set<String> layers = failing.stream().map(test -> RUNS_ON.getOrDefault(test.simpleClassName(), ""))
                    .collect(java.util.stream.Collectors.toSet());
            Optional<String> layer = inTheCloud || failing.isEmpty() || layers.size() != 1 || layers.contains("")
                    ? Optional.empty() : Optional.of(layers.iterator().next());
            Optional<LessonResult> below = layer.flatMap(testClass -> anotherFailingLesson(results, result, tests,
                    test -> test.simpleClassName().equals(testClass)));
            pointed.add(below.map(other -> repointed(result, Checklist.hint(step, other.lesson()) + " ("
                    + failing.get(0).simpleClassName() + " runs on your " + layer.get().replace("Test", "")
                    + ", whose own tests fail: fix those first)")).orElse(result));
        }
        return pointed;
    }

    /** Another lesson than {@code result}'s with a failing test that {@code test} accepts. */
    private static Optional<LessonResult> anotherFailingLesson(List<LessonResult> results, LessonResult result,
                                                               TestRun.Result tests, Predicate<TestResults.TestCase> test) {
        return results.stream().filter(other -> other != result && failingTestsOf(other.lesson(), tests).stream().anyMatch(test))
                .findFirst();
    }

    /** The same line, what it saw included, pointing at {@code hint} instead. */
    private static LessonResult repointed(LessonResult result, String hint) {
        return new LessonResult(Lesson.of(result.lesson().title(), hint, result.lesson().tests(), result.lesson().probe()),
                result.problems());
    }

    static List<TestResults.TestCase> failingTestsOf(Lesson lesson, TestRun.Result tests) {
        return tests.tests().cases().stream().filter(test -> test.failure() != null)
                .filter(test -> lesson.tests().stream().anyMatch(test::matches)).toList();
    }

    /** The one test that every test of {@code failing} defers to in its message; empty if not so. */
    private static Optional<String> theOneTestDeferredTo(List<TestResults.TestCase> failing) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (TestResults.TestCase test : failing) {
            Matcher deferral = DEFERS_TO.matcher(test.failure());
            if (!deferral.find()) {
                return Optional.empty();
            }
            named.add(deferral.group(1));
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /**
     * A lesson whose own file's unit tests pass, and whose only failures are other classes' tests
     * (an integration test that goes through another part), is most likely failed by that other
     * part: when exactly one other failing lesson points at a file the guide edits, it points
     * there too. Step 3 without its edit of {@code findMembership}: "not found is cached" failed
     * only by a test of memberships, while {@code AccountCacheTest} passed.
     */
    private List<LessonResult> pointPastAFileWhoseTestsPass(List<LessonResult> results, TestRun.Result tests,
                                                            StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (LessonResult result : results) {
            boolean inTheCloud = result.problems().stream().anyMatch(problem -> problem.startsWith("local cloud:"));
            // An older test failing beside lessons that all blame one edit of this step most likely fails for the
            // same slip (step 4's cache written before DynamoDB also fails step 1's duplicate-user test).
            boolean olderTestsOnly = result.lesson().title().equals(StepLessons.REGRESSIONS) && !inTheCloud;
            Optional<String> elsewhere = result.done() || inTheCloud
                    || !(olderTestsOnly || ownUnitTestsPass(result.lesson(), tests))
                    ? Optional.empty() : theOneOtherFile(results, result);
            Optional<LessonResult> toAnEditedClass = olderTestsOnly && !result.done()
                    ? anOlderUnitTestOfAnEditedClass(result, tests, step) : Optional.empty();
            Optional<LessonResult> toThisStepsEdit = toAnEditedClass.isPresent() ? toAnEditedClass
                    : elsewhere.filter(file -> guides.hasAnEditOf(step.guide(), file))
                    .map(file -> repointed(result, olderTestsOnly
                            ? "most likely the slip of the lines above: workshop/" + step.guide() + ", the edit of " + file
                                    + "; if not, " + result.lesson().hint()
                            : file));
            Optional<String> earlierEdit = olderTestsOnly && !result.done() && toThisStepsEdit.isEmpty()
                    ? theEarlierLessonThatFails(tests, step) : Optional.empty();
            pointed.add(toThisStepsEdit.or(() -> earlierEdit.map(where -> repointed(result, where))).orElse(result));
        }
        return pointed;
    }

    /**
     * An older unit test of a class this step's guide edits (AccountCacheTest, at step 4's edit of
     * AccountCache.java) that fails now: that edit broke what an earlier step taught, whatever the
     * lines above blame. Step 4's fill given its key and value swapped, or no "not found" cached,
     * failed step 3's AccountCacheTest.notFoundIsCachedToo, and this line said "the slip of the lines
     * above", which named AccountService.java. Not a test that runs on another class (RUNS_ON).
     */
    private Optional<LessonResult> anOlderUnitTestOfAnEditedClass(LessonResult result, TestRun.Result tests, StepLessons step) {
        return olderFailingTests(tests, step)
                .filter(test -> test.simpleClassName().endsWith("Test") && !test.simpleClassName().endsWith("IntegrationTest")
                        && !RUNS_ON.containsKey(test.simpleClassName()))
                .filter(test -> guides.hasANumberedEditOf(step.guide(), testedFile(test)))
                .findFirst()
                .map(test -> repointed(result, "workshop/" + step.guide() + ", the edit of " + testedFile(test) + " ("
                        + test.simpleClassName() + "." + test.method() + ", an earlier step's test of that class, fails now:"
                        + " the edit broke what it proves" + earlierLessonOf(test, step.number()).map(taught -> ", which "
                        + taught.where() + ", teaches").orElse("") + ")"));
    }

    /** The failing tests no lesson of the step names: an earlier step's, which the regressions line reports. */
    private static Stream<TestResults.TestCase> olderFailingTests(TestRun.Result tests, StepLessons step) {
        List<String> claimed = step.lessons().stream().flatMap(lesson -> lesson.tests().stream()).toList();
        return tests.tests().cases().stream().filter(test -> test.failure() != null)
                .filter(test -> claimed.stream().noneMatch(test::matches));
    }

    /** AccountCacheTest: AccountCache.java. */
    private static String testedFile(TestResults.TestCase test) {
        return test.simpleClassName().substring(0, test.simpleClassName().length() - "Test".length()) + ".java";
    }

    /**
     * Where an earlier step taught what this step's older tests find broken: the guide and the edit
     * of the latest earlier lesson that names the first failing test no lesson of this step names,
     * with each lesson there that a failing test names, e.g. "workshop/05-fan-out.md, the edit of
     * AccountCache.java (step 5: ...; ...)".
     */
    private Optional<String> theEarlierLessonThatFails(TestRun.Result tests, StepLessons step) {
        List<Taught> taught = olderFailingTests(tests, step)
                .flatMap(failing -> earlierLessonOf(failing, step.number()).stream()).toList();
        return taught.stream().findFirst().map(first -> first.where() + " (step " + first.step().number() + ": "
                + String.join("; ", taught.stream().filter(other -> other.where().equals(first.where()))
                        .map(other -> other.lesson().title()).distinct().toList())
                + "): an edit since has broken it; if not, run ./mvnw verify and read the first failure (if it passes there,"
                + " the test met a busy machine: check again)");
    }

    /** @param file the file the failing test tests, when the step's guide edits it; else the lesson's own */
    private record Taught(StepLessons step, Lesson lesson, String file) {
        /** "workshop/05-fan-out.md, the edit of AccountCache.java", or the guide alone when the lesson names no file. */
        String where() {
            return "workshop/" + step.guide() + (file.matches("[\\w./-]+\\.(java|yml|xml)") ? ", the edit of " + file : "");
        }
    }

    /** The lesson of the latest step before {@code number} that names {@code test}. */
    private Optional<Taught> earlierLessonOf(TestResults.TestCase test, int number) {
        for (int earlier = number - 1; earlier >= 1; earlier--) {
            Optional<StepLessons> lessons = curriculum.apply(earlier);
            Optional<Lesson> taught = lessons.stream().flatMap(s -> s.lessons().stream())
                    .filter(lesson -> lesson.tests().stream().anyMatch(test::matches)).findFirst();
            if (taught.isPresent()) {
                // A unit test names its class's edit (AccountCacheTest: AccountCache.java), where a lesson proven by
                // several tests names one file (step 4's "creating a user caches the user": AccountService.java).
                String tested = test.simpleClassName();
                String unitTested = tested.endsWith("Test") && !tested.endsWith("IntegrationTest")
                        ? tested.substring(0, tested.length() - "Test".length()) + ".java" : null;
                String file = unitTested != null && guides.hasANumberedEditOf(lessons.get().guide(), unitTested)
                        ? unitTested : taught.get().hint();
                return Optional.of(new Taught(lessons.get(), taught.get(), file));
            }
        }
        return Optional.empty();
    }

    /** Whether a unit test of the lesson's own file (AccountCacheTest for AccountCache.java) that the lesson names fails. */
    static boolean ownUnitTestFails(Lesson lesson, TestRun.Result tests) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN || !lesson.hint().endsWith(".java")) {
            return false;
        }
        String testClass = lesson.hint().substring(0, lesson.hint().length() - ".java".length()) + "Test";
        return tests.tests().cases().stream()
                .filter(test -> test.simpleClassName().equals(testClass))
                .filter(test -> lesson.tests().stream().anyMatch(test::matches))
                .anyMatch(test -> test.failure() != null);
    }

    /** The lesson's tests of its own file's test class (AccountCache.java: AccountCacheTest) all ran and passed. */
    private static boolean ownUnitTestsPass(Lesson lesson, TestRun.Result tests) {
        if (!lesson.hint().endsWith(".java")) {
            return false;
        }
        String testClass = lesson.hint().substring(0, lesson.hint().length() - ".java".length()) + "Test";
        List<TestResults.TestCase> own = tests.tests().cases().stream()
                .filter(test -> test.simpleClassName().equals(testClass))
                .filter(test -> lesson.tests().stream().anyMatch(test::matches)).toList();
        return !own.isEmpty() && own.stream().allMatch(test -> test.failure() == null);
    }

    /** The file every other failing lesson (not the regressions line) points at, if there is exactly one, other than this one's. */
    private static Optional<String> theOneOtherFile(List<LessonResult> results, LessonResult result) {
        List<String> files = results.stream()
                .filter(other -> other != result && !other.done() && !other.lesson().title().equals(StepLessons.REGRESSIONS))
                .map(other -> other.lesson().hint())
                .filter(hint -> hint.endsWith(".java") && !hint.equals(result.lesson().hint()))
                .distinct().toList();
        return files.size() == 1 ? Optional.of(files.get(0)) : Optional.empty();
    }
}
