package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareCommandTest {

    @TempDir
    Path root;

    @Test
    void aGitWithoutANameAndEmailGetsANoteThatSaysHowToSetThem() {
        assumeTrue(System.getenv("GIT_COMMITTER_NAME") == null && System.getenv("GIT_COMMITTER_EMAIL") == null,
                "GIT_COMMITTER_NAME or GIT_COMMITTER_EMAIL is set here, which gives git an identity whatever its configuration");
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
