package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last check of each step said, kept in target/workshop-check so that {@code list} can
 * tell someone back after a break whether the step they are at was done: how many of its lines
 * passed, when, and whether the code has changed since. One line per step: a check of the next
 * step, then a way back to this one, does not wipe this one's verdict.
 */
public record LastCheck(String stage, int passed, int total, Instant at, String sources, String serverlessYml) {
    private static final String FILE = "target/workshop-check/last-check.txt";

    /**
     * Saves a check's verdict; {@code serverlessYmlJudged} is {@link #serverlessYmlDigest} taken when
     * the check started (no build reads it, but its lines do, and steps 2 and 5 to 7 edit it).
     */
    public static void save(Path root, String stage, int passed, int total, String serverlessYmlJudged) throws IOException {
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        // The sources its build started from: an edit made while the check ran is not what it judged.
        String judged = TestRun.lastBuiltSources(root).orElse(TestRun.sourcesDigest(root));
        List<String> lines = new ArrayList<>(otherStepsLines(file, stage));
        lines.add(String.join(" ", stage, String.valueOf(passed), String.valueOf(total),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), judged, serverlessYmlJudged));
        Files.write(file, lines);
    }

    private static List<String> otherStepsLines(Path file, String stage) throws IOException {
        return Files.isRegularFile(file)
                ? Files.readAllLines(file).stream().filter(line -> !line.startsWith(stage + " ")).toList() : List.of();
    }

    /** A SHA-256 of serverless.yml, or "none" without one. */
    public static String serverlessYmlDigest(Path root) throws IOException {
        Path file = root.resolve("serverless.yml");
        if (!Files.isRegularFile(file)) {
            return "none";
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The last verdict on {@code stage}, if a check of it ran since the last {@code clean} and its line reads. */
    public static Optional<LastCheck> read(Path root, String stage) {
        try {
            for (String line : Files.readAllLines(root.resolve(FILE))) {
                String[] fields = line.strip().split(" ");
                if (fields[0].equals(stage)) {
                    return Optional.of(new LastCheck(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                            Instant.parse(fields[3]), fields[4], fields[5]));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) { // none yet, or written by another version: nothing to say
            return Optional.empty();
        }
    }

    /** "its last check (2026-12-06 04:33 UTC): 1 of 6 checks pass; your code has changed since", for {@code list}. */
    public String describe(Path root) throws IOException {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(at);
        boolean changed = codeChangedSince(root);
        // "the step is done" only of the code as it is: after a way back (use, then start), it may hold none of that work
        String verdict = passed == total ? (changed ? "all checks passed on your code as it was then" : "all checks pass, the step is done")
                : passed + " of " + total + " checks pass";
        return "its last check (" + when + "): " + verdict + (changed ? "; your code has changed since, so check again" : "");
    }

    /** Whether every line of this check passed on the code as it is now. */
    public boolean passedOnTheCodeAsItIs(Path root) throws IOException {
        return passed == total && !codeChangedSince(root);
    }

    private boolean codeChangedSince(Path root) throws IOException {
        return !sources.equals(TestRun.sourcesDigest(root)) || !serverlessYml.equals(serverlessYmlDigest(root));
    }
}
