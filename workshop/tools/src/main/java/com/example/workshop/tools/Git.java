package com.example.workshop.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the git command line in the repository: the same git the attendee uses. */
final class Git {
    record Result(int exitCode, String out, String err) {
    }

    private final Path root;

    Git(Path root) {
        this.root = root;
    }

    /** Runs git and returns its standard output; any exit code but 0 is an error. */
    String run(String... args) {
        return runWithInput(null, args);
    }

    /**
     * What changed in {@code paths} since the last commit, as {@code git status --porcelain} lists
     * it (all of them when none is given), every untracked file included: a
     * {@code status.showUntrackedFiles=no} in the attendee's config must not hide a new file from
     * a command about to replace its folder.
     */
    String changes(String... paths) {
        List<String> status = new ArrayList<>(List.of("status", "--porcelain", "--untracked-files=all", "--"));
        status.addAll(List.of(paths));
        return run(status.toArray(String[]::new));
    }

    /**
     * A line of {@link #changes} in words ("changed: pom.xml", "new, not committed: src/A.java"), as
     * a reader who does not know git's two-letter codes, or hears them from a screen reader, takes it.
     */
    static String inWords(String porcelainLine) {
        if (porcelainLine.length() < 4) {
            return porcelainLine;
        }
        String code = porcelainLine.substring(0, 2);
        String path = porcelainLine.substring(3);
        String what = code.equals("??") ? "new, not committed"
                : code.contains("U") || code.equals("AA") || code.equals("DD") ? "in conflict"
                : code.contains("D") ? "deleted"
                : code.contains("R") ? "renamed"
                : code.charAt(0) == 'A' ? "new, added"
                : "changed";
        return what + ": " + path;
    }

    /**
     * Stashes the changes to {@code paths} (untracked files too) under {@code message}, and returns the
     * stash's commit in full: the way back names it, not stash@{0}, which a later stash takes (and a
     * short commit of digits only git would read as stash@{n}).
     */
    String stash(String message, java.util.List<String> paths) {
        java.util.List<String> push = new java.util.ArrayList<>(java.util.List.of("stash", "push", "--include-untracked", "-m",
                message, "--"));
        push.addAll(paths);
        run(push.toArray(String[]::new));
        return run("rev-parse", "stash@{0}").strip();
    }

    /**
     * The newest stash, when the attendee made it (not one of the tools' "workshop: before ..."
     * stashes) on the very commit checked out now: work set aside a moment ago ("WIP on main:
     * 3647a56 step 2"). A start then changes src/test and .workshop-stage, and git stash pop can no
     * longer bring it back.
     */
    Optional<String> ownStashOnHead() {
        Result newest = exec(null, "stash", "list", "--max-count=1", "--format=%gs");
        if (newest.exitCode() != 0 || newest.out().isBlank() || newest.out().contains(": workshop: ")) {
            return Optional.empty();
        }
        Result base = exec(null, "rev-parse", "-q", "--verify", "stash@{0}^1");
        Result head = exec(null, "rev-parse", "-q", "--verify", "HEAD");
        boolean onHead = base.exitCode() == 0 && head.exitCode() == 0 && base.out().strip().equals(head.out().strip());
        return onHead ? Optional.of(newest.out().strip()) : Optional.empty();
    }

    /** What to say of {@link #ownStashOnHead}: that its work may be the step's, and to pop it before a start. */
    static String stashNote(String stash) {
        return "your newest git stash (" + stash + ") was made on this very commit. If it holds the work you are doing,"
                + " git stash pop brings it back: do that before any start, after which the pop could not apply. If you"
                + " do not need it: git stash drop.";
    }

    String runWithInput(String input, String... args) {
        Result result = exec(input, args);
        if (result.exitCode() != 0) {
            String why = result.err().isBlank() ? result.out().strip() : result.err().strip(); // some errors go to stdout
            throw new WorkshopException("git " + String.join(" ", args) + " failed" + (why.isEmpty()
                    ? " (exit code " + result.exitCode() + ", no message: stopped with Ctrl-C?). Nothing after it ran;"
                            + " git status shows your files, and git stash list any stash it had made."
                    : ": " + why));
        }
        return result.out();
    }

    /** Runs git and returns its exit code and output, whatever they are. */
    Result exec(String input, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("--no-pager");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(root.toFile()).start();
        } catch (IOException e) {
            throw new WorkshopException("Cannot run git (is it installed and on the PATH?): " + e.getMessage());
        }
        try {
            // Read stderr on another thread, so a chatty git cannot block on a full pipe.
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            try (var in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException gitStoppedReading) {
                // git ended early: its exit code and stderr below say why
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            errReader.join();
            return new Result(exitCode, out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroy();
            throw new WorkshopException("Cannot read what git " + String.join(" ", args) + " printed: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new WorkshopException("Interrupted while running git");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
