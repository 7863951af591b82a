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
        String changes = git.run(prepend(new String[] {"status", "--porcelain", "--"}, paths)).stripTrailing();
        // A plain "git stash pop" would collide with the files use wrote: put them back first.
        String backToYourWork = "git checkout -- " + String.join(" ", paths) + " && git clean -fdq -- src && git stash pop";
        if (!changes.isEmpty()) {
            if (!force) {
                throw new WorkshopException("Your working copy has uncommitted changes:\n" + changes
                        + "\nCommit them, or run again with --force: they will be stashed first, and\n  " + backToYourWork
                        + "\nbrings them back (dropping what use wrote).");
            }
            git.run(prepend(new String[] {"stash", "push", "--include-untracked", "-m", "workshop: before use " + stage.name(), "--"}, paths));
            out().println("Stashed your changes. To get back to them (dropping what use wrote):\n  " + backToYourWork);
        }
        replaceWorkingCopy(stage);
        Files.writeString(stages.root().resolve(Stages.MARKER), stage.name() + "\n");
        out().printf("The working copy is now %s. Check it with: ./mvnw -q -f workshop/tools compile exec:java -Dexec.args=\"check\"%n", stage.name());
        return 0;
    }

    private void replaceWorkingCopy(Stages.Stage stage) throws IOException {
        for (String entry : Stages.ENTRIES) {
            Trees.replace(stages.root(), stage.dir(), entry);
        }
    }

    static String[] prepend(String[] first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
