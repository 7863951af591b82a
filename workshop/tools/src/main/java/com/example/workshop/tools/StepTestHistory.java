package com.example.workshop.tools;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a test file in src/test is, byte for byte, a version that git's history has of the
 * step's own copy of it (under solutions/): what an earlier start brought, before a git pull of
 * the workshop's updates changed the step's tests. Nothing of the attendee's is in such a file,
 * so start may replace it, and check calls it the step's old test, not the attendee's change.
 */
final class StepTestHistory {
    private static final String TESTS = "src/test";

    private final Stages stages;
    private final Git git;

    StepTestHistory(Stages stages, Git git) {
        this.stages = stages;
        this.git = git;
    }

    /** {@code files} (paths under src/test) less those that are an earlier version of {@code stage}'s. */
    List<String> withoutEarlierVersions(Stages.Stage stage, List<String> files) {
        return files.stream().filter(file -> !isEarlierVersion(stage, file)).toList();
    }

    /** True when src/test/{@code file} is one of the versions the history of {@code stage}'s own copy holds. */
    boolean isEarlierVersion(Stages.Stage stage, String file) {
        String yours = TESTS + "/" + file;
        if (!Files.isRegularFile(stages.root().resolve(yours))) {
            return false;
        }
        Git.Result blob = git.exec(null, "hash-object", "--", yours); // with the file's own line-ending settings, as git add
        return blob.exitCode() == 0 && versions(stage, file).contains(blob.out().strip());
    }

    /** The blobs the file has had under {@code stage}'s folder in the history of HEAD; none outside a repository. */
    private Set<String> versions(Stages.Stage stage, String file) {
        String path = stages.root().relativize(stage.dir().resolve(TESTS).resolve(file)).toString().replace('\\', '/');
        // --raw: ":100644 100644 <before> <after> M\t<path>" for every commit that changed it
        Git.Result log = git.exec(null, "log", "--format=", "--raw", "--no-abbrev", "--", path);
        Set<String> blobs = new HashSet<>();
        if (log.exitCode() != 0) {
            return blobs;
        }
        for (String line : log.out().lines().toList()) {
            String[] fields = line.split("\\s+");
            if (line.startsWith(":") && fields.length >= 4) {
                blobs.add(fields[2]);
                blobs.add(fields[3]);
            }
        }
        blobs.removeIf(blob -> blob.matches("0+")); // "no file": before it was added, or after it was removed
        return blobs;
    }
}
