package com.example.workshop.tools;

import com.example.workshop.tools.check.Checklist;
import com.example.workshop.tools.check.HandlerClasses;
import com.example.workshop.tools.check.LastCheck;
import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LeftOverBuild;
import com.example.workshop.tools.check.LessonResult;
import com.example.workshop.tools.check.SkippedServerlessYmlParts;
import com.example.workshop.tools.check.StepCheck;
import com.example.workshop.tools.check.StepLessons;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = {
        "Check your working copy against a step: its tests, then your service in the local cloud.",
        "Prints one line per lesson, done or not, with where the guide teaches it. Exit code 0 only when all are done."})
class CheckCommand extends StageCommand {
    @Parameters(paramLabel = "STEP", arity = "0..1", description = "default: the step in .workshop-stage")
    String wanted;

    CheckCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Stages.Stage stage = wanted != null ? stages.find(wanted) : stages.currentStage("check");
        StepLessons step = Curriculum.step(stage.number())
                .orElseThrow(() -> new WorkshopException("No checks are written for " + stage.name()));
        try (WorkingCopyLock lock = WorkingCopyLock.take(stages.root(), "check")) {
            stopALeftOverBuild();
            Conflicts conflicts = new Conflicts(stages, git);
            Optional<String> conflict = conflicts.unmerged("check").or(() -> conflicts.markersLeft("check"));
            if (conflict.isPresent()) { // the build would fail on git's lines, and the pointer would blame a guide's edit
                out().println(conflict.get());
                return 1;
            }
            Optional<String> later = wanted == null ? Optional.empty() : laterThanAsked(stage);
            if (later.isPresent()) {
                out().println(later.get());
                return 1;
            }
            Optional<String> anotherStep = anotherStepsTests(stages, stage);
            if (anotherStep.isPresent()) { // checking would blame the code for the tests of another step
                out().println(anotherStep.get());
                return 1;
            }
            Optional<String> nextStepsCode = nextStepsCode(stages, stage);
            if (nextStepsCode.isPresent()) { // checking would try the next step's code as this one's, against this one's tests
                out().println(nextStepsCode.get());
                return 1;
            }
            Map<String, Stages.Stage> laterStepsFiles = LaterStepsFiles.in(stages, stage);
            LaterStepsFiles.note(laterStepsFiles, stage).ifPresent(note -> out().printf("%s%n%n", note));
            warnOfChangedTests(stage);
            editsInTheSolutionsNote(git).ifPresent(note -> out().printf("%s%n%n", note));
            git.ownStashOnHead().ifPresent(stash -> out().println("Note: " + Git.stashNote(stash)));
            String serverlessYml = LastCheck.serverlessYmlDigest(stages.root()); // as this check finds it
            StepCheck check = new StepCheck(stages.root(), out()).withEarlierSteps(Curriculum::step);
            List<LessonResult> results = LaterStepsFiles.pointedAt(laterStepsFiles, stage, withFunctionsYourCodeCannotRun(stages,
                    stage, withMissingTestFiles(stages, stage, check.run(step))));
            Checklist.forConsole().inTheGuidesOrder(stages.root()).print(step, results, check.notes(), out());
            int passed = (int) results.stream().filter(LessonResult::done).count();
            if (passed == results.size() && !check.skippedServerlessYmlParts().isEmpty()) {
                // A part nothing tried yet (an output, a variable a later step reads): done, but not as the guide has it.
                out().println("Note: serverless.yml lacks " + SkippedServerlessYmlParts.inWords(check.skippedServerlessYmlParts())
                        + ", which workshop/" + step.guide() + "'s edit of serverless.yml adds. Nothing this check tried needs it,"
                        + " but the guide's edit has it: " + tool("diff " + stage.branch()) + " shows it.");
            }
            LastCheck.save(stages.root(), stage.name(), passed, results.size(), serverlessYml); // for list, after a break
            return passed == results.size() ? 0 : 1;
        }
    }

    /**
     * A check of an earlier step than the one the working copy is at ("check step-3" at step 4):
     * its tests are the later step's, which hold the earlier step's too, so the later step's check
     * is the one that says whether its code still does what the earlier step taught.
     */
    private Optional<String> laterThanAsked(Stages.Stage asked) {
        Optional<Stages.Stage> current = stages.markedStage();
        if (current.isEmpty() || current.get().number() <= asked.number()) {
            return Optional.empty();
        }
        return Optional.of("Your working copy is at " + current.get().name() + " (" + Stages.MARKER + " says so), past "
                + asked.name() + ": its code and tests are " + current.get().branch() + "'s, which hold " + asked.branch()
                + "'s too. Check it as the step it is at: " + tool("check"));
    }

    private void stopALeftOverBuild() throws IOException, InterruptedException {
        LeftOverBuild.stop(stages.root()).ifPresent(pid -> out().println("Note: stopped the build (pid " + pid
                + ") of an earlier check that was killed before it ended; it was still building into target/."));
    }

    /**
     * The tests are the step's specification: a test changed by accident fails with a message that
     * blames correct code. Say so first, with the way back.
     */
    private void warnOfChangedTests(Stages.Stage stage) throws IOException {
        changedTestsNote(stages, stage).ifPresent(note -> out().printf("%s%n%n", note));
    }

    /**
     * When src/test is another step's tests, or holds the test files the next step adds: a git
     * checkout, restore or stash of the whole working copy after start (which takes back
     * .workshop-stage and the tests start changed, not the files it added), or a check of a step
     * not started yet. What to do instead of checking.
     */
    static Optional<String> anotherStepsTests(Stages stages, Stages.Stage stage) throws IOException {
        List<String> changed = Trees.differing(stages.root().resolve("src/test"), stage.dir().resolve("src/test"));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Stages.Stage> holder = stages.all().stream()
                .filter(other -> !other.equals(stage) && stages.holdsTestsOf(other)).findFirst();
        if (holder.isPresent() && holder.get().number() < stage.number()) {
            // The attendee may still be in the middle of that step: starting this one would leave it half done.
            return Optional.of("src/test holds " + holder.get().name() + "'s tests, not those of " + stage.name()
                    + ", which this check is for. Still doing " + holder.get().branch() + "? Check it: " + tool("check")
                    + ". Done with it (its check passed, and you committed)? " + tool("start " + stage.branch()) + " brings "
                    + stage.branch() + "'s tests; then check again.");
        }
        Optional<Stages.Stage> next = stages.numbered(stage.number() + 1);
        boolean addedByNext = next.isPresent() && changed.stream().allMatch(file -> addedBy(next.get(), stage, file, stages));
        Stages.Stage later = holder.orElse(addedByNext ? next.get() : null);
        if (later == null) {
            return Optional.empty();
        }
        return Optional.of("src/test " + (holder.isPresent() ? "holds " + later.name() + "'s tests"
                : "has test files that " + later.name() + " adds (" + String.join(", ", changed.stream().limit(3).toList())
                        + (changed.size() > 3 ? ", ..." : "") + ")")
                + ", but " + Stages.MARKER + " says " + stage.name() + ". A git checkout, restore or stash of the whole working"
                + " copy takes back what start wrote in " + Stages.MARKER + " and in the tests it changed, not the test files it"
                + " added; and a commit without " + Stages.MARKER + " leaves it behind (in a clone of it, say on another"
                + " machine). If you are doing " + later.branch() + ": " + tool("start " + later.branch())
                + " (or git stash pop, if you stashed), then check again. Back to " + stage.branch() + " instead? git checkout"
                + " -- src/test .workshop-stage && git clean -fdq -- src/test puts the tests back as your last commit has them"
                + " (it deletes test files of your own that no commit has: git clean -n -- src/test lists them first).");
    }

    /**
     * When src/main/java has classes that the next step creates (step 3's AccountCache.java at step 2): its edits made
     * without start, so .workshop-stage and the tests are still this step's, and its check would blame this step's code.
     */
    static Optional<String> nextStepsCode(Stages stages, Stages.Stage stage) throws IOException {
        Optional<Stages.Stage> next = stages.numbered(stage.number() + 1);
        Path yours = stages.root().resolve("src/main/java");
        if (next.isEmpty() || !Files.isDirectory(yours)) {
            return Optional.empty();
        }
        List<String> created;
        try (var files = Files.walk(yours)) {
            created = files.filter(Files::isRegularFile).map(file -> yours.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !Files.exists(stage.dir().resolve("src/main/java").resolve(file))
                            && Files.exists(next.get().dir().resolve("src/main/java").resolve(file)))
                    .sorted().toList();
        }
        if (created.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = created.stream().map(file -> file.substring(file.lastIndexOf('/') + 1)).toList();
        return Optional.of("src/main has code that " + next.get().name() + " creates (" + String.join(", ", names.stream().limit(3)
                .toList()) + (names.size() > 3 ? ", ..." : "") + "), but " + Stages.MARKER + " says " + stage.name() + ", so this"
                + " check would try it against " + stage.branch() + "'s tests. Doing " + next.get().branch() + "? "
                + tool("start " + next.get().branch()) + " brings its tests (it never changes your code); then check again.");
    }

    /**
     * The step's test files missing from src/test (deleted, or left out of a commit): their tests never ran, so the line
     * on the tests that worked before is not done, whatever the others did. The note above the lines says it too.
     */
    static List<LessonResult> withMissingTestFiles(Stages stages, Stages.Stage stage, List<LessonResult> results) throws IOException {
        List<String> missing = Trees.differing(stages.root().resolve("src/test"), stage.dir().resolve("src/test")).stream()
                .filter(file -> !Files.exists(stages.root().resolve("src/test").resolve(file))).toList();
        if (missing.isEmpty()) {
            return results;
        }
        String bringBack = stages.isFirst(stage) ? "git checkout HEAD -- src/test brings back what you last committed"
                : tool("start " + stage.branch()) + " brings " + (missing.size() == 1 ? "it" : "them") + " back";
        return results.stream().map(result -> !result.lesson().title().equals(StepLessons.REGRESSIONS) ? result
                : new LessonResult(Lesson.of(result.lesson().title(), bringBack, result.lesson().tests(), result.lesson().probe()),
                        Stream.concat(Stream.of("src/test lacks " + stage.name() + "'s " + inWords(missing)
                                + ", so " + (missing.size() == 1 ? "its tests" : "their tests") + " did not run"),
                                result.problems().stream()).toList())).toList();
    }

    /**
     * A function that the step's serverless.yml has not, whose handler class src/main/java lacks: a later step's
     * serverless.yml copied in, say. Nothing the check tries calls it, yet every call of it fails, on AWS too: the
     * line on the routes that worked before is not done.
     */
    static List<LessonResult> withFunctionsYourCodeCannotRun(Stages stages, Stages.Stage stage, List<LessonResult> results) {
        Map<String, String> stepsFunctions = HandlerClasses.of(stage.dir().resolve("serverless.yml"));
        List<String> said = HandlerClasses.withoutASource(stages.root()).entrySet().stream()
                .filter(function -> !stepsFunctions.containsKey(function.getKey()))
                .map(function -> "serverless.yml has a function that " + stage.name() + "'s has not, " + function.getKey()
                        + ", whose handler " + function.getValue() + " src/main/java lacks: each call of it fails (on AWS"
                        + " too: Lambda cannot load the class)" + addedLater(stages, stage, function.getKey()))
                .toList();
        if (said.isEmpty()) {
            return results;
        }
        String compare = tool("diff " + stage.branch()) + " shows how your serverless.yml differs from " + stage.branch() + "'s";
        return results.stream().map(result -> !result.lesson().title().equals(StepLessons.REGRESSIONS) ? result
                : new LessonResult(result.done() ? Lesson.of(result.lesson().title(), compare, result.lesson().tests(),
                        result.lesson().probe()) : result.lesson(),
                        Stream.concat(said.stream(), result.problems().stream()).toList())).toList();
    }

    /** "; step-5-fan-out adds it: is your serverless.yml a later step's?", when a later step has that function. */
    private static String addedLater(Stages stages, Stages.Stage stage, String function) {
        return stages.all().stream().filter(later -> later.number() > stage.number())
                .filter(later -> HandlerClasses.of(later.dir().resolve("serverless.yml")).containsKey(function)).findFirst()
                .map(later -> "; " + later.name() + " adds it: is your serverless.yml a later step's?").orElse("");
    }

    /** Whether {@code file} (under src/test) is one that {@code next} adds to {@code stage}'s tests, as the working copy has it. */
    private static boolean addedBy(Stages.Stage next, Stages.Stage stage, String file, Stages stages) {
        try {
            return !Files.exists(stage.dir().resolve("src/test").resolve(file))
                    && Trees.sameFile(stages.root().resolve("src/test").resolve(file), next.dir().resolve("src/test").resolve(file));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * When files under solutions/ changed since the last commit: most likely a guide's edit made in the
     * finished code (whose path a guide's code block names) instead of the working copy, which check builds.
     */
    static Optional<String> editsInTheSolutionsNote(Git git) {
        String changes = git.changes("solutions").stripTrailing();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        List<String> files = changes.lines().map(Git::inWords).toList();
        // solutions/step-6-stream-cacher/src/main/java/.../Dependencies.java: its edit goes in src/main/java/.../Dependencies.java
        List<String> meantFor = changes.lines().map(line -> line.length() > 3 ? line.substring(3) : line)
                .map(path -> path.replaceFirst("^solutions/[^/]+/", "")).filter(path -> !path.startsWith("solutions/"))
                .distinct().limit(3).toList();
        return Optional.of("Note: solutions/ has changes since your last commit (" + String.join("; ", files.subList(0,
                Math.min(3, files.size()))) + (files.size() > 3 ? "; and " + (files.size() - 3) + " more" : "") + "). The guides'"
                + " edits go in the working copy (src/, pom.xml and serverless.yml at the repository's root), which is what"
                + " check builds" + (meantFor.isEmpty() ? "" : ": " + String.join(", ", meantFor)) + "; solutions/ holds each"
                + " step's finished code, to compare with. To put it back: git checkout -- solutions && git clean -fdq -- solutions");
    }

    /** What to say when src/test differs from {@code stage}'s tests in files of the attendee's, if it does. */
    static Optional<String> changedTestsNote(Stages stages, Stages.Stage stage) throws IOException {
        List<String> differing = Trees.differing(stages.root().resolve("src/test"), stage.dir().resolve("src/test"));
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        boolean firstStep = stages.isFirst(stage);
        List<String> changed = new StepTestHistory(stages, new Git(stages.root())).withoutEarlierVersions(stage, differing);
        if (changed.isEmpty()) { // nothing of the attendee's: the step's tests changed after start brought them
            return Optional.of("Note: the step's tests changed since " + (firstStep ? "your clone" : "start brought them")
                    + " (a git pull of the workshop's updates?): src/test has an earlier version of " + inWords(differing) + ". "
                    + (firstStep ? tool("use " + stage.branch()) + " brings the new ones (step 1 has no edits of yours; it"
                            + " refuses to overwrite uncommitted changes, and says how)"
                            : tool("start " + stage.branch()) + " brings the new ones (nothing of yours is replaced)")
                    + "; then check again.");
        }
        List<String> own = changed.stream().filter(file -> stages.isOwnTest(file, stage.number())).toList();
        if (own.size() == changed.size()) { // only files no step has: nothing of the step's tests to bring back
            return Optional.of("Note: src/test also holds tests of your own (no step so far has them, and start keeps"
                    + " them): " + inWords(own) + ". A failure there is your test's to judge.");
        }
        changed = changed.stream().filter(file -> !own.contains(file)).toList();
        String files = inWords(changed);
        boolean onlyMissing = changed.stream().noneMatch(file -> Files.exists(stages.root().resolve("src/test").resolve(file)));
        if (onlyMissing && !firstStep) {
            // Nothing of the attendee's would be replaced: most often new files that a commit left out (git commit -am).
            return Optional.of("Note: " + stage.name() + "'s test " + (changed.size() == 1 ? "file " + files + " is" : "files " + files
                    + " are") + " missing (new files that a commit left"
                    + " out stay behind in a clone: git add -A takes them, git commit -am does not). "
                    + tool("start " + stage.branch()) + " brings " + (changed.size() == 1 ? "it" : "them") + " back.");
        }
        return Optional.of("Note: src/test differs from " + stage.name() + "'s tests in " + files + ". A failure there may be"
                + " the test's, not your code's. Changed on purpose (a guide's Going further asks for it)? Keep them. If not, "
                + (firstStep
                        ? "git status -- src/test shows what changed, and git checkout HEAD -- <file> brings back a file as you"
                                + " last committed it."
                        : tool("start " + stage.branch() + " --force") + " brings the step's tests back (it stashes your changes to"
                                + " src/test first)."));
    }

    private static String inWords(List<String> testFiles) {
        return String.join(", ", testFiles.stream().limit(3).map(file -> "src/test/" + file).toList())
                + (testFiles.size() > 3 ? " and " + (testFiles.size() - 3) + " more" : "");
    }
}
