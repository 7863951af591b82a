package com.example.workshop.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git for Windows checks text files out with CRLF line endings (core.autocrlf=true). The Maven
 * Wrapper's shell script must still run in Git Bash, and its batch file in cmd.exe: the
 * repository's .gitattributes fixes their line endings whatever the setting. Clones the committed
 * repository with that setting, as a Windows attendee's clone would be.
 */
class WindowsCheckoutTest {

    @Test
    void theWrapperScriptsKeepTheirLineEndingsInACheckoutWithAutocrlf(@TempDir Path clone) throws Exception {
        assumeTrue(Files.isDirectory(StageChainTest.ROOT.resolve(".git")),
                "not a git clone (" + StageChainTest.ROOT + "): nothing to check out");

        git(StageChainTest.ROOT, "clone", "--quiet", "--no-checkout", "--config", "core.autocrlf=true",
                StageChainTest.ROOT.toString(), clone.toString());
        // .gitattributes first: git reads it from the working tree, as in a full checkout
        git(clone, "checkout", "HEAD", "--", ".gitattributes");
        git(clone, "checkout", "HEAD", "--", "mvnw", "mvnw.cmd", ".ci/run", "pom.xml");

        assertThat(Files.readString(clone.resolve("pom.xml")))
                .as("pom.xml, an ordinary text file: checked out with CRLF, as Git for Windows does")
                .contains("\r\n");
        assertThat(Files.readString(clone.resolve("mvnw")).contains("\r")).as("mvnw, run by sh, has a CR").isFalse();
        assertThat(Files.readString(clone.resolve(".ci/run")).contains("\r")).as(".ci/run, run by sh, has a CR").isFalse();
        assertThat(Files.readString(clone.resolve("mvnw.cmd")).split("(?<=\n)"))
                .as("mvnw.cmd, run by cmd.exe: every line ends with CRLF")
                .allMatch(line -> line.endsWith("\r\n"));
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", command).isTrue();
        assertThat(git.exitValue()).as("git %s: %s", command, output).isZero();
    }
}
