package com.example.workshop.tools.check;

import java.util.List;

/**
 * One thing a step teaches, and how {@code check} knows it is done: the step's tests that prove it
 * (by class simple name, or {@code Class.method}) and, optionally, a probe of the service running
 * in the local cloud.
 *
 * @param title what the attendee's code does once the lesson is done, e.g. "a hit does not read DynamoDB"
 * @param hint  where in the guide the lesson is taught, e.g. "03-read-aside.md, edit 2: AccountCache"
 * @param tests the tests that prove it, e.g. {@code AccountCacheTest.aHitDoesNotAskTheDatabase}
 * @param probe what the local cloud must show, or null when the tests are the whole proof
 */
public record Lesson(String title, String hint, List<String> tests, Probe probe) {

    public Lesson {
        tests = List.copyOf(tests);
    }

    public static Lesson of(String title, String hint, List<String> tests, Probe probe) {
        return new Lesson(title, hint, tests, probe);
    }

    public static Lesson testedOnly(String title, String hint, String... tests) {
        return new Lesson(title, hint, List.of(tests), null);
    }
}
