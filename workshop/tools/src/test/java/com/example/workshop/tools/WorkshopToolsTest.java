package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LessonResult;
import com.example.workshop.tools.check.StepLessons;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage tools on a small repository with two stages, driven with the real git. */
class WorkshopToolsTest {
    @TempDir
    Path root;
    Git git;
    String output;
    String errors;

    @BeforeEach
    void repositoryWithTwoStages() throws IOException {
        writeStage("step-1-first", "<project>one</project>", "class A {}");
        writeStage("step-2-second", "<project>two</project>", "class A { int cache; }");
        writeStage("step-3-third", "<project>three</project>", "class A { int cache; int more; }");
        Files.writeString(root.resolve("README.md"), "workshop\n");
        git = new Git(root);
        git.run("init", "-q", "-b", "main");
        assertThat(run("use", "step-1")).isZero();
        commit("start");
    }

    @Test
    void listMarksTheCurrentStage() {
        assertThat(run("list")).isZero();

        assertThat(output).contains("* step-1-first").contains("  step-2-second")
                .contains("The working copy is at step-1-first; no check of it has run here yet, or since target/ was cleaned");
    }

    @Test
    void listSaysWhatTheLastCheckOfTheStepFoundAndWhetherTheCodeChangedSince() throws IOException {
        com.example.workshop.tools.check.LastCheck.save(root, "step-1-first", 1, 6, serverlessYml());
        assertThat(run("list")).isZero();
        assertThat(output).contains("step-1-first; its last check (").contains("): 1 of 6 checks pass.");

        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* edited after that check */ }");
        run("list");
        assertThat(output).contains("1 of 6 checks pass; your code has changed since, so check again.").doesNotContain("Next:");

        com.example.workshop.tools.check.LastCheck.save(root, "step-1-first", 6, 6, serverlessYml());
        run("list");
        assertThat(output).contains("all checks pass, the step is done.").contains("Next: ").contains("-Dexec.args=\"start step-2\"");

        Files.writeString(root.resolve("serverless.yml"), "# the IAM statement a check line pointed at, mended\n", java.nio.file.StandardOpenOption.APPEND);
        run("list");
        assertThat(output).as("serverless.yml is the step's code too").contains("your code has changed since")
                .as("done of the code as it was, not as it is").contains("all checks passed on your code as it was then;")
                .doesNotContain("the step is done");

        com.example.workshop.tools.check.LastCheck.save(root, "step-1-first", 6, 6, serverlessYml());
        com.example.workshop.tools.check.LastCheck.save(root, "step-2-second", 2, 6, serverlessYml());
        run("list");
        assertThat(output).as("a check of the next step, then back to this one: this one's verdict stands")
                .contains("step-1-first; its last check (").contains("all checks pass, the step is done.")
                .doesNotContain("2 of 6");
    }

    private String serverlessYml() throws IOException {
        return com.example.workshop.tools.check.LastCheck.serverlessYmlDigest(root);
    }

    @Test
    void aPrintedCommandIsTheGuidesFormOrOnWindowsOneThatPowerShellAndTheCommandPromptTake() {
        assertThat(Workshop.command("start step-2", false))
                .isEqualTo("./mvnw -q -f workshop/tools compile exec:java -Dexec.args=\"start step-2\"");
        // PowerShell splits an unquoted -Dexec.args=... at the dot; the Command Prompt runs no ./mvnw.
        assertThat(Workshop.command("start step-2", true))
                .isEqualTo(".\\mvnw -q -f workshop/tools compile exec:java \"-Dexec.args=start step-2\"");
    }

    @Test
    void aStageIsFoundByTheNamesAShellCompletesAndTheMarkerDespiteAByteOrderMark() throws IOException {
        Stages stages = new Stages(root);
        for (String typed : List.of("step-2-second", "step-2", "2", "second", "solutions/step-2-second/",
                "./solutions/step-2-second/", ".\\solutions\\step-2-second\\", "Step-2", "step2")) {
            assertThat(stages.find(typed).name()).as(typed).isEqualTo("step-2-second");
        }
        assertThatThrownBy(() -> stages.find("step-9")).hasMessageContaining("No stage 'step-9'");

        Files.writeString(root.resolve(".workshop-stage"), "\uFEFFstep-2-second\r\n");
        assertThat(stages.marked()).hasValue("step-2-second");
    }

    @Test
    void useReplacesTheWorkingCopyWithTheStage() throws IOException {
        assertThat(run("use", "2")).isZero();

        assertThat(Files.readString(root.resolve("pom.xml"))).isEqualTo("<project>two</project>");
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).isEqualTo("class A { int cache; }");
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-2-second");
        assertThat(output).contains("now step-2-second");
    }

    @Test
    void useRefusesToOverwriteUncommittedWork() throws IOException {
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* my work */ }");

        assertThat(run("use", "step-2")).isEqualTo(1);

        assertThat(errors).contains("changes since your last commit").contains("  changed: src/main/java/A.java")
                .doesNotContain(" M ").contains("-Dexec.args=\"use step-2 --force\"");
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("my work");

        // A new file, while git's config hides new files from a plain git status.
        git.run("checkout", "--", "src/main/java/A.java");
        git.run("config", "status.showUntrackedFiles", "no");
        Files.writeString(root.resolve("src/main/java/Mine.java"), "class Mine {}");

        assertThat(run("use", "step-2")).isEqualTo(1);

        assertThat(errors).contains("  new, not committed: src/main/java/Mine.java").doesNotContain("??");
        assertThat(root.resolve("src/main/java/Mine.java")).exists();
    }

    @Test
    void forceStashesTheWorkSoItCanComeBack() throws IOException {
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* my work */ }");

        assertThat(run("use", "step-2", "--force")).isZero();

        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).doesNotContain("my work");
        // the printed way back, step by step (git without a shell)
        String stash = git.run("rev-parse", "stash@{0}").strip();
        assertThat(output).contains("git checkout -- pom.xml serverless.yml src .workshop-stage && git clean -fdq -- src"
                + " && git stash apply " + stash);
        git.run("checkout", "--", "pom.xml", "serverless.yml", "src", ".workshop-stage");
        git.run("clean", "-fdq", "--", "src");
        git.run("stash", "apply", stash);
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("my work");
    }

    @Test
    void theWayBackNamesItsOwnStashEvenAfterAnotherOne() throws IOException {
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* my first work */ }");
        run("use", "step-2", "--force");
        String firstWayBack = output.lines().filter(line -> line.contains("git stash apply")).findFirst().orElseThrow();
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* my second work */ }");
        run("use", "step-1", "--force");

        String stash = firstWayBack.substring(firstWayBack.lastIndexOf(' ') + 1);
        git.run("checkout", "--", "pom.xml", "serverless.yml", "src", ".workshop-stage");
        git.run("clean", "-fdq", "--", "src");
        git.run("stash", "apply", stash);

        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("my first work");
    }

    /** Joining late, trying a later step and coming back: what use wrote, uncommitted, is nobody's work to stash. */
    @Test
    void useOverAnUncommittedUseNeedsNoForceAndSaysWhenThereIsNothingToCommit() throws IOException {
        assertThat(run("use", "step-3")).isZero();
        assertThat(output).contains("git add -A && git commit -m \"use step-3\"");

        assertThat(run("use", "step-1")).isZero();

        assertThat(output).contains("was exactly step-3-third, as use wrote it, uncommitted").contains("no stash")
                .contains("It is what your last commit has: nothing to commit.").doesNotContain("git commit -m");
        assertThat(git.run("stash", "list")).isBlank();
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).isEqualTo("class A {}");

        run("use", "step-3");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* my work on step 3 */ }");
        assertThat(run("use", "step-1")).as("an edit of one's own after use is work: refused").isEqualTo(1);
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("my work on step 3");
    }

    @Test
    void startOfTheFirstStepRefusesAndNamesUseWhenTheWorkingCopyIsElsewhere() throws IOException {
        assertThat(run("start", "step-1")).isEqualTo(1);
        assertThat(errors).contains("step-1-first is the first step: there is nothing to start.").doesNotContain("use step-1");

        run("use", "step-2");
        commit("at step 2");
        assertThat(run("start", "step-1")).isEqualTo(1);
        assertThat(errors).contains("To put the working copy back to it: ").contains("-Dexec.args=\"use step-1\"");
    }

    /** A guide's edit typed into the finished code (a code block names its file there) instead of src/. */
    @Test
    void anEditInTheSolutionsIsNotedWithTheWayBack() throws IOException {
        assertThat(CheckCommand.editsInTheSolutionsNote(git)).isEmpty();
        Files.writeString(root.resolve("solutions/step-2-second/src/main/java/A.java"), "class A { int cache; /* my edit */ }");

        assertThat(CheckCommand.editsInTheSolutionsNote(git)).get().asString()
                .contains("changed: solutions/step-2-second/src/main/java/A.java")
                .contains("The guides' edits go in the working copy (src/, pom.xml and serverless.yml at the repository's root),"
                        + " which is what check builds: src/main/java/A.java;")
                .contains("git checkout -- solutions && git clean -fdq -- solutions");

        git.run("checkout", "--", "solutions");
        git.run("clean", "-fdq", "--", "solutions");
        assertThat(CheckCommand.editsInTheSolutionsNote(git)).as("the way back it gives").isEmpty();
    }

    @Test
    void useSaysHowToGoOnWithTheNextStep() {
        assertThat(run("use", "step-2")).isZero();

        assertThat(output).contains("-Dexec.args=\"check\"").contains("-Dexec.args=\"start step-3\"")
                .contains("git add -A && git commit -m \"use step-2\"");
    }

    @Test
    void branchesHoldOneStageEachAndLeaveTheCurrentBranchAlone() throws IOException {
        Files.writeString(root.resolve("README.md"), "uncommitted edit\n");
        String head = git.run("rev-parse", "HEAD").strip();

        assertThat(run("branches")).isZero();

        assertThat(git.run("show", "step-1:pom.xml")).isEqualTo("<project>one</project>");
        assertThat(git.run("show", "step-2:src/main/java/A.java")).isEqualTo("class A { int cache; }");
        assertThat(git.run("show", "step-2:.workshop-stage").strip()).isEqualTo("step-2-second");
        assertThat(git.run("show", "step-2:README.md")).isEqualTo("workshop\n");
        assertThat(git.run("rev-parse", "step-2^").strip()).isEqualTo(git.run("rev-parse", "step-1").strip());
        assertThat(git.run("rev-parse", "step-1^").strip()).as("step-1 on top of your last commit: your branches can merge it")
                .isEqualTo(head);
        assertThat(git.run("rev-parse", "HEAD").strip()).isEqualTo(head);
        assertThat(git.run("symbolic-ref", "--short", "HEAD").strip()).isEqualTo("main");
        assertThat(Files.readString(root.resolve("README.md"))).isEqualTo("uncommitted edit\n");
        assertThat(output).contains("uncommitted changes, which git switch refuses to leave behind: commit them first")
                .contains("your own code is on your branch only");
    }

    @Test
    void branchesSayNothingAboutCommittingWhenAllIsCommitted() {
        assertThat(run("branches")).isZero();

        assertThat(output).contains("Try: git switch step-1").contains("git switch main brings you back").doesNotContain("uncommitted");
        git.run("switch", "-q", "-c", "my-step-2");
        assertThat(run("branches")).isZero();
        assertThat(output).as("the branch you are on").contains("git switch my-step-2 brings you back");
        git.run("switch", "-q", "--detach");
        assertThat(run("branches")).isZero();
        assertThat(output).as("no branch: the commit").contains("git switch --detach " + git.run("rev-parse", "HEAD").strip().substring(0, 12));
    }

    @Test
    void branchesNeverDropACommitOfYoursOnAStepBranch() throws IOException {
        run("branches");
        git.run("switch", "-q", "step-2");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int myExperiment; }");
        commit("my experiment on step-2");
        String mine = git.run("rev-parse", "step-2").strip();
        git.run("switch", "-q", "main");
        Files.writeString(root.resolve("README.md"), "more work on main\n");
        commit("more work on main"); // HEAD moves: every branch would be made anew

        assertThat(run("branches")).isEqualTo(1);

        assertThat(errors).contains("step-2 has commits of yours on top (git log -3 step-2)").contains("git branch -m step-2 my-step-2");
        assertThat(git.run("rev-parse", "step-2").strip()).isEqualTo(mine);
        git.run("branch", "-m", "step-2", "my-step-2");
        assertThat(run("branches")).isZero();
        assertThat(git.run("rev-parse", "my-step-2").strip()).isEqualTo(mine);
    }

    @Test
    void branchesRefuseBeforeAnyChangeWhileAStepBranchItWouldRemakeIsCheckedOut() {
        run("branches");
        String step1 = git.run("rev-parse", "step-1").strip();
        git.run("switch", "-q", "step-3"); // step-1 would now grow from step-3's commit: every branch made anew

        assertThat(run("branches")).isEqualTo(1);

        assertThat(errors).contains("step-3 is checked out, and this would make it anew").contains("git switch main");
        assertThat(git.run("rev-parse", "step-1").strip()).as("nothing rebuilt before the refusal").isEqualTo(step1);
    }

    @Test
    void branchesIsIdempotent() {
        run("branches");
        String step2 = git.run("rev-parse", "step-2").strip();

        assertThat(run("branches")).isZero();

        assertThat(output).contains("step-1   up to date").contains("step-2   up to date");
        assertThat(git.run("rev-parse", "step-2").strip()).isEqualTo(step2);
    }

    @Test
    void diffShowsWhatTheStepChanges() {
        assertThat(run("diff", "step-1", "step-2")).isZero();

        assertThat(output).contains("-<project>one</project>").contains("+<project>two</project>")
                .contains("+class A { int cache; }");
    }

    @Test
    void diffWithoutTestsShowsTheCodeOnly() {
        assertThat(run("diff", "step-1", "step-2")).isZero();
        assertThat(output).contains("step-2-second */");

        assertThat(run("diff", "--no-tests", "step-1", "step-2")).isZero();
        assertThat(output).contains("+class A { int cache; }").contains("+<project>two</project>").doesNotContain("ATest");
    }

    /** --help after a command that needs a stage: its usage, not "Missing required parameter". */
    @Test
    void everyCommandTakesHelp() {
        for (String command : List.of("diff", "use", "start", "check", "list")) {
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(output).as(command).contains("Usage: workshop " + command);
            assertThat(errors).as(command).doesNotContain("Missing required");
        }
    }

    @Test
    void diffAgainstTheWorkingCopy() throws IOException {
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int mine; }");

        assertThat(run("diff", "step-1")).isZero();

        // from the working copy to the stage: what the stage has and the copy lacks is "+"
        assertThat(output).contains("-class A { int mine; }").contains("+class A {}").doesNotContain("pom.xml")
                .startsWith("- lines are your copy's (a/), + lines the finished step's (b/solutions/step-1-first/)");
    }

    @Test
    void diffIgnoresWindowsLineEndings() throws IOException {
        Files.writeString(root.resolve("solutions/step-1-first/src/main/java/B.java"), "class B {\n    int b;\n}\n");
        Files.writeString(root.resolve("src/main/java/B.java"), "class B {\r\n    int b;\r\n}\r\n");

        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).isEqualTo("No differences.\n");

        Files.writeString(root.resolve("src/main/java/B.java"), "class B {\r\n    int mine;\r\n}\r\n");
        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).contains("-    int mine;").contains("+    int b;").doesNotContain("-class B {");
    }

    /** macOS's Finder writes .DS_Store into every folder it shows, in the working copy and in solutions/ alike. */
    @Test
    void diffLeavesOutTheFilesTheFinderAndEditorsWriteBesideTheCode() throws IOException {
        byte[] finders = {0, 0, 0, 1, 'B', 'u', 'd', '1'};
        Files.write(root.resolve("src/main/.DS_Store"), finders);
        Files.write(root.resolve("src/main/java/._A.java"), finders);
        Files.writeString(root.resolve("src/main/java/A.java~"), "class A { /* an editor's backup */ }");
        Files.write(root.resolve("solutions/step-1-first/src/.DS_Store"), finders);

        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).isEqualTo("No differences.\n");
        assertThat(run("diff", "--stat", "step-1", "step-2")).isZero();
        assertThat(output).contains("A.java").doesNotContain("DS_Store");

        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int mine; }");
        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).contains("a/src/main/java/A.java b/solutions/step-1-first/src/main/java/A.java")
                .contains("-class A { int mine; }").doesNotContain("DS_Store").doesNotContain("A.java~");
        assertThat(root.resolve("src/main/.DS_Store")).as("the attendee's files stay").exists();
    }

    /** emacs keeps a lock beside each file it edits: a link that points nowhere. */
    @Test
    void diffLeavesOutAnEditorsLockThatPointsNowhere() throws IOException {
        Files.createSymbolicLink(root.resolve("src/main/java/.#A.java"), Path.of("you@laptop.1234:1733400000"));
        Files.createSymbolicLink(root.resolve("src/main/java/Link.java"), Path.of("nowhere.java"));

        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).isEqualTo("No differences.\n");
    }

    @Test
    void diffShowsAFileOrFolderThatIsNotThereAsAdded() throws IOException {
        Files.delete(root.resolve("serverless.yml"));

        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).contains("--- /dev/null").contains("+++ b/solutions/step-1-first/serverless.yml")
                .as("the a/ side is where you write it").contains("diff --git a/serverless.yml b/solutions/step-1-first/serverless.yml")
                .doesNotContain("No differences.");

        Trees.deleteRecursively(root.resolve("src/main"));
        assertThat(run("diff", "--no-tests", "step-1")).isZero();
        assertThat(output).contains("+++ b/solutions/step-1-first/src/main/java/A.java").contains("+class A {}")
                .contains("+++ b/solutions/step-1-first/serverless.yml");
    }

    @Test
    void aNewFilesHeaderNamesWhereYouWriteItInColourToo() {
        String coloured = "\u001b[1mdiff --git a/solutions/step-3-x/src/B.java b/solutions/step-3-x/src/B.java\u001b[m\n"
                + "\u001b[1mdiff --git a/src/A.java b/solutions/step-3-x/src/A.java\u001b[m\n";

        assertThat(DiffCommand.withYourPathForANewFile(coloured, "solutions/step-3-x/"))
                .contains("\u001b[1mdiff --git a/src/B.java b/solutions/step-3-x/src/B.java\u001b[m\n")
                .contains("diff --git a/src/A.java b/solutions/step-3-x/src/A.java");
    }

    /** A test of the attendee's own is no file that the step deletes: left out, and said so. */
    @Test
    void diffLeavesOutYourOwnTests() throws IOException {
        Files.createDirectories(root.resolve("src/test/java/mine"));
        Files.writeString(root.resolve("src/test/java/mine/MyTest.java"), "class MyTest {}");

        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).isEqualTo("Left out: your own test files (no step so far has them): src/test/java/mine/MyTest.java.\n"
                + "No differences.\n");
        assertThat(root.resolve("src/test/java/mine/MyTest.java")).as("the attendee's file stays").exists();

        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* mine */ }");
        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).as("a step's test file that you changed is still compared").contains("-class ATest { /* mine */ }")
                .doesNotContain("MyTest {}");
    }

    /** At step 3, a diff with step 2 leaves out step 3's own tests too, but does not call them yours. */
    @Test
    void diffWithAnEarlierStepNamesTheLaterStepsTestsItLeavesOut() throws IOException {
        Files.writeString(root.resolve("solutions/step-3-third/src/test/java/BTest.java"), "class BTest {}");
        assertThat(run("use", "step-3")).isZero();
        commit("step 3");
        Files.createDirectories(root.resolve("src/test/java/mine"));
        Files.writeString(root.resolve("src/test/java/mine/MyTest.java"), "class MyTest {}");

        assertThat(run("diff", "step-2")).isZero();
        assertThat(output).startsWith("Left out: your own test files (no step so far has them): src/test/java/mine/MyTest.java.\n"
                + "Left out: a later step's test files, which step-2 does not have: src/test/java/BTest.java (step-3's).\n")
                .doesNotContain("class BTest");
    }

    /** Code of an earlier step written another way shows in every later step's diff: --this-step leaves it out. */
    @Test
    void diffThisStepLeavesOutTheFilesTheStepDoesNotChange() throws IOException {
        assertThat(run("use", "step-2")).isZero();
        commit("step 2");
        Files.writeString(root.resolve("serverless.yml"), "service: mine\n"); // the same in every step: no part of step 3

        assertThat(run("diff", "step-3")).isZero();
        assertThat(output).contains("-service: mine").contains("+class A { int cache; int more; }")
                .endsWith("Of these, 1 file is not changed by step-3 (an earlier step's, written your own way?). Only the step's"
                        + " files: ./mvnw -q -f workshop/tools compile exec:java -Dexec.args=\"diff --this-step step-3\"\n");

        assertThat(run("diff", "--this-step", "step-3")).isZero();
        assertThat(output).startsWith("Left out: 1 file that step-3 does not change, which your copy has differently:"
                + " serverless.yml.\n").contains("+class A { int cache; int more; }").doesNotContain("service: mine")
                .doesNotContain("Of these");

        assertThat(run("diff", "--this-step", "step-2", "step-3")).isEqualTo(1);
        assertThat(errors).contains("--this-step compares your working copy with one step");
    }

    /** After a check that passed, the differences are the attendee's way of writing the step, and diff says so. */
    @Test
    void diffSaysWhenTheStepsLastCheckPassedOnTheCodeAsItIs() throws IOException {
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* written my way */ }");
        com.example.workshop.tools.check.LastCheck.save(root, "step-1-first", 6, 6, serverlessYml());

        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).startsWith("Your last check of step-1 passed, on your code as it is: what differs below is how you"
                + " wrote it, not something missing.\n").contains("+class A {}");
        assertThat(run("diff", "step-2")).isZero();
        assertThat(output).as("another step's diff").doesNotContain("Your last check");

        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* changed since */ }");
        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).as("the code changed since the check").doesNotContain("Your last check");

        com.example.workshop.tools.check.LastCheck.save(root, "step-1-first", 5, 6, serverlessYml());
        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).as("a check with a ✘").doesNotContain("Your last check");

        Files.writeString(root.resolve("src/main/java/A.java"), "class A {}");
        com.example.workshop.tools.check.LastCheck.save(root, "step-1-first", 6, 6, serverlessYml());
        assertThat(run("diff", "step-1")).isZero();
        assertThat(output).as("nothing differs").isEqualTo("No differences.\n");
    }

    /** git diff runs once for pom.xml, serverless.yml and src/: its --stat then ends with one total, not three. */
    @Test
    void diffStatEndsWithOneSummaryLine() {
        assertThat(run("diff", "--stat", "step-1", "step-2")).isZero();

        assertThat(output).contains("pom.xml").contains("A.java").doesNotContain("1 file changed")
                .endsWith(" 3 files changed, 3 insertions(+), 3 deletions(-)\n");
        assertThat(DiffCommand.withOneSummary(" a | 5 +++++\n 1 file changed, 5 insertions(+)\n b | 1 -\n 1 file changed,"
                + " 1 deletion(-)\n")).isEqualTo(" a | 5 +++++\n b | 1 -\n 2 files changed, 5 insertions(+), 1 deletion(-)\n");
    }

    @Test
    void startDoesNotCallTheFindersFilesTestsOfYourOwn() throws IOException {
        Files.writeString(root.resolve(".gitignore"), ".DS_Store\n");
        commit("as the repository ignores it");
        Files.write(root.resolve("src/test/java/.DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});

        assertThat(run("start", "step-2")).isZero();

        assertThat(output).doesNotContain("replaced too").doesNotContain(".DS_Store");
    }

    @Test
    void unknownStageNamesTheStagesThereAre() {
        assertThat(run("use", "step-9")).isEqualTo(1);

        assertThat(errors).contains("No stage 'step-9'").contains("step-1-first").contains("step-2-second");
    }

    @Test
    void startBringsTheStepsTestsAndLeavesTheCodeAlone() throws IOException {
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { /* my step-1 work */ }");

        assertThat(run("start", "step-2")).isZero();

        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("step-2-second");
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("my step-1 work");
        assertThat(Files.readString(root.resolve("pom.xml"))).isEqualTo("<project>one</project>");
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-2-second");
        assertThat(output).contains("Started step 2").contains("[ ] one Momento client per execution environment")
                .contains("[ ] the tests and routes that worked before still work")
                .contains("-Dexec.args=\"check\"");
    }

    @Test
    void startOfTheNextStepReplacesTheTestsTheLastStartBrought() throws IOException {
        run("start", "step-2");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int myCache; }");

        assertThat(run("start", "step-3")).isZero();

        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("step-3-third");
    }

    @Test
    void aSecondCheckInTheSameWorkingCopyIsRefusedWhileTheFirstRuns() throws IOException {
        try (WorkingCopyLock held = WorkingCopyLock.take(root, "check")) {
            assertThat(run("check")).isEqualTo(1);
        }

        assertThat(errors).contains("Another check (or start, use or prepare) is running in this working copy").contains("run check again");
        assertThat(output).doesNotContain("Building your service");
    }

    @Test
    void useAndStartWaitForARunningCheck() throws IOException {
        try (WorkingCopyLock held = WorkingCopyLock.take(root, "check")) {
            assertThat(run("use", "step-2")).isEqualTo(1);
            assertThat(errors).contains("is running in this working copy").contains("run use again");
            assertThat(run("start", "step-2")).isEqualTo(1);
            assertThat(errors).contains("run start again");
            assertThat(run("prepare", "--check")).as("prepare builds into target/ too").isEqualTo(1);
            assertThat(errors).contains("run prepare again");
        }

        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-1-first");
        assertThat(run("start", "step-2")).as("once the check is over").isZero();
    }

    @Test
    void prepareRefusesOptionsThatWouldGoWrongBeforeItStarts() {
        assertThat(run("prepare", "--check", "--for-mirror")).as("--check downloads nothing").isEqualTo(1);
        assertThat(errors).contains("run prepare --for-mirror alone");

        String repository = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", "/media/USB STICK/workshop-m2");
        try {
            assertThat(run("prepare", "--for-mirror")).as("a path MAVEN_ARGS would split").isEqualTo(1);
            assertThat(errors).contains("has a space in it");
        } finally {
            if (repository == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", repository);
            }
        }
        assertThat(output).doesNotContain("Preparing for the workshop");
    }

    @Test
    void aMissingOrWrongMarkerIsSaidNotAStackTrace() throws IOException {
        Files.delete(root.resolve(".workshop-stage"));

        assertThat(run("check")).isEqualTo(1);
        assertThat(errors).contains("names no step").contains("git checkout -- .workshop-stage")
                .doesNotContain("NoSuchFileException");
        assertThat(run("list")).isZero();
        assertThat(output).contains("names no stage");
        assertThat(run("start", "step-3")).isEqualTo(1);
        assertThat(errors).contains("not named (.workshop-stage is missing)").doesNotContain("null");

        Files.writeString(root.resolve(".workshop-stage"), "step-9\n");
        assertThat(run("check")).isEqualTo(1);
        assertThat(errors).contains("names 'step-9', which is no stage");
    }

    @Test
    void startOfTheNextStepIsRefusedWhileNoneOfTheStartedStepsEditsIsMade() throws IOException {
        run("start", "step-2");

        assertThat(run("start", "step-3")).isEqualTo(1);

        assertThat(errors).contains("step-2-second, started but none of its edits made")
                .contains("still step-1-first's").contains("-Dexec.args=\"use step-2-second\"");
        assertThat(Files.readString(root.resolve(".workshop-stage"))).contains("step-2-second");
        assertThat(run("start", "step-3", "--force")).as("--force starts it anyway").isZero();
    }

    @Test
    void startOfTheNextStepSaysWhenTheStepItBuildsOnWasNotDoneAndTheWayBack() throws IOException {
        run("start", "step-2");
        commit("started step 2");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int myCache; }");

        assertThat(run("start", "step-3")).isZero();
        assertThat(output).contains("Note: step-2-second, which this step builds on: no check of it has run here");

        git.run("checkout", "--", "src/test", ".workshop-stage"); // the way back the note gives
        git.run("clean", "-fdq", "--", "src/test");
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-2-second");
        com.example.workshop.tools.check.LastCheck.save(root, "step-2-second", 3, 6, serverlessYml());
        assertThat(run("start", "step-3")).isZero();
        assertThat(output).contains("Started step 3")
                .contains("Note: step-2-second, which this step builds on: its last check (").contains("3 of 6 checks pass")
                .contains("git checkout -- src/test .workshop-stage && git clean -fdq -- src/test");

        git.run("checkout", "--", "src/test", ".workshop-stage");
        git.run("clean", "-fdq", "--", "src/test");
        com.example.workshop.tools.check.LastCheck.save(root, "step-2-second", 6, 6, serverlessYml());
        assertThat(run("start", "step-3")).isZero();
        assertThat(output).as("its check passed on the code as it is").doesNotContain("Note:");
    }

    @Test
    void startOfAStepDoneBeforeAWayBackNamesTheCommitThatKeepsThatWork() throws IOException {
        run("start", "step-2");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int myCache; }");
        commit("step 2 done");
        String done = git.run("log", "-1", "--format=%h").strip();
        assertThat(run("use", "step-1")).isZero(); // to do step 2 again
        commit("use step-1");

        assertThat(run("start", "step-2")).isZero();

        assertThat(output).contains("Note: your commit " + done + " (\"step 2 done\") was at step-2-second before: git checkout "
                + done + " -- src/main pom.xml serverless.yml brings back the code you wrote then.");
        git.run("checkout", done, "--", "src/main", "pom.xml", "serverless.yml");
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("myCache");
    }

    @Test
    void startAfterUseSaysNothingOfTheStepBeforesCheck() {
        run("use", "step-2");
        commit("use step-2");

        assertThat(run("start", "step-3")).isZero();

        assertThat(output).as("the finished step's code needs no check").contains("Started step 3").doesNotContain("Note:");
    }

    @Test
    void startingTheSameStepAgainSaysTheCodeIsKept() throws IOException {
        run("start", "step-2");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int myCache; }");

        assertThat(run("start", "step-2")).isZero();

        assertThat(output).contains("Started step 2 again").contains("as you left it");
        assertThat(Files.readString(root.resolve("src/main/java/A.java"))).contains("myCache");
    }

    @Test
    void startListsOnlyTheTestsYouChangedNotTheOnesItBrought() throws IOException {
        run("start", "step-2");
        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* mine */ }");

        assertThat(run("start", "step-2")).isEqualTo(1);

        assertThat(errors).contains("src/test/java/ATest.java").doesNotContain("??");
    }

    @Test
    void startRefusesToReplaceTestsYouChanged() throws IOException {
        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* my change */ }");

        assertThat(run("start", "step-2")).isEqualTo(1);

        assertThat(errors).contains("src/test has changes").contains("--force").contains("ATest.java");
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("my change");
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-1-first");
    }

    /** A test of the attendee's own, at a path no step's tests have: start keeps it, committed or not. */
    @Test
    void startKeepsTestFilesOfYourOwn() throws IOException {
        git.run("config", "status.showUntrackedFiles", "no"); // hides new files from a plain git status
        Files.createDirectories(root.resolve("src/test/java/mine"));
        Files.writeString(root.resolve("src/test/java/mine/MyTest.java"), "class MyTest {}");

        assertThat(run("start", "step-2")).isZero();

        assertThat(Files.readString(root.resolve("src/test/java/mine/MyTest.java"))).isEqualTo("class MyTest {}");
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("step-2-second");
        assertThat(output).contains("Your own test files stay (no step so far has them): src/test/java/mine/MyTest.java.")
                .doesNotContain("replaced too");

        commit("step 2, and my test");
        assertThat(run("start", "step-2")).as("again, committed").isZero();
        assertThat(root.resolve("src/test/java/mine/MyTest.java")).exists();
    }

    /** A path only a later step's tests have is the attendee's until that step: kept now, and noted as theirs. */
    @Test
    void aTestOfYourOwnAtTheSamePathAsALaterStepsIsKeptUntilThatStep() throws IOException {
        Files.writeString(root.resolve("solutions/step-3-third/src/test/java/LaterTest.java"), "class LaterTest {}");
        Files.writeString(root.resolve("src/test/java/LaterTest.java"), "class LaterTest { /* mine */ }");
        commit("a test of my own");

        assertThat(run("start", "step-2")).isZero();

        assertThat(Files.readString(root.resolve("src/test/java/LaterTest.java"))).contains("mine");
        assertThat(output).contains("Your own test files stay (no step so far has them): src/test/java/LaterTest.java.");
        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .contains("tests of your own").doesNotContain("--force");
    }

    @Test
    void startSaysWhichCommittedTestsOfYourOwnItReplacedAndHowToGetOneBack() throws IOException {
        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* my change */ }");
        commit("my change of the step's test");

        assertThat(run("start", "step-2")).isZero();

        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).doesNotContain("my change");
        assertThat(output).contains("Your own test files (committed) were replaced too: src/test/java/ATest.java")
                .contains("git checkout HEAD -- <file>");
        git.run("checkout", "HEAD", "--", "src/test/java/ATest.java");
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("my change");
    }

    @Test
    void startDoesNotCallTestsReplacedThatAreAlreadyTheStepsOwn() throws IOException {
        // The step's tests committed without .workshop-stage (e.g. "git add src"), then cloned elsewhere.
        Files.writeString(root.resolve("src/test/java/MyTest.java"), "class MyTest {}");
        Files.copy(root.resolve("solutions/step-2-second/src/test/java/ATest.java"), root.resolve("src/test/java/ATest.java"),
                StandardCopyOption.REPLACE_EXISTING);
        commit("step 2's tests, and one of my own");

        assertThat(run("start", "step-2")).isZero();

        assertThat(output).contains("Your own test files stay (no step so far has them): src/test/java/MyTest.java.")
                .doesNotContain("replaced too");
        assertThat(root.resolve("src/test/java/MyTest.java")).exists();
    }

    @Test
    void aStashOfYourOwnOnThisCommitStopsStartUntilItIsPoppedOrDropped() throws IOException {
        run("use", "step-2");
        commit("step 2");
        Files.writeString(root.resolve("src/main/java/Half.java"), "class Half { /* half of step 3 */ }");
        git.run("stash", "push", "--include-untracked");

        assertThat(run("start", "step-3")).as("after start, git stash pop could not apply").isEqualTo(1);
        assertThat(errors).contains("Not started: your newest git stash (WIP on").contains("git stash pop brings it back")
                .contains("git stash drop");
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-2-second");

        git.run("stash", "drop");
        assertThat(run("start", "step-3")).isZero();
        assertThat(git.run("stash", "list")).isEmpty();
    }

    @Test
    void startWithForceStashesYourTestsSoTheyCanComeBack() throws IOException {
        assertThat(writeAndStartWithForce()).isZero();

        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).doesNotContain("my change");
        String stash = git.run("rev-parse", "stash@{0}").strip();
        assertThat(output).contains("git checkout -- src/test .workshop-stage && git clean -fdq -- src/test"
                + " && git stash apply " + stash);
        assertThat(git.run("stash", "list")).contains("before start step-2");
        // the printed way back, step by step: the tests and the step as they were
        git.run("checkout", "--", "src/test", ".workshop-stage");
        git.run("clean", "-fdq", "--", "src/test");
        git.run("stash", "apply", stash);
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("my change");
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-1-first");
    }

    @Test
    void startRefusesToSkipAStep() {
        assertThat(run("start", "step-3")).isEqualTo(1);

        assertThat(errors).contains("builds on step-2-second").contains("-Dexec.args=\"use step-2-second\"");
    }

    @Test
    void startOfAnEarlierStepSaysHowToGoBackNotToFinishIt() {
        run("use", "step-2");
        run("start", "step-3");

        assertThat(run("start", "step-2")).isEqualTo(1);

        assertThat(errors).contains("step-3-third, past step-2-second").contains("-Dexec.args=\"use step-1-first\"")
                .contains("-Dexec.args=\"start step-2-second\"").contains("-Dexec.args=\"diff step-1-first step-2-second\"")
                .contains("your commit keeps it, and when you start step-3-third again, start names that commit")
                .doesNotContain("Finish that step first");
    }

    @Test
    void aCheckOfAnEarlierStepThanTheWorkingCopysSaysWhichStepItIsAt() {
        run("use", "step-2");

        assertThat(run("check", "step-1")).as("no build: step 1's check would meet step 2's tests").isEqualTo(1);

        assertThat(output).contains("Your working copy is at step-2-second (.workshop-stage says so), past step-1-first")
                .contains("-Dexec.args=\"check\"").doesNotContain("git stash pop").doesNotContain("Building");
    }

    @Test
    void aWholeTreeUndoAfterStartIsSaidAndStartRunsAgainWithoutForce() throws IOException {
        run("start", "step-2");
        Files.writeString(root.resolve(".workshop-stage"), "step-1-first\n"); // what git checkout -- . does to it; the tests stay

        assertThat(CheckCommand.anotherStepsTests(new Stages(root), new Stages(root).find("step-1"))).get().asString()
                .contains("src/test holds step-2-second's tests, but .workshop-stage says step-1-first")
                .contains("-Dexec.args=\"start step-2\"").contains("git stash pop").doesNotContain("--force");
        assertThat(run("check")).as("no build: it would blame the code for another step's tests").isEqualTo(1);
        assertThat(output).contains("src/test holds step-2-second's tests").doesNotContain("Building");
        assertThat(run("start", "step-2")).as("the tests it would replace are already step 2's").isZero();
        assertThat(Files.readString(root.resolve(".workshop-stage")).strip()).isEqualTo("step-2-second");
    }

    @Test
    void changedTestsAtTheFirstStepAreNotSentToStartIt() throws IOException {
        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* mine */ }");

        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-1"))).get().asString()
                .contains("differs from step-1-first's tests in src/test/java/ATest.java").contains("git checkout HEAD -- <file>")
                .doesNotContain("start");
    }

    /** A test of the attendee's own is no change to the step's tests: no --force, which would stash it away. */
    @Test
    void testsOfYourOwnAreNotedAsYoursWithoutSendingYouToForce() throws IOException {
        run("use", "step-2");
        Files.writeString(root.resolve("src/test/java/MyTest.java"), "class MyTest {}");

        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .contains("tests of your own").contains("src/test/java/MyTest.java").doesNotContain("--force")
                .doesNotContain("differs from");

        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* mine */ }");
        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .contains("differs from step-2-second's tests in src/test/java/ATest.java").contains("--force")
                .doesNotContain("MyTest.java");
    }

    @Test
    void testFilesOfTheStepThatAreMissingAreSaidToBeMissingAndStartBringsThemBack() throws IOException {
        // Step 2 started elsewhere and committed with "git commit -am": its new test file never came along.
        Files.writeString(root.resolve("solutions/step-2-second/src/test/java/NewTest.java"), "class NewTest {}");
        run("use", "step-2");
        Files.delete(root.resolve("src/test/java/NewTest.java"));
        commit("step 2, without its new test");

        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .contains("step-2-second's test file src/test/java/NewTest.java is missing").contains("git commit -am")
                .contains("-Dexec.args=\"start step-2\" brings it back").doesNotContain("--force");
        // Its tests never ran: the line on the tests that worked before is not done, whatever else passed.
        List<LessonResult> allPassed = List.of(new LessonResult(Lesson.of("a lesson", "A.java", List.of(), null), List.of()),
                new LessonResult(Lesson.of(StepLessons.REGRESSIONS, "run ./mvnw verify", List.of(), null), List.of()));
        List<LessonResult> results = CheckCommand.withMissingTestFiles(new Stages(root), new Stages(root).find("step-2"), allPassed);
        assertThat(results.get(0).done()).isTrue();
        assertThat(results.get(1).done()).isFalse();
        assertThat(results.get(1).problems()).containsExactly("src/test lacks step-2-second's src/test/java/NewTest.java, so its"
                + " tests did not run");
        assertThat(results.get(1).lesson().hint()).contains("-Dexec.args=\"start step-2\" brings it back");
        assertThat(run("start", "step-2-second")).isZero();
        assertThat(root.resolve("src/test/java/NewTest.java")).exists();
    }

    /** Step 3's serverless.yml copied in at step 2: its function's handler is a class step 2's code lacks. */
    @Test
    void aFunctionOfALaterStepsServerlessYmlWhoseClassYourCodeLacksFailsTheRoutesLine() throws IOException {
        String stepTwos = "service: x\nfunctions:\n  getA:\n    handler: A\n";
        Files.writeString(root.resolve("solutions/step-2-second/serverless.yml"), stepTwos);
        Files.writeString(root.resolve("solutions/step-3-third/serverless.yml"), stepTwos + "  listB:\n    handler: pkg.B::handleRequest\n");
        run("use", "step-2");
        List<LessonResult> allPassed = List.of(new LessonResult(Lesson.of("a lesson", "A.java", List.of(), null), List.of()),
                new LessonResult(Lesson.of(StepLessons.REGRESSIONS, "run ./mvnw verify", List.of(), null), List.of()));
        Stages.Stage stepTwo = new Stages(root).find("step-2");
        assertThat(CheckCommand.withFunctionsYourCodeCannotRun(new Stages(root), stepTwo, allPassed)).as("as the step has it")
                .isEqualTo(allPassed);

        Files.copy(root.resolve("solutions/step-3-third/serverless.yml"), root.resolve("serverless.yml"), StandardCopyOption.REPLACE_EXISTING);
        List<LessonResult> results = CheckCommand.withFunctionsYourCodeCannotRun(new Stages(root), stepTwo, allPassed);

        assertThat(results.get(0).done()).isTrue();
        assertThat(results.get(1).done()).isFalse();
        assertThat(results.get(1).problems()).containsExactly("serverless.yml has a function that step-2-second's has not,"
                + " listB, whose handler pkg.B::handleRequest src/main/java lacks: each call of it fails (on AWS too: Lambda"
                + " cannot load the class); step-3-third adds it: is your serverless.yml a later step's?");
        assertThat(results.get(1).lesson().hint()).contains("-Dexec.args=\"diff step-2\" shows how your serverless.yml differs");

        Files.createDirectories(root.resolve("src/main/java/pkg"));
        Files.writeString(root.resolve("src/main/java/pkg/B.java"), "package pkg; public class B {}");
        assertThat(CheckCommand.withFunctionsYourCodeCannotRun(new Stages(root), stepTwo, allPassed))
                .as("a function of your own, whose class you wrote").isEqualTo(allPassed);
    }

    @Test
    void aFileCopiedFromALaterStepsSolutionIsSaidToBeThatStepsAndNamedWhereItDoesNotCompile() throws IOException {
        run("use", "step-1");
        Stages.Stage stepOne = new Stages(root).find("step-1");
        assertThat(LaterStepsFiles.in(new Stages(root), stepOne)).isEmpty();

        Files.copy(root.resolve("solutions/step-3-third/src/main/java/A.java"), root.resolve("src/main/java/A.java"),
                StandardCopyOption.REPLACE_EXISTING);

        java.util.Map<String, Stages.Stage> copied = LaterStepsFiles.in(new Stages(root), stepOne);
        assertThat(LaterStepsFiles.note(copied, stepOne)).get().asString()
                .startsWith("Note: this file is as a later step's finished code has it, not as step-1-first's: A.java"
                        + " (step-3-third's).").contains("solutions/step-1-first/").contains("-Dexec.args=\"diff step-1\"");
        // Its compile error would point at this step's edit of the class it calls, which lacks what it needs.
        List<LessonResult> notCompiling = List.of(new LessonResult(Lesson.of("a lesson", "workshop/01-x.md, the edit of B.java",
                List.of(), null), List.of("your code does not compile:", "  src/main/java/A.java:1: cannot find symbol")),
                new LessonResult(Lesson.of("another lesson", "B.java", List.of(), null), List.of("not tried: your code does not compile")));
        String toTheCopy = "A.java is step-3-third's (the note above): take solutions/step-1-first/src/main/java/A.java"
                + " instead, or make step-1's edit of it from the guide";
        assertThat(LaterStepsFiles.pointedAt(copied, stepOne, notCompiling)).extracting(result -> result.lesson().hint())
                .as("a hint that names a file alone, which the checklist makes a guide's pointer, too").containsExactly(toTheCopy, toTheCopy);
        List<LessonResult> compiling = List.of(new LessonResult(Lesson.of("a lesson", "workshop/01-x.md, the edit of B.java",
                List.of(), null), List.of("BTest.b fails")));
        assertThat(LaterStepsFiles.pointedAt(copied, stepOne, compiling)).as("B.java is this step's").isEqualTo(compiling);
        List<LessonResult> atTheCopiedFile = List.of(new LessonResult(Lesson.of("a lesson", "workshop/01-x.md, the edit of"
                + " A.java", List.of(), null), List.of("ATest.a fails")), new LessonResult(Lesson.of("another", "A.java", List.of(),
                null), List.of("ATest.b fails")));
        assertThat(LaterStepsFiles.pointedAt(copied, stepOne, atTheCopiedFile)).extracting(result -> result.lesson().hint())
                .containsExactly(toTheCopy, toTheCopy);

        Files.writeString(root.resolve("src/main/java/A.java"), "class A { int mine; }");
        assertThat(LaterStepsFiles.in(new Stages(root), stepOne)).as("your own").isEmpty();
    }

    @Test
    void checkingTheNextStepBeforeStartingItSaysToStartIt() throws IOException {
        run("use", "step-2");

        assertThat(CheckCommand.anotherStepsTests(new Stages(root), new Stages(root).find("step-3"))).get().asString()
                .contains("src/test holds step-2-second's tests, not those of step-3-third")
                .contains("Still doing step-2? Check it: ").contains("-Dexec.args=\"check\"")
                .contains("-Dexec.args=\"start step-3\" brings step-3's tests");
        assertThat(CheckCommand.anotherStepsTests(new Stages(root), new Stages(root).find("step-2"))).isEmpty();
        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-2"))).isEmpty();
    }

    /** Step 3's edits typed at step 2 without start step-3: its tests and marker are step 2's. */
    @Test
    void theNextStepsClassesMadeWithoutStartingItAreSaidWithStart() throws IOException {
        Files.createDirectories(root.resolve("solutions/step-3-third/src/main/java/cache"));
        Files.writeString(root.resolve("solutions/step-3-third/src/main/java/cache/Cache.java"), "class Cache {}");
        run("use", "step-2");
        Files.createDirectories(root.resolve("src/main/java/cache"));
        Files.writeString(root.resolve("src/main/java/cache/Cache.java"), "class Cache { /* typed from the guide */ }");
        Files.writeString(root.resolve("src/main/java/Mine.java"), "class Mine {}"); // of the attendee's own: not the next step's

        assertThat(CheckCommand.nextStepsCode(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .startsWith("src/main has code that step-3-third creates (Cache.java), but .workshop-stage says step-2-second")
                .contains("-Dexec.args=\"start step-3\" brings its tests").doesNotContain("Mine.java");
        assertThat(run("check")).as("no build: step 2's tests would blame step 3's code").isEqualTo(1);
        assertThat(output).contains("src/main has code that step-3-third creates").doesNotContain("Building");

        Files.delete(root.resolve("src/main/java/cache/Cache.java"));
        assertThat(CheckCommand.nextStepsCode(new Stages(root), new Stages(root).find("step-2"))).isEmpty();
    }

    @Test
    void aStashAfterStartKeepsOnlyTheTestFilesItAddedAndCheckSaysSo() throws IOException {
        Files.writeString(root.resolve("solutions/step-3-third/src/test/java/NewTest.java"), "class NewTest {}");
        run("use", "step-2");
        commit("step 2");
        run("start", "step-3");
        git.run("checkout", "--", "src/test", ".workshop-stage"); // what a stash leaves: tests start changed go back, added ones stay

        assertThat(CheckCommand.anotherStepsTests(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .contains("src/test has test files that step-3-third adds (java/NewTest.java), but .workshop-stage says step-2-second")
                .contains("-Dexec.args=\"start step-3\"").contains("Back to step-2 instead? git checkout -- src/test .workshop-stage && git clean -fdq -- src/test");
        assertThat(run("start", "step-3")).isZero();
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("step-3-third");
    }

    @Test
    void aMarkerWithMergeConflictMarkersIsSaidAndNothingIsOverwritten() throws IOException {
        Files.writeString(root.resolve(".workshop-stage"), "<<<<<<< HEAD\nstep-2-second\n=======\nstep-3-third\n>>>>>>> my-step-3\n");

        assertThat(run("check")).isEqualTo(1);
        assertThat(errors).contains("conflict markers").contains("git add .workshop-stage");
        assertThat(run("start", "step-3")).isEqualTo(1);
        assertThat(errors).contains("conflict markers");
        assertThat(run("use", "step-2")).as("use does not read the marker, but refuses to overwrite it uncommitted").isEqualTo(1);
        assertThat(Files.readString(root.resolve("pom.xml"))).isEqualTo("<project>one</project>");
    }

    @Test
    void startWithoutAStepNamesTheNextOne() {
        assertThat(run("start")).isEqualTo(1);

        assertThat(errors).contains("Your working copy is step-1-first; once its check passes, the next step:")
                .contains("-Dexec.args=\"start step-2\"");
    }

    @Test
    void aGitThatFailsWithoutAWordIsStillExplained() throws IOException {
        Files.writeString(root.resolve("README.md"), "changed\n");

        // git diff --quiet exits 1 with nothing on stderr, as a git stopped by Ctrl-C may
        assertThatThrownBy(() -> git.run("diff", "--quiet")).isInstanceOf(WorkshopException.class)
                .hasMessageContaining("git diff --quiet failed (exit code 1, no message").hasMessageContaining("git status");
    }

    @Test
    void useInTheMiddleOfAMergeSaysSoAndTouchesNothing() throws IOException {
        mergeStep2Into(() -> run("use", "step-3"), "step 3");

        assertThat(run("use", "step-1", "--force")).isEqualTo(1);

        assertThat(errors).contains("git conflicts, from a merge, a rebase or a stash apply").contains("pom.xml")
                .contains("git merge --abort");
        assertThat(Files.readString(root.resolve("pom.xml"))).contains("<<<<<<<");
    }

    @Test
    void checkAndStartInTheMiddleOfAMergeSayWhichFilesAreInConflictAndBuildNothing() throws IOException {
        mergeStep2Into(() -> write(root.resolve("src/main/java/A.java"), "class A { int mine; }"), "my step 1");

        assertThat(run("check", "step-1")).isEqualTo(1);
        assertThat(output).contains("These files have git conflicts").contains("src/main/java/A.java").contains("then check again")
                .contains("git merge --abort").doesNotContain("Building").contains("-Dexec.args=\"start step-2\"");
        assertThat(run("start", "step-2", "--force")).as("git could not stash a file in conflict").isEqualTo(1);
        assertThat(errors).contains("These files have git conflicts").contains("then start again").doesNotContain("needs merge");
    }

    @Test
    void conflictLinesThatGitAddTookAsResolvedAreSaidByCheckAndDiff() throws IOException {
        String conflicted = "class A {\n<<<<<<< HEAD\n int mine;\n=======\n int theirs;\n>>>>>>> origin/main\n}\n";
        Files.writeString(root.resolve("src/main/java/A.java"), conflicted);
        assertThat(run("check")).isEqualTo(1);
        assertThat(output).as("step 1 has nothing to start: its tests are named where they are")
                .contains("solutions/step-1-first/src/test").doesNotContain("start step-1");

        run("use", "step-2", "--force");
        Files.writeString(root.resolve("src/main/java/A.java"), conflicted);
        commit("merged"); // the README's git add -A && git commit, with the conflict lines still in

        assertThat(run("check")).isEqualTo(1);
        assertThat(output).contains("still have git's conflict lines").contains("src/main/java/A.java:2")
                .contains("git commit -am \"conflict resolved\"").contains("then check again")
                .as("which block is yours after git stash pop too").contains("the block before >>>>>>> Stashed changes")
                .contains("-Dexec.args=\"start step-2\" brings the step's tests back").doesNotContain("Building");
        assertThat(run("start", "step-2")).isZero();
        assertThat(output).contains("Note: git's conflict lines (<<<<<<< and >>>>>>>) are still in src/main/java/A.java:2");
        assertThat(run("diff", "step-2")).isZero();
        assertThat(output).startsWith("Note: git's conflict lines").contains("src/main/java/A.java:2");
    }

    @Test
    void testsThatAPullUpdatedAreTheStepsNotTheAttendeesAndStartTakesTheNewOnes() throws IOException {
        run("start", "step-2"); // its tests brought, not committed
        // The workshop's update, as a git pull brings it: the step's test changed in solutions/.
        Path stepTest = root.resolve("solutions/step-2-second/src/test/java/ATest.java");
        Files.writeString(stepTest, "class ATest { /* step-2-second, with a clearer message */ }");
        git.run("add", "solutions");
        git.run("-c", "user.name=Test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "the maintainers' fix");

        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-2"))).get().asString()
                .contains("the step's tests changed since start brought them").contains("src/test/java/ATest.java")
                .contains("-Dexec.args=\"start step-2\" brings the new ones").doesNotContain("--force");
        assertThat(run("start", "step-2")).as("nothing of the attendee's would be replaced").isZero();
        assertThat(errors).isEmpty();
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("with a clearer message");

        Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* mine */ }");
        assertThat(run("start", "step-2")).as("a test the attendee changed is still protected").isEqualTo(1);
        assertThat(errors).contains("changes that start would replace").contains("src/test/java/ATest.java");
    }

    @Test
    void testsThatAPullUpdatedAtStepOneAreTakenWithUseAsStepOneHasNothingToStart() throws IOException {
        Files.writeString(root.resolve("solutions/step-1-first/src/test/java/ATest.java"), "class ATest { /* fixed */ }");
        commit("the maintainers' fix, in solutions/ only");

        assertThat(CheckCommand.changedTestsNote(new Stages(root), new Stages(root).find("step-1"))).get().asString()
                .contains("the step's tests changed since your clone").contains("-Dexec.args=\"use step-1\" brings the new ones")
                .doesNotContain("start");
        assertThat(run("use", "step-1")).isZero();
        assertThat(Files.readString(root.resolve("src/test/java/ATest.java"))).contains("fixed");
    }

    @Test
    void aGitErrorPrintedOnStandardOutputIsQuoted() throws IOException {
        // git commit with nothing to commit says so on stdout, and exits 1
        assertThatThrownBy(() -> git.run("-c", "user.name=Test", "-c", "user.email=test@localhost", "commit", "-m", "nothing"))
                .isInstanceOf(WorkshopException.class).hasMessageContaining("nothing to commit");
    }

    private int writeAndStartWithForce() {
        try {
            Files.writeString(root.resolve("src/test/java/ATest.java"), "class ATest { /* my change */ }");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return run("start", "step-2", "--force");
    }

    /** A branch at step 2 merged into main after {@code mainsChange} there (committed as {@code message}): a conflict. */
    private void mergeStep2Into(Runnable mainsChange, String message) {
        git.run("switch", "-q", "-c", "second");
        run("use", "step-2");
        commit("step 2");
        git.run("switch", "-q", "main");
        mainsChange.run();
        commit(message);
        git.exec(null, "-c", "user.name=Test", "-c", "user.email=test@localhost", "merge", "-q", "second"); // conflicts
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Workshop.run(root, new PrintWriter(out, true), new PrintWriter(err, true), args);
        output = out.toString();
        errors = err.toString();
        return code;
    }

    private void writeStage(String name, String pom, String source) throws IOException {
        Path stage = root.resolve("solutions").resolve(name);
        Files.createDirectories(stage.resolve("src/main/java"));
        Files.writeString(stage.resolve("pom.xml"), pom);
        Files.writeString(stage.resolve("serverless.yml"), "service: x\n");
        Files.writeString(stage.resolve("src/main/java/A.java"), source);
        Files.createDirectories(stage.resolve("src/test/java"));
        Files.writeString(stage.resolve("src/test/java/ATest.java"), "class ATest { /* " + name + " */ }");
    }

    private void commit(String message) {
        git.run("add", "-A");
        git.run("-c", "user.name=Test", "-c", "user.email=test@localhost", "commit", "-q", "-m", message);
    }
}
