package com.example.workshop.tools.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the step guides under workshop/ say, as far as {@code check} points at them: which guide
 * edits a file (an edit is a heading naming it), which first names an IAM action, a guide's headings
 * in order. A root without guides (a test's) has no edits: every lesson keeps its own pointer.
 */
final class Guides {
    private final Path dir;

    Guides(Path root) {
        this.dir = root.resolve("workshop");
    }

    /** The repository the guides are in (the working copy's root). */
    Path root() {
        return dir.getParent();
    }

    /** Whether {@code guide} ("03-read-aside.md") has a heading naming {@code file}: an edit of it. */
    boolean hasAnEditOf(String guide, String file) {
        return headings(guide).stream().anyMatch(heading -> heading.contains(file));
    }

    /** "workshop/02-momento-client.md, the edit of Clients.java": the first guide that edits {@code file}, or the file alone. */
    String theFirstEditOf(String file) {
        return stepGuides().stream().filter(guide -> hasAnEditOf(guide, file)).findFirst()
                .map(guide -> "workshop/" + guide + ", the edit of " + file).orElse(file);
    }

    /** The last guide before {@code guide} that edits {@code file} ("02-momento-client.md" for Clients.java at step 4). */
    Optional<String> theLastEditBefore(String file, String guide) {
        return stepGuides().stream().filter(earlier -> earlier.compareTo(guide) < 0).filter(earlier -> hasAnEditOf(earlier, file))
                .reduce((first, second) -> second);
    }

    /**
     * The first guide up to {@code lastGuide} with an edit of serverless.yml whose text names {@code
     * key} as a key ("CACHE_NAME:"): where a key a later step finds at the wrong level was added.
     */
    Optional<String> theFirstServerlessYmlEditWith(String key, String lastGuide) {
        return stepGuides().stream().filter(guide -> guide.compareTo(lastGuide) <= 0)
                .filter(guide -> hasAnEditOf(guide, "serverless.yml") && names(guide, key + ":")).findFirst();
    }

    /** The first guide up to {@code lastGuide} whose text names {@code text} (an IAM action), e.g. "02-momento-client.md". */
    Optional<String> theFirstThatNames(String text, String lastGuide) {
        return stepGuides().stream().filter(guide -> guide.compareTo(lastGuide) <= 0).filter(guide -> names(guide, text)).findFirst();
    }

    boolean names(String guide, String text) {
        try {
            return Files.readString(dir.resolve(guide)).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code guide} has a numbered edit of {@code file} ("### 2. `serverless.yml`: ..."), not only a
     * section about it (guide 01 describes the starting serverless.yml, and edits nothing).
     */
    boolean hasANumberedEditOf(String guide, String file) {
        return headings(guide).stream().anyMatch(heading -> heading.matches("###\\s+\\d+\\..*") && heading.contains(file));
    }

    /** The guide's Markdown headings, in order (its edits are among them). */
    List<String> headings(String guide) {
        try {
            return Files.readAllLines(dir.resolve(guide)).stream().filter(line -> line.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Which of {@code headings} first names {@code file}; MAX_VALUE when none does (or no file). */
    static int editIndex(List<String> headings, String file) {
        for (int i = 0; file != null && i < headings.size(); i++) {
            if (headings.get(i).contains(file)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Which of {@code headings} is the numbered edit of {@code file} ("### 2. `AccountService.java`: ..."); MAX_VALUE
     * when none is (a heading elsewhere in the guide may name the file too).
     */
    static int numberedEditIndex(List<String> headings, String file) {
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).matches("###\\s+\\d+\\.\\s+`" + Pattern.quote(file) + "`.*")) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** 01-...md to 09-...md, sorted: the steps' guides. */
    private List<String> stepGuides() {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("0[1-9]-.*\\.md")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
