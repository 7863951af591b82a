package com.example.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void onlyATerminalThatCanRewriteALineGetsRewrites() {
        assertThat(Progress.terminal(true, "xterm-256color")).isTrue();
        assertThat(Progress.terminal(true, null)).as("Windows sets no TERM").isTrue();
        assertThat(Progress.terminal(false, "xterm-256color")).as("a pipe or a file").isFalse();
        assertThat(Progress.terminal(true, "dumb")).as("Emacs's shell, some screen-reader set-ups").isFalse();
    }
}
