package com.example.workshop.tools;

import com.example.workshop.tools.check.LastCheck;
import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.StepLessons;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", description = {
        "Start a step: bring its tests (the step's specification) into src/test.",
        "Also brings any helper file its guide names, and records in .workshop-stage the step your working copy",
        "is becoming. Your code is not touched.",
        "Refuses to replace tests you changed unless --force, which stashes them first."})
class StartCommand extends StageCommand {
    private static final String TESTS = "src/test";

    @Parameters(paramLabel = "STEP", arity = "0..1", description = "e.g. step-3, 3 or read-aside")
    String wanted;

    @Option(names = "--force", description = "Stash your changes to src/test, then start.")
    boolean force;

    StartCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException {
        if (wanted == null) {
            throw new WorkshopException(whichStep());
        }
        new Conflicts(stages, git).unmerged("start").ifPresent(why -> { // git could not stash the tests it replaces
            throw new WorkshopException(why);
        });
        git.ownStashOnHead().ifPresent(stash -> { // the pop would fail on the files start changes
            throw new WorkshopException("Not started: " + Git.stashNote(stash) + " Then start again.");
        });
        Stages.Stage stage = stages.find(wanted);
        StepLessons step = Curriculum.step(stage.number())
                .orElseThrow(() -> new WorkshopException("No lessons are written for " + stage.name()));
        String current = stages.marked().orElse(null);
        requireThePreviousStep(stage, current);
        requireAnEditOfThePreviousStep(stage, current);
        Optional<String> previousStepNotDone = previousStepNotDone(stage, current); // read before src/test changes
        List<String> brought;
        List<String> yoursReplaced;
        Map<String, byte[]> ownTests;
        try (WorkingCopyLock lock = WorkingCopyLock.take(stages.root(), "start")) {
            yoursReplaced = committedTestsOfYourOwn(current, stage);
            ownTests = ownTests(stage);
            protectChangedTests(current, stage);
            Trees.replace(stages.root(), stage.dir(), TESTS);
            keep(ownTests);
            brought = bringProvidedFiles(stage, step);
            Files.writeString(stages.root().resolve(Stages.MARKER), stage.name() + "\n");
        }

        if (stage.name().equals(current)) {
            out().printf("Started step %d again: %s. Your code (src/main, pom.xml, serverless.yml) is as you left it.%n",
                    step.number(), step.title());
            out().printf("  src/test holds the step's tests again: they fail until your code does what the guide asks.%n");
        } else {
            out().printf("Started step %d: %s. Your working copy is becoming %s.%n", step.number(), step.title(), stage.name());
            out().printf("  src/test now holds the step's tests: they fail until your code does what the guide asks.%n");
        }
        if (!ownTests.isEmpty()) {
            out().printf("  Your own test files stay (no step so far has them): %s.%n",
                    String.join(", ", ownTests.keySet().stream().map(file -> TESTS + "/" + file).toList()));
        }
        if (!yoursReplaced.isEmpty()) {
            out().printf("  Your own test files (committed) were replaced too: %s. Your last commit keeps them:"
                    + " git checkout HEAD -- <file> brings one back.%n", String.join(", ", yoursReplaced));
        }
        brought.forEach(file -> out().printf("  Added %s (the guide says what it is for).%n", file));
        previousStepNotDone.ifPresent(note -> out().printf("  %s%n", note));
        if (!stage.name().equals(current)) {
            earlierWorkOnThisStep(stage).ifPresent(note -> out().printf("  %s%n", note));
        }
        List<String> conflicted = new Conflicts(stages, git).markers();
        if (!conflicted.isEmpty()) { // check refuses to build them: said now, not after the edits
            out().printf("  Note: git's conflict lines (<<<<<<< and >>>>>>>) are still in %s: check builds nothing until"
                    + " they are gone.%n", String.join(", ", conflicted));
        }
        out().printf("%nTo do (the guide: workshop/%s):%n", step.guide());
        for (Lesson lesson : step.withRegressions()) { // the lines check prints, in its order
            out().printf("  [ ] %s%n", lesson.title());
        }
        out().printf("%nWhen you have made the edits: %s%n", tool("check"));
        return 0;
    }

    /** Which step to start, said from where the working copy is. */
    private String whichStep() {
        String current = stages.marked().orElse(null);
        Stages.Stage next = current == null ? null : stages.all().stream()
                .dropWhile(stage -> !stage.name().equals(current)).skip(1).findFirst().orElse(null);
        return "Name the step to start, e.g. " + tool("start step-2") + "."
                + (next != null ? " Your working copy is " + current + "; once its check passes, the next step: "
                        + tool("start " + next.branch()) : "");
    }

    /** Step N builds on step N-1: starting elsewhere would leave the attendee with code the guide does not describe. */
    private void requireThePreviousStep(Stages.Stage stage, String current) {
        Stages.Stage previous = stages.all().stream().filter(s -> s.number() == stage.number() - 1).findFirst()
                .orElseThrow(() -> new WorkshopException(stage.name() + " is the first step: there is nothing to start."
                        + (stage.name().equals(current) ? "" : " To put the working copy back to it: " + tool("use " + stage.branch()))));
        if (!stage.name().equals(current) && !previous.name().equals(current) && !force) {
            boolean past = stages.named(current).filter(s -> s.number() > stage.number()).isPresent();
            if (past) { // going back: use drops the later steps' work from the working copy
                throw new WorkshopException("Your working copy is " + current + ", past " + stage.name() + ". To do "
                        + stage.name() + " again, commit your work (use replaces the working copy; your commit keeps it,"
                        + " and when you start " + current + " again, start names that commit and how to bring its code back), then:\n  "
                        + tool("use " + previous.name()) + "\n  " + tool("start " + stage.name())
                        + "\nTo see what the step changes: " + tool("diff " + previous.name() + " " + stage.name()));
            }
            String shown = current == null ? "not named (" + Stages.MARKER + " is missing)"
                    : stages.named(current).isPresent() ? current : "'" + current + "', no stage";
            throw new WorkshopException("Your working copy is " + shown + ", and " + stage.name() + " builds on "
                    + previous.name() + ". Finish that step first, or jump to it with:\n  " + tool("use " + previous.name()));
        }
    }

    /**
     * The step before was started, but its code is still that of the step before it: none of its
     * edits made. Starting the next step then would leave it out without a word, and the next
     * check would point at the new step's guide only.
     */
    private void requireAnEditOfThePreviousStep(Stages.Stage stage, String current) throws IOException {
        Stages.Stage previous = stages.find(String.valueOf(stage.number() - 1));
        Stages.Stage beforeIt = stages.all().stream().filter(s -> s.number() == previous.number() - 1).findFirst().orElse(null);
        if (force || beforeIt == null || !previous.name().equals(current) || !sameCode(beforeIt, previous)) {
            return;
        }
        throw new WorkshopException("Your working copy is " + current + ", started but none of its edits made: its code"
                + " (src/main, pom.xml, serverless.yml) is still " + beforeIt.name() + "'s, and " + stage.name()
                + " builds on " + previous.name() + ". Do that step first (workshop/"
                + Curriculum.step(previous.number()).map(StepLessons::guide).orElse("") + "), or jump to it with:\n  "
                + tool("use " + previous.name()) + "\nor start " + stage.name() + " anyway with:\n  " + tool("start " + wanted + " --force"));
    }

    /**
     * Starting step N from step N-1 whose check never passed on the code as it is (failed, never run,
     * or the code changed since): said now, with the way back, since the next check of step N
     * shows step N-1's gaps only among its own lines. Silent where the code is step N-1's finished
     * code ({@code use}), which needs no check.
     */
    private Optional<String> previousStepNotDone(Stages.Stage stage, String current) throws IOException {
        Optional<Stages.Stage> previous = stages.named(current).filter(s -> s.number() == stage.number() - 1);
        if (previous.isEmpty() || sameCode(previous.get(), stage)) {
            return Optional.empty();
        }
        Optional<LastCheck> last = LastCheck.read(stages.root(), current);
        if (last.isPresent() && last.get().passedOnTheCodeAsItIs(stages.root())) {
            return Optional.empty();
        }
        String verdict = last.isPresent() ? last.get().describe(stages.root())
                : "no check of it has run here yet, or since target/ was cleaned";
        return Optional.of("Note: " + current + ", which this step builds on: " + verdict + "." + System.lineSeparator() + "    To finish it first,"
                + " before you commit: git checkout -- " + TESTS + " " + Stages.MARKER + " && git clean -fdq -- " + TESTS
                + " (00-setup.md, \"Started the next step before this one was done?\"), then check.");
    }

    /**
     * A commit of this step from before a way back (use of an earlier step, then its start): the attendee's work on it,
     * which git keeps and nothing else names.
     */
    private Optional<String> earlierWorkOnThisStep(Stages.Stage stage) {
        Git.Result markers = git.exec(null, "log", "-20", "--format=%h%x09%s", "--", Stages.MARKER);
        if (markers.exitCode() != 0) {
            return Optional.empty();
        }
        for (String line : markers.out().strip().lines().toList()) {
            String[] commit = line.split("\t", 2);
            Git.Result marker = git.exec(null, "show", commit[0] + ":" + Stages.MARKER);
            if (marker.exitCode() == 0 && marker.out().strip().equals(stage.name())) {
                return Optional.of("Note: your commit " + commit[0] + (commit.length > 1 ? " (\"" + commit[1] + "\")" : "")
                        + " was at " + stage.name() + " before: git checkout " + commit[0] + " -- src/main pom.xml serverless.yml"
                        + " brings back the code you wrote then.");
            }
        }
        return Optional.empty();
    }

    /** The working copy's code is {@code stage}'s, but for the files that starting {@code started} brings. */
    private boolean sameCode(Stages.Stage stage, Stages.Stage started) throws IOException {
        List<String> brought = Curriculum.step(started.number()).map(StepLessons::provided).orElse(List.of());
        boolean sameMain = Trees.differing(stages.root().resolve("src/main"), stage.dir().resolve("src/main")).stream()
                .allMatch(file -> brought.contains("src/main/" + file));
        return sameMain && Trees.sameFile(stages.root().resolve("pom.xml"), stage.dir().resolve("pom.xml"))
                && Trees.sameFile(stages.root().resolve("serverless.yml"), stage.dir().resolve("serverless.yml"));
    }

    /**
     * Tests are safe to replace when they are what git has, or what the last start brought. Anything
     * else is the attendee's own work: refuse, or stash it with --force.
     */
    private void protectChangedTests(String current, Stages.Stage stage) {
        boolean committed = git.changes(TESTS).isBlank();
        if (committed) {
            return;
        }
        List<String> yours = changedTests(current, stage); // read once: it asks git's history of each differing file
        // As the last start brought them, or as it brought them before a git pull updated the step's tests.
        boolean asBrought = stages.named(current).isPresent() && yours.isEmpty();
        if (asBrought || nothingOfYoursWouldBeReplaced(current, stage)) {
            return;
        }
        if (!force) {
            throw new WorkshopException("Your src/test has changes that start would replace:\n  "
                    + String.join("\n  ", yours) + "\nCommit them, or run again with --force"
                    + " (inside the quotes: " + tool("start " + wanted + " --force") + "): they will be stashed first,"
                    + " and start then prints the command that brings them back.");
        }
        // The marker too, so that the way back is back at the step it was.
        String stash = git.stash("workshop: before start " + wanted, List.of(TESTS, Stages.MARKER));
        // A plain "git stash apply" would collide with the tests start wrote: put them back first.
        String backToYourTests = "git checkout -- " + TESTS + " " + Stages.MARKER + " && git clean -fdq -- " + TESTS
                + " && git stash apply " + stash;
        out().println("Stashed your changes to src/test (git stash list: \"workshop: before start " + wanted + "\")."
                + " To get back to them (dropping this step's tests, and any change made to src/test since):\n  "
                + backToYourTests);
    }

    /**
     * Files of src/test that are the attendee's own (added, or changed from what the last start
     * brought), committed, and not already as {@code stage} has them: replacing them is safe, as git
     * keeps them, but start says so. (Already as {@code stage} has them: e.g. its tests were
     * committed without .workshop-stage, then cloned elsewhere.)
     */
    private List<String> committedTestsOfYourOwn(String current, Stages.Stage stage) throws IOException {
        boolean committed = git.changes(TESTS).isBlank();
        if (!committed || current == null || stages.all().stream().noneMatch(s -> s.name().equals(current))) {
            return List.of();
        }
        Path tests = stages.root().resolve(TESTS);
        List<String> replaced = new ArrayList<>();
        Stages.Stage base = stages.find(current);
        for (String file : new StepTestHistory(stages, git).withoutEarlierVersions(base, Trees.differing(tests, base.dir().resolve(TESTS)))) {
            Path yours = tests.resolve(file);
            if (Files.isRegularFile(yours) && !Trees.sameFile(yours, stage.dir().resolve(TESTS).resolve(file))
                    && !stages.isOwnTest(file, stage.number())) { // kept, not replaced
                replaced.add(TESTS + "/" + file);
            }
        }
        return replaced;
    }

    /**
     * The test files the attendee changed: against the tests the last start brought (in any version
     * git's history has of them, as a git pull may have updated the step since), else as git sees them.
     */
    private List<String> changedTests(String current, Stages.Stage stage) {
        try {
            Optional<Stages.Stage> named = stages.named(current);
            if (named.isPresent()) {
                Stages.Stage base = named.get();
                return new StepTestHistory(stages, git).withoutEarlierVersions(base,
                        Trees.differing(stages.root().resolve(TESTS), base.dir().resolve(TESTS))).stream()
                        .filter(file -> !stages.isOwnTest(file, stage.number())) // kept by start: nothing to protect
                        .map(file -> TESTS + "/" + file).toList();
            }
        } catch (IOException e) {
            // fall back to git's view
        }
        // the paths alone, as above, without git's two-letter codes
        return git.changes(TESTS).stripTrailing().lines().map(line -> line.length() > 3 ? line.substring(3) : line).toList();
    }

    /**
     * Every test file that is not as the current step has it is already as {@code stage}'s start
     * writes it (a git checkout, restore or stash after an earlier start of it took back the tests
     * it changed and .workshop-stage, not the files it added): starting it again loses nothing.
     */
    private boolean nothingOfYoursWouldBeReplaced(String current, Stages.Stage stage) {
        Stages.Stage base = stages.named(current).orElse(null);
        if (base == null) {
            return stages.holdsTestsOf(stage);
        }
        try {
            for (String file : Trees.differing(stages.root().resolve(TESTS), base.dir().resolve(TESTS))) {
                Path yours = stages.root().resolve(TESTS).resolve(file);
                if (Files.exists(yours) && !Trees.sameFile(yours, stage.dir().resolve(TESTS).resolve(file))
                        && !stages.isOwnTest(file, stage.number())) { // the attendee's own tests stay: nothing replaces them
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The attendee's own test files, those the tests of no step up to {@code stage} have (a test of
     * their own, written beside the step's), with their bytes: start puts them back after it
     * replaces src/test.
     */
    private Map<String, byte[]> ownTests(Stages.Stage stage) throws IOException {
        Map<String, byte[]> own = new TreeMap<>();
        Path tests = stages.root().resolve(TESTS);
        if (Files.isDirectory(tests)) {
            try (java.util.stream.Stream<Path> walk = Files.walk(tests)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(path -> !Trees.isClutter(path)).toList()) {
                    String relative = tests.relativize(file).toString().replace('\\', '/');
                    if (stages.isOwnTest(relative, stage.number())) {
                        own.put(relative, Files.readAllBytes(file));
                    }
                }
            }
        }
        return own;
    }

    private void keep(Map<String, byte[]> ownTests) throws IOException {
        for (Map.Entry<String, byte[]> file : ownTests.entrySet()) {
            Path target = stages.root().resolve(TESTS).resolve(file.getKey());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
    }

    /** Helper files of the step that are not its lesson; an existing file is never overwritten. */
    private List<String> bringProvidedFiles(Stages.Stage stage, StepLessons step) throws IOException {
        List<String> brought = new ArrayList<>();
        for (String file : step.provided()) {
            Path target = stages.root().resolve(file);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(stage.dir().resolve(file), target);
                brought.add(file);
            }
        }
        return brought;
    }
}
