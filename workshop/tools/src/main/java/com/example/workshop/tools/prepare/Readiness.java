package com.example.workshop.tools.prepare;

import com.example.workshop.tools.check.Checklist;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the readiness checks and says in one line whether the workshop works offline.
 *
 * <p>Each check is first tried with Maven offline. When preparing ({@code fetch}), a check that
 * fails is run once online, which downloads what it needs and builds it, then tried offline
 * again: so what is already there costs one offline run, and the verdict always comes from an
 * offline run. Without {@code fetch} (the check in the room), nothing is downloaded.
 */
public final class Readiness {
    /** ✔ and ✘, or [ok] and [todo] on a console that cannot show them (as check prints them). */
    private static final Checklist MARKS = Checklist.forConsole();
    /** The command that prepares, for the advice in a verdict. */
    public static final String PREPARE = com.example.workshop.tools.Workshop.command("prepare");

    private final List<ReadinessCheck> checks;
    private final PrintWriter out;

    public Readiness(List<ReadinessCheck> checks, PrintWriter out) {
        this.checks = List.copyOf(checks);
        this.out = out;
    }

    /** Whether every check passed offline, and the one line that says so (or what is missing). */
    public record Result(boolean ready, String verdict) {
    }

    public Result run(boolean fetch) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        boolean downloadsMissing = false;
        for (ReadinessCheck check : checks) {
            out.printf("  ... %s%n      %s%n", check.title(), check.command());
            out.flush();
            long checkStarted = System.nanoTime();
            Outcome outcome = check.run(true);
            if (!outcome.passed() && fetch) {
                out.println("      not ready offline" + (outcome.missesDownloads() ? " (missing: " + MissingDownloads.summary(outcome.missing()) + ")" : "")
                        + ": running it online to fetch and build what it needs...");
                out.flush();
                Outcome online = check.run(false);
                // Online, Maven words a download it could not make differently ("Could not transfer
                // artifact ..."): what the offline run missed is still what is missing. A failure that
                // missed nothing offline (a compile error, say) is told as it is, not as a download.
                outcome = online.passed() ? check.run(true)
                        : Outcome.failed((outcome.missesDownloads() ? "could not download: " : "") + online.detail(),
                                outcome.missing());
            }
            String took = "(" + secondsSince(checkStarted) + " s)";
            if (outcome.passed()) {
                out.printf("  %s %s %s%s%n", MARKS.mark(true), check.title(), took, outcome.detail().isEmpty() ? "" : ": " + outcome.detail());
            } else {
                out.printf("  %s %s %s: %s%n", MARKS.mark(false), check.title(), took, outcome.detail());
                failures.add(check.title());
                downloadsMissing |= outcome.missesDownloads();
            }
            out.flush();
        }
        return new Result(failures.isEmpty(), verdict(failures, downloadsMissing, fetch, secondsSince(started)));
    }

    /** The one line that ends every run. */
    static String verdict(List<String> failures, boolean downloadsMissing, boolean fetched, long seconds) {
        if (failures.isEmpty()) {
            return "READY for offline use: every check passed with Maven offline (" + minutes(seconds) + ").";
        }
        String what = "NOT READY: " + failures.size() + " of the checks failed (" + String.join("; ", failures) + "). ";
        if (!downloadsMissing) {
            return what + "Not a download problem: the lines marked " + MARKS.mark(false) + " above say what failed, and its log how.";
        }
        return what + (fetched
                ? "Downloads are still missing: run prepare again on a network that reaches Maven Central (or your Maven mirror)."
                : "This laptop lacks downloads: run " + PREPARE + " on a good network,"
                        + " or copy the instructor's prepared repository (workshop/00-setup.md, \"No network in the room\").");
    }

    private static long secondsSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanoTime);
    }

    private static String minutes(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
