package com.example.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stage whose requests failed is reported as failed, never as a fast stage. */
class ComparisonReportHealthTest {

    private final String report = ComparisonReport.text(SampleResults.run(),
            List.of(SampleResults.withoutCache(), SampleResults.allFailing(), SampleResults.tenPercentErrors()));

    @Test
    void aStageWithNoSuccessesHasNoLatencies() {
        // requests, errors, req/s, then avg ... max: none of them 0.00
        assertThat(lineOf("step-4")).containsPattern("step-4 +50 +50 +25 +- +- +- +- +- +- +0\\.0 % \\(0/50\\)");
    }

    @Test
    void failingStagesAreLeftOutOfTheComparisonWithTheReason() {
        assertThat(report).doesNotContain("-100.0 %").doesNotContain("step-4: DynamoDB reads per request")
                .doesNotContain("step-6: DynamoDB reads per request");
        assertThat(report).contains("Left out of the comparison with step-1: step-4 (none of its 50 measured requests succeeded), "
                + "step-6 (10 of its 100 measured requests failed, more than 5 %).");
    }

    @Test
    void warnsOfEveryStageWithTooManyErrors() {
        assertThat(RunHealth.warnings(List.of(SampleResults.withoutCache(), SampleResults.allFailing(), SampleResults.tenPercentErrors())))
                .containsExactly("WARNING: step-4: none of its 50 measured requests succeeded; its figures are not a measurement.",
                        "WARNING: step-6: 10 of its 100 measured requests failed, more than 5 %; its figures are not a measurement.");
        assertThat(RunHealth.warnings(List.of(SampleResults.withoutCache(), SampleResults.withCache()))).isEmpty();
    }

    @Test
    void aFailingBaselineLeavesNoComparison() {
        String failingFirst = ComparisonReport.text(SampleResults.run(), List.of(SampleResults.allFailing(), SampleResults.withoutCache()));

        assertThat(failingFirst).doesNotContain("Against step-4")
                .contains("Left out of the comparison: step-4, the baseline (none of its 50 measured requests succeeded).");
    }

    private String lineOf(String start) {
        return report.lines().filter(line -> line.strip().startsWith(start + " ")).findFirst().orElseThrow() + " ";
    }
}
