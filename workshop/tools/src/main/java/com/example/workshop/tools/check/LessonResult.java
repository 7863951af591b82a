package com.example.workshop.tools.check;

import java.util.List;

/** A lesson, done or not, with what was seen when it is not. */
public record LessonResult(Lesson lesson, List<String> problems) {
    public LessonResult {
        problems = List.copyOf(problems);
    }

    public boolean done() {
        return problems.isEmpty();
    }
}
