package com.example.loadtest.report;

import com.example.loadtest.run.EndpointStats;
import com.example.loadtest.run.StageResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a stage's measured requests are a measurement: some succeeded, and at most 5 % failed.
 * A stage whose requests mostly failed answers fast (an error is quick), so its latencies would
 * look like a great result; the reports leave it out of every comparison and say why.
 */
public final class RunHealth {

    /** More errors than this share of the measured requests, and a stage's figures are not compared. */
    public static final double MAX_ERROR_SHARE = 0.05;

    private RunHealth() {
    }

    /** Why the stage's figures are not a measurement (e.g. "none of its 50 measured requests succeeded"), or empty. */
    public static Optional<String> problem(StageResult result) {
        EndpointStats total = result.total();
        if (total.successes() == 0) {
            return Optional.of("none of its " + total.requests() + " measured requests succeeded");
        }
        if (total.errors() > MAX_ERROR_SHARE * total.requests()) {
            return Optional.of(String.format(Locale.ROOT, "%d of its %d measured requests failed, more than %.0f %%",
                    total.errors(), total.requests(), MAX_ERROR_SHARE * 100));
        }
        return Optional.empty();
    }

    public static boolean healthy(StageResult result) {
        return problem(result).isEmpty();
    }

    /** One line per stage whose figures are not a measurement; printed after the report. */
    public static List<String> warnings(List<StageResult> results) {
        return results.stream()
                .flatMap(result -> problem(result).map(problem -> "WARNING: " + result.target() + ": " + problem
                        + "; its figures are not a measurement.").stream())
                .toList();
    }
}
