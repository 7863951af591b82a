package com.example.workshop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "use", description = {
        "Set the working copy (pom.xml, serverless.yml, src/ at the root) to a stage.",
        "Refuses to overwrite uncommitted changes unless --force, which stashes them first."})
class UseCommand extends StageCommand {
    @Parameters(paramLabel = "STAGE", description = "e.g. step-3-read-aside, step-3, 3 or read-aside")
    String wanted;

    @Option(names = "--force", description = "Stash uncommitted changes to the working copy, then switch.")
    boolean force;

    UseCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException {
        Stages.Stage stage = stages.find(wanted);
        List<String> paths = new ArrayList<>(Stages.ENTRIES);
        paths.add(Stages.MARKER);
        // stripTrailing: porcelain lines start with a space when only the working tree changed
        String changes = git.changes(paths.toArray(String[]::new)).stripTrailing();
        try (WorkingCopyLock lock = WorkingCopyLock.take(stages.root(), "use")) {
            return use(stage, paths, changes);
        }
    }

    private int use(Stages.Stage stage, List<String> paths, String changes) throws IOException {
        // No stash can be made now, and overwriting would lose the merge's work.
        new Conflicts(stages, git).unmerged("use").ifPresent(why -> {
            throw new WorkshopException(why);
        });
        if (!changes.isEmpty() && isExactlyTheMarkedStage()) {
            // Only what an earlier use (or start's files) wrote, uncommitted: nothing of the attendee's to lose.
            out().println("Your working copy was exactly " + stages.marked().orElseThrow() + ", as use wrote it, uncommitted:"
                    + " nothing of yours to keep, so no stash.");
        } else if (!changes.isEmpty()) {
            if (!force) {
                throw new WorkshopException("Your working copy has changes since your last commit (yours, or files start"
                        + " brought):\n" + changes.lines().map(line -> "  " + Git.inWords(line))
                        .collect(java.util.stream.Collectors.joining("\n")) + "\nCommit them, or run again with --force (inside the quotes: "
                        + tool("use " + wanted + " --force") + "): they will be stashed first, and use then prints the"
                        + " command that brings them back.");
            }
            String stash = git.stash("workshop: before use " + stage.name(), paths);
            // A plain "git stash apply" would collide with the files use wrote: put them back first.
            String backToYourWork = "git checkout -- " + String.join(" ", paths) + " && git clean -fdq -- src && git stash apply "
                    + stash;
            out().println("Stashed your changes (git stash list: \"workshop: before use " + stage.name() + "\")."
                    + " To get back to them (dropping what use wrote, and any change made since):\n  " + backToYourWork);
        }
        replaceWorkingCopy(stage);
        Files.writeString(stages.root().resolve(Stages.MARKER), stage.name() + "\n");
        out().printf("The working copy is now %s. Check it with: %s%n", stage.name(), tool("check"));
        if (git.changes(paths.toArray(String[]::new)).isBlank()) {
            out().println("It is what your last commit has: nothing to commit.");
        } else {
            // Uncommitted, it counts as the attendee's own changes: git diff shows the whole stage, and git checkout undoes edits.
            out().printf("Commit it as your starting point (git checkout -- <file> then takes a file back to it): git add -A && git commit -m \"use %s\"%n",
                    stage.branch());
        }
        stages.numbered(stage.number() + 1).ifPresent(next ->
                out().printf("Or go on with the next step: %s%n", tool("start " + next.branch())));
        return 0;
    }

    /** Whether pom.xml, serverless.yml and src are exactly the stage that .workshop-stage names (line endings aside). */
    private boolean isExactlyTheMarkedStage() throws IOException {
        java.util.Optional<Stages.Stage> marked = stages.marked().flatMap(stages::named);
        if (marked.isEmpty()) {
            return false;
        }
        for (String entry : Stages.ENTRIES) {
            java.nio.file.Path yours = stages.root().resolve(entry);
            java.nio.file.Path its = marked.get().dir().resolve(entry);
            if (Files.notExists(yours) && Files.notExists(its)) {
                continue;
            }
            if (Files.isDirectory(its) ? !Files.isDirectory(yours) || !Trees.same(yours, its) : !Trees.sameFile(yours, its)) {
                return false;
            }
        }
        return true;
    }

    private void replaceWorkingCopy(Stages.Stage stage) throws IOException {
        for (String entry : Stages.ENTRIES) {
            Trees.replace(stages.root(), stage.dir(), entry);
        }
    }
}
