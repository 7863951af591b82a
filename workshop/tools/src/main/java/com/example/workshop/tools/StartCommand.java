package com.example.workshop.tools;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.StepLessons;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Parameters(paramLabel = "STEP", description = "e.g. step-3, 3 or read-aside")
    String wanted;

    @Option(names = "--force", description = "Stash your changes to src/test, then start.")
    boolean force;

    StartCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException {
        Stages.Stage stage = stages.find(wanted);
        StepLessons step = Curriculum.step(stage.number())
                .orElseThrow(() -> new WorkshopException("No lessons are written for " + stage.name()));
        String current = readMarker();
        requireThePreviousStep(stage, current);
        protectChangedTests(current);

        Trees.replace(stages.root(), stage.dir(), TESTS);
        List<String> brought = bringProvidedFiles(stage, step);
        Files.writeString(stages.root().resolve(Stages.MARKER), stage.name() + "\n");

        out().printf("Started step %d: %s. Your working copy is becoming %s.%n", step.number(), step.title(), stage.name());
        out().printf("  src/test now holds the step's tests: they fail until your code does what the guide asks.%n");
        brought.forEach(file -> out().printf("  Added %s (the guide says what it is for).%n", file));
        out().printf("%nTo do (the guide: workshop/%s):%n", step.guide());
        for (Lesson lesson : step.withRegressions()) { // the lines check prints, in its order
            out().printf("  [ ] %s%n", lesson.title());
        }
        out().printf("%nWhen you have made the edits: ./mvnw -q -f workshop/tools compile exec:java -Dexec.args=\"check\"%n");
        return 0;
    }

    /** Step N builds on step N-1: starting elsewhere would leave the attendee with code the guide does not describe. */
    private void requireThePreviousStep(Stages.Stage stage, String current) {
        Stages.Stage previous = stages.all().stream().filter(s -> s.number() == stage.number() - 1).findFirst()
                .orElseThrow(() -> new WorkshopException(stage.name() + " is the first step: there is nothing to start."));
        if (!stage.name().equals(current) && !previous.name().equals(current) && !force) {
            boolean past = stages.all().stream().anyMatch(s -> s.name().equals(current) && s.number() > stage.number());
            if (past) { // going back: use drops the later steps' work from the working copy
                throw new WorkshopException("Your working copy is " + current + ", past " + stage.name() + ". To do "
                        + stage.name() + " again, commit your work (use replaces the working copy), then: use " + previous.name()
                        + ", and start " + stage.name() + ". To see what the step changes: diff " + previous.name() + " " + stage.name());
            }
            throw new WorkshopException("Your working copy is " + current + ", and " + stage.name() + " builds on "
                    + previous.name() + ". Finish that step first, or jump to it with: use " + previous.name());
        }
    }

    /**
     * Tests are safe to replace when they are what git has, or what the last start brought. Anything
     * else is the attendee's own work: refuse, or stash it with --force.
     */
    private void protectChangedTests(String current) {
        boolean committed = git.run("status", "--porcelain", "--", TESTS).isBlank();
        boolean asBrought = current != null && stages.all().stream().anyMatch(s -> s.name().equals(current))
                && sameTests(stages.find(current));
        if (committed || asBrought) {
            return;
        }
        // A plain "git stash pop" would collide with the tests start wrote: put them back first.
        String backToYourTests = "git checkout -- " + TESTS + " && git clean -fdq -- " + TESTS + " && git stash pop";
        if (!force) {
            throw new WorkshopException("Your src/test has changes that start would replace:\n"
                    + git.run("status", "--porcelain", "--", TESTS).stripTrailing()
                    + "\nCommit them, or run again with --force: they will be stashed first, and\n  " + backToYourTests
                    + "\nbrings them back (dropping this step's tests).");
        }
        git.run("stash", "push", "--include-untracked", "-m", "workshop: before start " + wanted, "--", TESTS);
        out().println("Stashed your changes to src/test. To get back to them (dropping this step's tests):\n  " + backToYourTests);
    }

    private boolean sameTests(Stages.Stage stage) {
        try {
            return Trees.same(stages.root().resolve(TESTS), stage.dir().resolve(TESTS));
        } catch (IOException e) {
            return false;
        }
    }

    private String readMarker() {
        try {
            return Files.readString(stages.root().resolve(Stages.MARKER)).strip();
        } catch (IOException e) {
            return null;
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
