package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.profile.TimeBudget;
import com.example.loadtest.profile.WarmUpCurve;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileWarmUpReportTest {

    @Test
    void theWarmUpCurveShowsEachBlocksMedianThenTheMeasuredOnes() {
        ProfileCommand.Profile step1 = profile("step-1", 1.2, 1.9, 1.6, 1.55);
        ProfileCommand.Profile step4 = profile("step-4", 0.7, 1.05, 0.78, 0.69);

        String table = ProfileCommand.warmUpCurve(List.of(step1, step4));

        assertThat(table).contains("| requests | step-1 p50 | step-4 p50 |")
                .contains("| warm-up 1-2 | 1.90 | 1.05 |")
                .contains("| warm-up 3-4 | 1.60 | 0.78 |")
                .contains("| warm-up 5-5 | 1.55 | 0.69 |")
                .contains("| measured | 1.20 | 0.70 |");
    }

    @Test
    void noCurveWithoutAtLeastTwoBlocks() {
        assertThat(ProfileCommand.warmUpCurve(List.of(profile("step-1", 12.0, 20.0)))).isEmpty();
    }

    /**
     * Each warm-up value fills one block of two requests (the last one alone); one measured request.
     * Values under 2 ms, which the histograms hold exactly (3 significant digits).
     */
    private static ProfileCommand.Profile profile(String stage, double measuredMs, double... blockMedians) {
        WarmUpCurve curve = new WarmUpCurve(2);
        for (int i = 0; i < blockMedians.length; i++) {
            curve.add(blockMedians[i]);
            if (i < blockMedians.length - 1) {
                curve.add(blockMedians[i]);
            }
        }
        TimeBudget budget = new TimeBudget();
        budget.add(measuredMs, measuredMs * 0.8, measuredMs * 0.6, measuredMs * 0.4, measuredMs * 0.2);
        return new ProfileCommand.Profile(stage, budget, null, Map.of(), Map.of(), curve);
    }
}
