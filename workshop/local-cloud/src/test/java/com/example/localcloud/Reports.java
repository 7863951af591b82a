package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.lambda.InvocationReport;
import java.util.List;

/** The end-to-end tests' view of a local cloud's REPORT records. */
final class Reports {
    private Reports() {
    }

    /** The most recent REPORT of {@code function}; fails the test when it has none. */
    static InvocationReport lastOf(LocalCloud cloud, String function) {
        List<InvocationReport> reports = cloud.reports().stream()
                .filter(report -> report.functionName().equals(function)).toList();
        assertThat(reports).as("REPORTs of " + function).isNotEmpty();
        return reports.get(reports.size() - 1);
    }
}
