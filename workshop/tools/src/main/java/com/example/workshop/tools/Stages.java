package com.example.workshop.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The stages under solutions/, in step order, and the working copy at the repository root. */
public final class Stages {
    /** What a stage holds, and what the working copy at the root holds of it. */
    static final List<String> ENTRIES = List.of("pom.xml", "serverless.yml", "src");
    /** The file at the root naming the stage the working copy started from. */
    static final String MARKER = ".workshop-stage";
    private static final Pattern STAGE_NAME = Pattern.compile("step-(\\d+)-[a-z0-9-]+");

    public record Stage(int number, String name, Path dir) {
        String branch() {
            return "step-" + number;
        }
    }

    private final Path root;

    public Stages(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    public List<Stage> all() {
        try (Stream<Path> dirs = Files.list(root.resolve("solutions"))) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> {
                        Matcher name = STAGE_NAME.matcher(dir.getFileName().toString());
                        return name.matches() ? new Stage(Integer.parseInt(name.group(1)), name.group(), dir) : null;
                    })
                    .filter(stage -> stage != null)
                    .sorted(Comparator.comparingInt(Stage::number))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What .workshop-stage names (stripped), or empty when the file is missing or blank; a
     * {@link WorkshopException} when it holds git's conflict markers.
     */
    java.util.Optional<String> marked() {
        try {
            // A byte order mark, as older Windows editors save, is no part of the name.
            String marked = Files.readString(root.resolve(MARKER)).replaceFirst("^\uFEFF", "").strip();
            if (marked.contains("<<<<<<<") || marked.contains(">>>>>>>")) {
                // A merge or rebase of two branches at different steps: no command may guess which step the code is.
                throw new WorkshopException(MARKER + " has git's conflict markers: a merge or rebase is under way. Put in"
                        + " it the one step your merged code is at (e.g. step-3-read-aside), then git add " + MARKER
                        + " and finish the merge (or rebase); or undo it with git merge --abort (git rebase --abort).");
            }
            return marked.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(marked);
        } catch (java.nio.file.NoSuchFileException missing) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stage .workshop-stage names, if it names one. */
    java.util.Optional<Stage> markedStage() {
        return marked().flatMap(this::named);
    }

    /** The stage of that name ("step-3-read-aside"), if there is one; none for null. */
    java.util.Optional<Stage> named(String name) {
        return all().stream().filter(stage -> stage.name().equals(name)).findFirst();
    }

    /** The stage of that step number, if there is one. */
    public java.util.Optional<Stage> numbered(int number) {
        return all().stream().filter(stage -> stage.number() == number).findFirst();
    }

    /** Whether {@code stage} is the first step: nothing before it to start from. */
    boolean isFirst(Stage stage) {
        return all().stream().noneMatch(other -> other.number() < stage.number());
    }

    /** The stage .workshop-stage names, or why there is none, for {@code command} ("check"). */
    Stage currentStage(String command) {
        String marked = marked().orElseThrow(() -> new WorkshopException("The working copy names no step: " + MARKER
                + " is missing or empty. git checkout -- " + MARKER + " brings back the committed one; or name the step: "
                + Workshop.command(command + " step-3")));
        return named(marked)
                .orElseThrow(() -> new WorkshopException(MARKER + " names '" + marked + "', which is no stage. Stages: "
                        + all().stream().map(Stage::name).toList() + ". Name the step instead: "
                        + Workshop.command(command + " step-3")));
    }

    /**
     * A test file (relative to src/test, with '/') that the tests of no step up to {@code step}
     * have: the attendee's own, which start keeps where it is (a later step's file of the same path
     * replaces it when that step starts, and its start says so).
     */
    public boolean isOwnTest(String file, int step) {
        return all().stream().filter(stage -> stage.number() <= step)
                .noneMatch(stage -> Files.exists(stage.dir().resolve("src/test").resolve(file)));
    }

    /** Whether the working copy's src/test is {@code stage}'s tests (line endings aside); false when unreadable. */
    boolean holdsTestsOf(Stage stage) {
        try {
            return Trees.same(root.resolve("src/test"), stage.dir().resolve("src/test"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A stage by its full name, "step-3", "3", or the part after the number ("read-aside"); also
     * its folder as a shell's tab completion types it, with Windows' backslashes or not
     * ({@code .\solutions\step-3-read-aside\}), and in any case ("Step-3").
     */
    Stage find(String wanted) {
        String w = wanted.strip().replace('\\', '/').replaceFirst("^(\\./)?solutions/", "").replaceFirst("/+$", "")
                .toLowerCase(java.util.Locale.ROOT).replaceFirst("^step(\\d+)$", "step-$1"); // "step3", as typed in a hurry
        for (Stage stage : all()) {
            if (stage.name().equals(w) || stage.branch().equals(w) || String.valueOf(stage.number()).equals(w)
                    || stage.name().equals(stage.branch() + "-" + w)) {
                return stage;
            }
        }
        throw new WorkshopException("No stage '" + wanted + "'. Stages: "
                + all().stream().map(Stage::name).toList());
    }
}
