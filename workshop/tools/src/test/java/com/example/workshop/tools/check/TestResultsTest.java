package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestResultsTest {
    @TempDir
    Path reports;

    @Test
    void readsPassesFailuresAndErrorsFromSurefireReports() throws IOException {
        Files.writeString(reports.resolve("TEST-com.example.accounts.cache.AccountCacheTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.example.accounts.cache.AccountCacheTest" tests="3">
                  <testcase name="aHitDoesNotAskTheDatabase" classname="com.example.accounts.cache.AccountCacheTest" time="0.1">
                    <failure message="&#10;expected: 0&#10; but was: 1" type="org.opentest4j.AssertionFailedError">trace</failure>
                  </testcase>
                  <testcase name="notFoundIsCachedToo" classname="com.example.accounts.cache.AccountCacheTest" time="0.1"/>
                  <testcase name="createUserRejects(String)[2]" classname="com.example.accounts.cache.AccountCacheTest" time="0.1">
                    <error type="java.lang.NullPointerException"/>
                  </testcase>
                </testsuite>
                """);
        Files.writeString(reports.resolve("other.txt"), "not a report");

        TestResults results = TestResults.read(reports);

        assertThat(results.cases()).hasSize(3);
        assertThat(results.matching("AccountCacheTest.aHitDoesNotAskTheDatabase")).singleElement()
                .satisfies(test -> assertThat(test.failure()).isEqualTo("expected: 0 but was: 1"));
        assertThat(results.matching("AccountCacheTest.notFoundIsCachedToo")).singleElement()
                .satisfies(test -> assertThat(test.failure()).isNull());
        assertThat(results.matching("AccountCacheTest.createUserRejects")).singleElement()
                .satisfies(test -> assertThat(test.failure()).isEqualTo("java.lang.NullPointerException"));
        assertThat(results.matching("AccountCacheTest")).hasSize(3);
        assertThat(results.matching("AccountCacheTest.notFound")).isEmpty();
        assertThat(results.matching("CacheTest")).isEmpty();
    }

    @Test
    void aLongActualValueIsShortenedSoThatWhatWasExpectedStillShows() {
        String entries = "{\"member#alice#acme\"=\"{\\\"organizationName\\\":\\\"acme\\\",\\\"role\\\":\\\"OWNER\\\"}\", "
                + "\"org#acme\"=\"{...}\", " + "\"user#alice\"=\"{\\\"username\\\":\\\"alice\\\"}\"".repeat(8) + "}";
        String message = "[cache entries right after createOrganization: it must write the organization and its owner's"
                + " membership to the cache] \nExpecting actual:\n  " + entries + "\nto contain key:\n  \"member#acme#alice\"";

        String line = TestResults.oneLine(message);

        assertThat(line).startsWith("[cache entries right after createOrganization: it must write the organization and its"
                + " owner's membership to the cache] Expecting actual: {\"member#alice#acme\"").contains("...")
                .endsWith("to contain key: \"member#acme#alice\"");
        assertThat(TestResults.oneLine("expected: 0\n but was: 1")).isEqualTo("expected: 0 but was: 1");
    }

    @Test
    void aSkippedTestSaysWhyAsSurefireWritesIt() throws IOException {
        Files.writeString(reports.resolve("TEST-com.example.accounts.ConcurrentMembershipTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.example.accounts.ConcurrentMembershipTest" tests="3" skipped="2">
                  <testcase name="aReadRacingAnAdd" classname="com.example.accounts.ConcurrentMembershipTest" time="0.0">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: Assumption failed: addMember does not write the membership to the cache yet
                	at org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:321)]]></skipped>
                  </testcase>
                  <testcase name="disabled" classname="com.example.accounts.ConcurrentMembershipTest" time="0.0">
                    <skipped message="needs a browser"/>
                  </testcase>
                  <testcase name="ran" classname="com.example.accounts.ConcurrentMembershipTest" time="0.1"/>
                </testsuite>
                """);

        TestResults results = TestResults.read(reports);

        assertThat(results.cases()).extracting(TestResults.TestCase::skipped).containsExactly(
                "addMember does not write the membership to the cache yet", "needs a browser", null);
        assertThat(results.cases()).extracting(TestResults.TestCase::failure).containsOnlyNulls();
    }

    @Test
    void noReportsDirectoryMeansNoTests() throws IOException {
        assertThat(TestResults.read(reports.resolve("absent")).cases()).isEmpty();
    }
}
