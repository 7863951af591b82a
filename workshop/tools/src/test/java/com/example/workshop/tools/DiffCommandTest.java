package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffCommandTest {

    @Test
    void coloursOnlyForAConsoleThatWantsAndCanShowThem() {
        assertThat(DiffCommand.colours(true, Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(DiffCommand.colours(true, Map.of())).as("Windows sets no TERM").isTrue();
        assertThat(DiffCommand.colours(false, Map.of("TERM", "xterm"))).as("a pipe or a file").isFalse();
        assertThat(DiffCommand.colours(true, Map.of("NO_COLOR", "1", "TERM", "xterm"))).isFalse();
        assertThat(DiffCommand.colours(true, Map.of("NO_COLOR", "", "TERM", "xterm"))).as("no-color.org: set and not empty").isTrue();
        assertThat(DiffCommand.colours(true, Map.of("TERM", "dumb"))).isFalse();
    }
}
