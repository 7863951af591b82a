package com.example.workshop.tools.check;

import java.util.List;

/**
 * What one step of the workshop teaches.
 *
 * @param number   the step's number, as in {@code solutions/step-N-*} and {@code workshop/0N-*.md}
 * @param title    e.g. "read-aside caching"
 * @param guide    the guide's file name under workshop/, e.g. "03-read-aside.md"
 * @param lessons  the checklist, in the guide's order; the last line is added by {@link #withRegressions()}
 * @param provided main-code files (paths under the stage) that {@code start} brings because they are not
 *                 the lesson (plumbing the guide tells you about); never overwrites a file you have
 */
public record StepLessons(int number, String title, String guide, List<Lesson> lessons, List<String> provided) {

    /** The line every step ends with: the tests no lesson names, i.e. everything that already worked. */
    public static final String REGRESSIONS = "the tests and routes that worked before still work";

    public StepLessons {
        lessons = List.copyOf(lessons);
        provided = List.copyOf(provided);
    }

    public StepLessons(int number, String title, String guide, List<Lesson> lessons) {
        this(number, title, guide, lessons, List.of());
    }

    /** The lessons, then one line for every other test of the step. */
    public List<Lesson> withRegressions() {
        return withRegressions(null);
    }

    /** The same, the last line also trying {@code probe} in the local cloud (null: tests only). */
    public List<Lesson> withRegressions(Probe probe) {
        List<Lesson> all = new java.util.ArrayList<>(lessons);
        all.add(Lesson.of(REGRESSIONS, "run ./mvnw verify and read the first failure: an edit broke something older",
                List.of(), probe));
        return all;
    }
}
