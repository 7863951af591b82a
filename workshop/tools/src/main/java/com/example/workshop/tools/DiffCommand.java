package com.example.workshop.tools;

import com.example.workshop.tools.check.LastCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = {
        "Show what changes from one stage to another (pom.xml, serverless.yml, src/).",
        "With one stage, from your working copy to that stage: + lines are what it has and your copy does not yet."})
class DiffCommand extends StageCommand {
    @Parameters(index = "0", paramLabel = "FROM", description = "with no TO: the stage to compare your working copy with")
    String from;

    @Parameters(index = "1", paramLabel = "TO", arity = "0..1")
    String to;

    @Option(names = "--stat", description = "Only list the changed files.")
    boolean stat;

    @Option(names = "--no-tests", description = {"Leave out src/test: only the code, pom.xml and serverless.yml",
            "(a step's new tests are most of its diff)."})
    boolean noTests;

    @Option(names = "--this-step", description = {"With one stage: only the files that step changes (those that differ",
            "from the step before it). What an earlier step left different in your copy stays out."})
    boolean thisStep;

    DiffCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() {
        if (thisStep && to != null) {
            throw new WorkshopException("--this-step compares your working copy with one step: " + tool("diff --this-step " + to)
                    + ". A diff of two steps shows only what the second one changes already.");
        }
        // One stage: from the working copy to it, so what the attendee still has to write shows as added.
        Stages.Stage stage = stages.find(to == null ? from : to);
        String fromDir = to == null ? "" : "solutions/" + stages.find(from).name() + "/";
        String toDir = "solutions/" + stage.name() + "/";
        if (to == null) {
            List<String> conflicted = new Conflicts(stages, git).markers();
            if (!conflicted.isEmpty()) {
                out().println("Note: git's conflict lines (<<<<<<< and >>>>>>>, from a merge, a rebase or a stash pop) are still"
                        + " in " + String.join(", ", conflicted) + ": they show below as lines of yours.");
            }
        }
        // git diff --no-index compares everything in the two folders; a copy without the Finder's
        // .DS_Store files (and the like) shows only what the attendee wrote, under the same paths.
        Path copy = temporaryFolder();
        try {
            copyWithoutClutter(copy, fromDir, toDir);
            if (to == null && !noTests) {
                List<String> leftOut = leaveOutTestsTheStepLacks(copy, stage);
                List<String> own = leftOut.stream().filter(file -> laterStepWith(file, stage).isEmpty()).toList();
                List<String> laterSteps = leftOut.stream().filter(file -> !own.contains(file))
                        .map(file -> file + " (" + laterStepWith(file, stage).get().branch() + "'s)").toList();
                if (!own.isEmpty()) {
                    out().println("Left out: your own test files (no step so far has them): "
                            + String.join(", ", own) + ".");
                }
                if (!laterSteps.isEmpty()) { // e.g. diff step-6 at step 7
                    out().println("Left out: a later step's test files, which " + stage.branch() + " does not have: "
                            + String.join(", ", laterSteps) + ".");
                }
            }
            List<String> otherSteps = to == null ? differingOutsideTheStep(copy, toDir, stage) : List.of();
            if (thisStep && !otherSteps.isEmpty()) {
                leaveOut(copy, toDir, otherSteps);
                out().println("Left out: " + otherSteps.size() + (otherSteps.size() == 1 ? " file" : " files") + " that "
                        + stage.branch() + " does not change, which your copy has differently: "
                        + String.join(", ", otherSteps) + ".");
            }
            String differences = diff(copy, fromDir, toDir);
            if (to == null && !differences.equals(NO_DIFFERENCES)) {
                out().println(lastCheckPassed(stage) ? "Your last check of " + stage.branch() + " passed, on your code as it is:"
                        + " what differs below is how you wrote it, not something missing."
                        : "- lines are your copy's (a/), + lines the finished step's (b/" + toDir + ").");
            }
            out().print(differences);
            if (!thisStep && !otherSteps.isEmpty()) {
                // Code of an earlier step written another way (and checked) shows here at every later step.
                out().println("Of these, " + otherSteps.size() + (otherSteps.size() == 1 ? " file is" : " files are") + " not changed"
                        + " by " + stage.branch() + " (an earlier step's, written your own way?). Only the step's files: "
                        + tool("diff --this-step " + from));
            }
        } finally {
            try {
                Trees.deleteRecursively(copy);
            } catch (IOException e) {
                // a temporary folder left behind harms nothing
            }
        }
        out().flush();
        return 0;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("workshop-diff");
        } catch (IOException e) {
            throw new WorkshopException("Cannot make a temporary folder for the files to compare: " + e.getMessage());
        }
    }

    private void copyWithoutClutter(Path copy, String fromDir, String toDir) {
        try {
            for (String entry : Stages.ENTRIES) {
                for (String dir : List.of(fromDir, toDir)) {
                    Trees.copyWithoutClutter(stages.root().resolve(dir + entry), copy.resolve(dir + entry));
                }
            }
        } catch (IOException e) {
            throw new WorkshopException("Cannot copy the files to compare into a temporary folder: " + e.getMessage());
        }
    }

    /** The first step after {@code stage} whose tests hold {@code file} ("src/test/..."), if any. */
    private java.util.Optional<Stages.Stage> laterStepWith(String file, Stages.Stage stage) {
        return stages.all().stream().filter(later -> later.number() > stage.number())
                .filter(later -> Files.exists(later.dir().resolve(file))).findFirst();
    }

    /**
     * The test files that no step up to {@code stage} has (the attendee's own, or a later step's),
     * taken out of the working copy's side: each would show as one that the finished step deletes.
     * Their paths, from src/test.
     */
    private List<String> leaveOutTestsTheStepLacks(Path copy, Stages.Stage stage) {
        Path tests = copy.resolve("src/test");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(tests)) {
            List<Path> own = files.filter(Files::isRegularFile)
                    .filter(file -> stages.isOwnTest(tests.relativize(file).toString().replace('\\', '/'), stage.number()))
                    .sorted().toList();
            for (Path file : own) {
                Files.delete(file);
            }
            return own.stream().map(file -> "src/test/" + tests.relativize(file).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new WorkshopException("Cannot copy the files to compare into a temporary folder: " + e.getMessage());
        }
    }

    /** Whether the last check was of {@code stage}, with every line ✔, and the code has not changed since. */
    private boolean lastCheckPassed(Stages.Stage stage) {
        try {
            java.util.Optional<LastCheck> last = LastCheck.read(stages.root(), stage.name());
            return last.isPresent() && last.get().passedOnTheCodeAsItIs(stages.root());
        } catch (IOException unreadable) {
            return false; // nothing to say
        }
    }

    /**
     * The files (relative to the stage) in which the working copy's side of {@code copy} differs from
     * the stage's, but which the stage does not change from the step before it: none for the first step.
     */
    private List<String> differingOutsideTheStep(Path copy, String toDir, Stages.Stage stage) {
        java.util.Optional<Stages.Stage> before = stages.numbered(stage.number() - 1);
        if (before.isEmpty()) {
            return List.of();
        }
        try {
            List<String> theStepChanges = differing(before.get().dir(), stage.dir());
            List<String> outside = new ArrayList<>(differing(copy, copy.resolve(toDir)));
            outside.removeAll(theStepChanges);
            if (noTests) {
                outside.removeIf(file -> file.startsWith("src/test/"));
            }
            return outside;
        } catch (IOException e) {
            throw new WorkshopException("Cannot compare the files: " + e.getMessage());
        }
    }

    /** The files of pom.xml, serverless.yml and src/ (relative, with '/') that differ between two folders. */
    private static List<String> differing(Path a, Path b) throws IOException {
        List<String> differing = new ArrayList<>();
        for (String entry : Stages.ENTRIES) {
            if (Files.isDirectory(a.resolve(entry)) || Files.isDirectory(b.resolve(entry))) {
                Trees.differing(a.resolve(entry), b.resolve(entry)).forEach(file -> differing.add(entry + "/" + file));
            } else if (Files.exists(a.resolve(entry)) != Files.exists(b.resolve(entry))
                    || Files.exists(a.resolve(entry)) && !Trees.sameFile(a.resolve(entry), b.resolve(entry))) {
                differing.add(entry);
            }
        }
        return differing;
    }

    /** Takes these files out of both sides of the comparison. */
    private static void leaveOut(Path copy, String toDir, List<String> files) {
        try {
            for (String file : files) {
                Files.deleteIfExists(copy.resolve(file));
                Files.deleteIfExists(copy.resolve(toDir + file));
            }
        } catch (IOException e) {
            throw new WorkshopException("Cannot leave files out of the comparison: " + e.getMessage());
        }
    }

    private static final String NO_DIFFERENCES = "No differences.\n";

    private String diff(Path copy, String fromDir, String toDir) {
        Git git = new Git(copy);
        StringBuilder all = new StringBuilder();
        for (String entry : Stages.ENTRIES) {
            String path = noTests && entry.equals("src") ? "src/main" : entry;
            if (!Files.exists(copy.resolve(fromDir + path)) && !Files.exists(copy.resolve(toDir + path))) {
                continue; // on neither side (left out with --this-step): git would fail to open both
            }
            // A Windows editor's CRLF is not a difference: without core.autocrlf, every line would show as changed.
            // --no-ext-diff: the attendee's own diff.external would print something else than the lines.
            List<String> args = new ArrayList<>(List.of("diff", "--no-index", "--no-ext-diff", "--ignore-cr-at-eol"));
            args.add(colours(consoleIsATerminal(), System.getenv()) ? "--color=always" : "--color=never");
            if (stat) {
                args.add("--stat");
            }
            args.addAll(List.of("--", side(copy, fromDir + path, toDir + path), side(copy, toDir + path, fromDir + path)));
            Git.Result result = git.exec(null, args.toArray(String[]::new));
            // 1 means "there are differences", but also comes with "Could not access" for a file that is not there
            if (result.exitCode() > 1 || result.exitCode() == 1 && result.out().isEmpty() && !result.err().isBlank()) {
                throw new WorkshopException("git diff failed: " + result.err().strip());
            }
            all.append(fromDir.isEmpty() ? withYourPathForANewFile(result.out(), toDir) : result.out());
        }
        return all.isEmpty() ? NO_DIFFERENCES : stat ? withOneSummary(all.toString()) : all.toString();
    }

    /** A header line of git's, after the colour codes it may start with. */
    private static final Pattern NEW_FILE_HEADER = Pattern.compile("^((?:\\e\\[[0-9;]*m)*diff --git a/)(\\S+)", Pattern.MULTILINE);

    /**
     * git names a file that only the stage has by the stage's path on both sides ("diff --git
     * a/solutions/step-3-.../AccountCache.java b/solutions/..."), as if it were there already; the
     * a/ side is where the attendee writes it, as for every other file.
     */
    static String withYourPathForANewFile(String differences, String toDir) {
        return NEW_FILE_HEADER.matcher(differences).replaceAll(header -> Matcher.quoteReplacement(header.group(1)
                + (header.group(2).startsWith(toDir) ? header.group(2).substring(toDir.length()) : header.group(2))));
    }

    /** git's --stat summary line: " 3 files changed, 12 insertions(+), 2 deletions(-)". */
    private static final Pattern STAT_SUMMARY = Pattern.compile(
            "^ (\\d+) files? changed(?:, (\\d+) insertions?\\(\\+\\))?(?:, (\\d+) deletions?\\(-\\))?\\R", Pattern.MULTILINE);

    /** The --stat of pom.xml, serverless.yml and src/ (one git diff each) with one summary line for all, not one each. */
    static String withOneSummary(String stats) {
        Matcher summary = STAT_SUMMARY.matcher(stats);
        int files = 0;
        int insertions = 0;
        int deletions = 0;
        while (summary.find()) {
            files += Integer.parseInt(summary.group(1));
            insertions += summary.group(2) == null ? 0 : Integer.parseInt(summary.group(2));
            deletions += summary.group(3) == null ? 0 : Integer.parseInt(summary.group(3));
        }
        String total = " " + files + (files == 1 ? " file" : " files") + " changed"
                + (insertions > 0 || deletions == 0 ? ", " + insertions + (insertions == 1 ? " insertion(+)" : " insertions(+)") : "")
                + (deletions > 0 || insertions == 0 ? ", " + deletions + (deletions == 1 ? " deletion(-)" : " deletions(-)") : "");
        return STAT_SUMMARY.matcher(stats).replaceAll("") + total + "\n";
    }

    /**
     * One side of the comparison. A file or folder that is not there (deleted, or never written) shows as
     * added from nothing, as git shows a new file: a missing file is git's /dev/null (every git, Windows
     * included, takes that name), a missing folder an empty one.
     */
    private static String side(Path copy, String path, String otherSide) {
        Path here = copy.resolve(path);
        if (Files.exists(here) || !Files.exists(copy.resolve(otherSide))) {
            return path;
        }
        if (!Files.isDirectory(copy.resolve(otherSide))) {
            return "/dev/null";
        }
        try {
            Files.createDirectories(here);
        } catch (IOException e) {
            throw new WorkshopException("Cannot make a temporary folder for the files to compare: " + e.getMessage());
        }
        return path;
    }

    /** A console that is a terminal: JDK 22 and later give a Console for a pipe too, and say which (isTerminal). */
    private static boolean consoleIsATerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException before22) {
            return true; // before JDK 22 there is a Console only for a terminal
        }
    }

    /**
     * git's colours, which it adds only for a terminal of its own (here a pipe): for the attendee's
     * console, unless it asks for none (NO_COLOR, no-color.org) or cannot show them (TERM=dumb).
     */
    static boolean colours(boolean console, Map<String, String> environment) {
        return console && environment.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(environment.get("TERM"));
    }
}
