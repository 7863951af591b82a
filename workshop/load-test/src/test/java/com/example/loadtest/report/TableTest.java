package com.example.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    private final Table table = new Table(1, "stage", "p99").row("step-1", "12.50").row("step-10", "3.00");

    @Test
    void textAlignsTextLeftAndNumbersRight() {
        assertThat(table.toText("")).isEqualTo("""
                stage      p99
                -------  -----
                step-1   12.50
                step-10   3.00
                """);
    }

    @Test
    void markdownMarksNumberColumnsRightAligned() {
        assertThat(table.toMarkdown()).isEqualTo("""
                | stage | p99 |
                |---|---:|
                | step-1 | 12.50 |
                | step-10 | 3.00 |
                """);
    }
}
