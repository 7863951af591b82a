package com.example.workshop.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a git merge, rebase or stash pop leaves in the working copy when it could not join two
 * versions of a file (a {@code git pull} of the workshop's updates, say): files still in conflict,
 * and the {@code <<<<<<<} and {@code >>>>>>>} lines git writes into them, which a
 * {@code git add -A} then commits as if resolved. Either way the code is neither version, and a
 * build fails on those lines: said first, instead of a compile error blamed on a guide's edit.
 */
final class Conflicts {
    private final Stages stages;
    private final Git git;

    Conflicts(Stages stages, Git git) {
        this.stages = stages;
        this.git = git;
    }

    /** Why {@code command} cannot run while files are in conflict (git has them unmerged), if they are. */
    Optional<String> unmerged(String command) {
        Git.Result diff = git.exec(null, "diff", "--name-only", "--diff-filter=U");
        String unmerged = diff.out().strip();
        if (diff.exitCode() != 0 || unmerged.isEmpty()) { // not a git clone (a ZIP download): nothing can be unmerged
            return Optional.empty();
        }
        return Optional.of("These files have git conflicts, from a merge, a rebase or a stash apply:\n  "
                + unmerged.replace("\n", "\n  ") + "\nFinish it (edit those files to one version each, git add them, then git"
                + " commit or git rebase --continue) or undo it (git merge --abort, git rebase --abort; after a stash apply, git"
                + " checkout HEAD -- <file>: the stash is kept), then " + command + " again." + whichVersion());
    }

    /** Where the working copy (pom.xml, serverless.yml, src) still has git's conflict lines, if anywhere: "src/...:71". */
    List<String> markers() {
        List<String> found = new ArrayList<>();
        for (String entry : Stages.ENTRIES) {
            Path top = stages.root().resolve(entry);
            if (!Files.exists(top)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(top)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    firstMarker(file).ifPresent(line -> found.add(
                            stages.root().relativize(file).toString().replace('\\', '/') + ":" + line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** Why {@code command} should not go on with conflict lines in the working copy, if there are any. */
    Optional<String> markersLeft(String command) {
        List<String> found = markers();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("These files still have git's conflict lines (<<<<<<< and >>>>>>>), which a merge, a rebase or a"
                + " stash pop writes where it could not join two versions (and git add takes as they are):\n  "
                + String.join("\n  ", found) + "\nEdit each file to one version, without those lines, commit it (git commit -am"
                + " \"conflict resolved\"), then " + command + " again." + whichVersion());
    }

    /** The stage .workshop-stage names; empty when it names none, or is in conflict itself. */
    private Optional<Stages.Stage> currentStage() {
        try {
            return stages.markedStage();
        } catch (WorkshopException markerInConflictToo) {
            return Optional.empty();
        }
    }

    private String whichVersion() {
        Optional<Stages.Stage> current = currentStage();
        boolean firstStep = current.isPresent() && stages.isFirst(current.get());
        String step = current.map(Stages.Stage::branch).orElse("step-N");
        return "\nWhich version: for your code (src/main, pom.xml, serverless.yml), most often yours, the step you are at (in"
                + " a merge, the block after <<<<<<< HEAD; in a rebase, the block after =======; after a stash pop or apply, the"
                + " block before >>>>>>> Stashed changes); for a test under src/test,"
                + (firstStep ? " the workshop's (the other block): step 1's tests are the ones under " + current.get().dir().getParent()
                        .getFileName() + "/" + current.get().name() + "/src/test."
                        : " either: once no file is in conflict and it is committed, " + Workshop.command("start " + step)
                                + (step.equals("step-N") ? " (N: your step)" : "") + " brings the step's tests back.");
    }

    /** The line number of the first conflict line in {@code file}, if it has one (a binary or unreadable file has none). */
    private static Optional<Integer> firstMarker(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (MalformedInputException notText) {
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty(); // the build says what is wrong with it, if anything
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("<<<<<<< ") || line.startsWith(">>>>>>> ") || line.equals("<<<<<<<") || line.equals(">>>>>>>")) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }
}
