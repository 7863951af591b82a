package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of tries and the verdict, with checks that stand for a laptop: a set of artifacts it
 * has, which an online run adds to (what Maven does), and an offline run needs.
 */
class ReadinessTest {
    final StringWriter printed = new StringWriter();
    final List<String> runs = new ArrayList<>();

    /** Needs {@code artifact}; an online run downloads it unless the network cannot reach it. */
    ReadinessCheck needing(String title, String artifact, List<String> laptop, boolean reachable) {
        return new ReadinessCheck() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public String command() {
                return "./mvnw " + title;
            }

            @Override
            public Outcome run(boolean offline) {
                runs.add(title + (offline ? " offline" : " online"));
                if (!offline && reachable) {
                    laptop.add(artifact);
                }
                if (!offline && !reachable) {
                    return Outcome.failed("Could not transfer artifact " + artifact + ": Network is unreachable", List.of());
                }
                return laptop.contains(artifact) ? Outcome.passed("")
                        : Outcome.failed("missing downloads: " + artifact, List.of(artifact));
            }
        };
    }

    Readiness.Result run(boolean fetch, ReadinessCheck... checks) throws Exception {
        return new Readiness(List.of(checks), new PrintWriter(printed, true)).run(fetch);
    }

    @Test
    void whatIsThereRunsOnceOfflineAndWhatIsMissingIsFetchedThenCheckedOfflineAgain() throws Exception {
        List<String> laptop = new ArrayList<>(List.of("tools:1"));

        Readiness.Result result = run(true, needing("tools", "tools:1", laptop, true), needing("stage", "sdk:1", laptop, true));

        assertThat(runs).containsExactly("tools offline", "stage offline", "stage online", "stage offline");
        assertThat(result.ready()).isTrue();
        assertThat(result.verdict()).startsWith("READY for offline use");
        assertThat(printed.toString()).contains("✔ tools").contains("✔ stage").contains("missing: sdk:1");
    }

    @Test
    void theCheckInTheRoomDownloadsNothingAndSaysWhatIsMissingAndWhatToDo() throws Exception {
        List<String> laptop = new ArrayList<>();

        Readiness.Result result = run(false, needing("stage", "sdk:1", laptop, true));

        assertThat(runs).containsExactly("stage offline");
        assertThat(laptop).isEmpty();
        assertThat(result.ready()).isFalse();
        assertThat(result.verdict()).startsWith("NOT READY").contains("stage").contains("lacks downloads")
                .contains("prepare").contains("No network in the room");
        assertThat(printed.toString()).contains("✘ stage").contains("missing downloads: sdk:1");
    }

    @Test
    void whatCannotBeDownloadedIsNotReady() throws Exception {
        Readiness.Result result = run(true, needing("stage", "sdk:1", new ArrayList<>(), false));

        assertThat(result.ready()).isFalse();
        assertThat(result.verdict()).contains("Downloads are still missing").contains("run prepare again");
        assertThat(printed.toString()).contains("✘ stage").contains("could not download: Could not transfer artifact sdk:1");
    }

    @Test
    void aFailureThatIsNoDownloadSaysSo() throws Exception {
        ReadinessCheck doesNotCompile = new ReadinessCheck() {
            @Override
            public String title() {
                return "step-1";
            }

            @Override
            public String command() {
                return "./mvnw step-1";
            }

            @Override
            public Outcome run(boolean offline) {
                return Outcome.failed("COMPILATION ERROR: Foo.java:[3,1] ';' expected", List.of());
            }
        };
        Readiness.Result result = run(true, doesNotCompile);

        assertThat(printed.toString()).contains("✘ step-1").contains("COMPILATION ERROR").doesNotContain("could not download");
        assertThat(result.verdict()).contains("Not a download problem");

        String verdict = Readiness.verdict(List.of("the local cloud on your working copy"), false, false, 12);

        assertThat(verdict).startsWith("NOT READY: 1 of the checks failed (the local cloud on your working copy)")
                .contains("Not a download problem");
    }
}
