package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftOverBuildTest {
    @TempDir
    Path root;

    private Process build;

    /** Stands in for a Maven build: a process that runs until it is stopped. */
    private Process aLongBuild() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sleep")), "needs /bin/sleep");
        build = new ProcessBuilder("/bin/sleep", "120").start();
        return build;
    }

    @AfterEach
    void stopTheBuild() {
        if (build != null) {
            build.destroyForcibly();
        }
    }

    @Test
    void aBuildWrittenDownAndNeverForgottenIsStoppedByTheNextCheck() throws Exception {
        Process leftOver = aLongBuild();
        LeftOverBuild.record(root, leftOver.toHandle());

        assertThat(LeftOverBuild.stop(root)).contains(leftOver.pid());

        assertThat(leftOver.waitFor(10, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(LeftOverBuild.file(root)).doesNotExist();
        assertThat(LeftOverBuild.stop(root)).as("nothing left to stop").isEmpty();
    }

    @Test
    void aBuildThatEndedNormallyIsForgotten() throws Exception {
        Process finished = aLongBuild();
        LeftOverBuild.record(root, finished.toHandle());

        LeftOverBuild.forget(root);

        assertThat(LeftOverBuild.stop(root)).isEmpty();
        assertThat(finished.isAlive()).isTrue();
    }

    @Test
    void aPidNowUsedByAnotherProcessIsLeftAlone() throws Exception {
        Process other = aLongBuild();
        Files.createDirectories(LeftOverBuild.file(root).getParent());
        Files.writeString(LeftOverBuild.file(root), other.pid() + " " + Instant.parse("2020-01-01T00:00:00Z") + "\n");

        assertThat(LeftOverBuild.stop(root)).isEmpty();

        assertThat(other.isAlive()).as("a process that only has the recorded pid").isTrue();
        assertThat(LeftOverBuild.file(root)).doesNotExist();
    }

    @Test
    void anUnreadableRecordStopsNothing() throws Exception {
        Files.createDirectories(LeftOverBuild.file(root).getParent());
        Files.writeString(LeftOverBuild.file(root), "not a pid\n");

        assertThat(LeftOverBuild.stop(root)).isEmpty();
    }
}
