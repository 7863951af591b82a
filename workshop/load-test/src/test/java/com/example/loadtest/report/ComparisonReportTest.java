package com.example.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private final String report = ComparisonReport.text(SampleResults.run(),
            List.of(SampleResults.withoutCache(), SampleResults.withCache(), SampleResults.deployed()));

    @Test
    void printsOneRowPerStageWithTheRecordedFigures() {
        assertThat(report).contains("stage", "requests", "errors", "p99.9", "cache hit ratio", "DB reads/req", "DB reads saved");
        assertThat(lineOf("step-1 ")).contains(" 101 ", "10.40", "50.00", "no cache reads", "1.00", "0.0 % (0)", "1 (1 before)");
        assertThat(lineOf("step-5 ")).contains(" 111 ", "90.0 % (180/200)", "0.27", "85.7 % (180)");
    }

    @Test
    void aDeployedTargetSaysItsCountersAreUnavailable() {
        assertThat(lineOf("abc.example.com/dev ")).contains("n/a");
        assertThat(report).contains("abc.example.com/dev: cache and DynamoDB counters not available for a deployed target");
    }

    @Test
    void explainsSkippedFanOutReadsErrorsAndTheComparison() {
        assertThat(report).contains("step-1 does not serve GET /organizations/{organization}/members: its 1 planned requests were skipped");
        assertThat(report).contains("Every endpoint but the fan-out read");
        assertThat(report).contains("step-5: 1 errors, e.g. [GET /organizations/a got 500]");
        // step-5 serves the fan-out read and step-1 does not: their reads per request are over different requests
        assertThat(report).contains("Against step-1: step-5: DynamoDB reads per request n/a (different requests: only one of "
                + "the two serves the fan-out read), avg ");
        assertThat(report).contains("(latency without the fan-out read)").doesNotContain("-73.0 %");
    }

    @Test
    void stagesThatServeTheSameRequestsCompareTheirReads() {
        String sameRequests = ComparisonReport.text(SampleResults.run(), List.of(SampleResults.withoutCache(), SampleResults.tenPercentErrorsFixed()));

        assertThat(sameRequests).contains("Against step-1: step-6: DynamoDB reads per request -90.0 %, avg ");
    }

    @Test
    void listsColdStartsPerPhase() {
        assertThat(report).contains("Cold starts (Init Duration");
        assertThat(report).containsPattern("step-1\\s+warm-up\\s+1\\s+900\\s+900\\s+900\\s+getUser#1");
        assertThat(report).containsPattern("step-1\\s+load\\s+1\\s+1100");
        assertThat(report).containsPattern("step-5\\s+load\\s+0");
    }

    private String lineOf(String start) {
        return report.lines().filter(line -> line.strip().startsWith(start.strip() + " ")).findFirst().orElseThrow() + " ";
    }
}
