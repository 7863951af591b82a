package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareCommandTest {

    @TempDir
    Path root;

    @Test
    void aGitWithoutANameAndEmailGetsANoteThatSaysHowToSetThem() {
        Git git = new Git(root);
        git.run("init", "-q");
        git.run("config", "user.name", "Ada");
        git.run("config", "user.email", "ada@example.com");
        assertThat(PrepareCommand.gitIdentityNote(git)).isEmpty();

        // A new laptop: no name and email, and none made up from the host's name.
        git.run("config", "user.useConfigOnly", "true");
        git.run("config", "user.name", "");
        git.run("config", "user.email", "");

        assertThat(PrepareCommand.gitIdentityNote(git)).hasValueSatisfying(note -> assertThat(note)
                .startsWith("Note: git has no name and email here, so it refuses to commit")
                .contains("git config --global user.name \"Your Name\"", "git config --global user.email you@example.com"));
    }
}
