package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The outcome of every test of a run, read from Surefire's XML reports
 * ({@code target/surefire-reports/TEST-*.xml}).
 */
public final class TestResults {
    /** About four lines of a terminal: enough for an expected and an actual value, no stack trace. */
    private static final int MAX_LENGTH = 320;
    /** The most of one value line that a message too long for {@link #MAX_LENGTH} keeps. */
    private static final int LONG_VALUE = 80;

    /**
     * One test method (a parameterized test: one per invocation). {@code failure} is null when it
     * passed; {@code skipped}, why it did not run (an assumption it waits for), or null when it ran.
     */
    public record TestCase(String className, String method, String failure, String skipped) {
        public TestCase(String className, String method, String failure) {
            this(className, method, failure, null);
        }


        public String simpleClassName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        public String shortName() {
            return simpleClassName() + "." + method;
        }

        boolean passed() {
            return failure == null;
        }

        /** Matches "AccountCacheTest" (every test of the class) or "AccountCacheTest.aHitDoesNotAskTheDatabase". */
        boolean matches(String wanted) {
            int dot = wanted.indexOf('.');
            String wantedClass = dot < 0 ? wanted : wanted.substring(0, dot);
            if (!simpleClassName().equals(wantedClass)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            String wantedMethod = wanted.substring(dot + 1);
            return method.equals(wantedMethod) || method.startsWith(wantedMethod + "(") || method.startsWith(wantedMethod + "[");
        }
    }

    private final List<TestCase> cases;

    public TestResults(List<TestCase> cases) {
        this.cases = List.copyOf(cases);
    }

    public List<TestCase> cases() {
        return cases;
    }

    /** The tests matching {@code wanted} (see {@link TestCase#matches}). */
    public List<TestCase> matching(String wanted) {
        return cases.stream().filter(test -> test.matches(wanted)).toList();
    }

    public static TestResults read(Path reportsDirectory) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        if (!Files.isDirectory(reportsDirectory)) {
            return new TestResults(cases);
        }
        try (Stream<Path> files = Files.list(reportsDirectory)) {
            for (Path report : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                cases.addAll(parse(report));
            }
        }
        return new TestResults(cases);
    }

    private static List<TestCase> parse(Path report) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList testcases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            Map<String, TestCase> byName = new LinkedHashMap<>();
            for (int i = 0; i < testcases.getLength(); i++) {
                Element testcase = (Element) testcases.item(i);
                String failure = firstProblem(testcase);
                TestCase test = new TestCase(testcase.getAttribute("classname"), testcase.getAttribute("name"), failure,
                        skipReason(testcase));
                byName.merge(test.shortName(), test, (a, b) -> a.passed() ? b : a); // a rerun keeps the first failure
            }
            return new ArrayList<>(byName.values());
        } catch (Exception e) {
            throw new IOException("Cannot read the test report " + report + ": " + e.getMessage(), e);
        }
    }

    /** The failure's or error's message on one line, or null when the test passed. */
    private static String firstProblem(Element testcase) {
        for (String kind : List.of("failure", "error")) {
            NodeList problems = testcase.getElementsByTagName(kind);
            if (problems.getLength() > 0) {
                Element problem = (Element) problems.item(0);
                String message = problem.getAttribute("message");
                if (message.isBlank()) {
                    message = problem.getAttribute("type");
                }
                return oneLine(message);
            }
        }
        return null;
    }

    /**
     * Why a skipped test did not run, or null when it ran. Surefire writes an assumption's message
     * as the first line of a stack trace ("org.opentest4j.TestAbortedException: Assumption failed:
     * ..."), a {@code @Disabled} reason as an attribute.
     */
    private static String skipReason(Element testcase) {
        NodeList skipped = testcase.getElementsByTagName("skipped");
        if (skipped.getLength() == 0) {
            return null;
        }
        Element skip = (Element) skipped.item(0);
        String message = skip.getAttribute("message");
        if (message.isBlank()) {
            message = skip.getTextContent().strip().lines().findFirst().orElse("")
                    .replaceFirst("^[\\w.$]+Exception: ", "").replaceFirst("^Assumption failed: ", "");
        }
        return message.isBlank() ? "no reason given" : oneLine(message);
    }

    /**
     * A message's lines joined into one: AssertJ puts what it expected and what it got on lines
     * of their own ("Expecting actual:", the value, "to contain:", ...), and the first line alone
     * says nothing.
     */
    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() > MAX_LENGTH) {
            // A long value (AssertJ's "actual": a whole map of cache entries) must not push out what was
            // expected, which comes after it: each line but the first (the test's own description) is shortened first.
            List<String> lines = text.strip().lines().map(String::strip).toList();
            StringBuilder shortened = new StringBuilder(lines.get(0));
            for (String part : lines.subList(1, lines.size())) {
                shortened.append(' ').append(part.length() > LONG_VALUE ? part.substring(0, LONG_VALUE) + "..." : part);
            }
            line = shortened.toString().replaceAll("\\s+", " ");
        }
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }
}
