package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistTest {
    @Test
    void aConsoleThatCannotShowTheTicksGetsBrackets() {
        // Windows' console code pages (cp437, windows-1252) have neither ✔ nor ✘
        assertThat(Checklist.forCharset(Charset.forName("windows-1252")).mark(true)).isEqualTo("[x]");
        assertThat(Checklist.forCharset(Charset.forName("IBM437")).mark(false)).isEqualTo("[ ]");
        assertThat(Checklist.forCharset(StandardCharsets.UTF_8).mark(true)).isEqualTo("✔");
    }

    @Test
    void aConsoleWithoutTheTicksGetsBracketsEverywhereTheChecklistNamesAMark() {
        Lesson wiring = Lesson.of("the client is created during Init", StepCheck.POINTS_AT_A_NOTE + ": CACHE_NAME", List.of(), null);
        StringWriter printed = new StringWriter();

        Checklist.forCharset(Charset.forName("windows-1252")).print(new StepLessons(2, "the client", "02-momento-client.md",
                List.of(wiring)), List.of(new LessonResult(wiring, List.of("local cloud: no CACHE_NAME"))),
                List.of("functions.getUser.CACHE_NAME: not a key the framework reads"), new PrintWriter(printed));

        assertThat(printed.toString()).contains("  [ ] the client is created during Init", "(a [ ] line above points here;")
                .doesNotContain("✘").doesNotContain("✔");
    }

    @Test
    void theConsolesCharsetIsStdoutsNotTheDefault() {
        String before = System.getProperty("stdout.encoding");
        try {
            System.setProperty("stdout.encoding", "IBM437"); // what JDK 19+ sets on a Windows console, with UTF-8 the default
            assertThat(Checklist.stdoutCharset()).isEqualTo(Charset.forName("IBM437"));
        } finally {
            if (before == null) {
                System.clearProperty("stdout.encoding");
            } else {
                System.setProperty("stdout.encoding", before);
            }
        }
    }
}
