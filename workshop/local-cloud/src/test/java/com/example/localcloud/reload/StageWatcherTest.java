package com.example.localcloud.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an edit makes the watcher do, without the file system's events (their timing is the end-to-end test's). */
class StageWatcherTest {
    @TempDir
    Path stage;

    private final List<String> calls = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    private StageWatcher watcherWhoseDeploymentIs(boolean down) throws Exception {
        Files.createDirectories(stage.resolve("src"));
        return new StageWatcher(stage, new StageWatcher.Reload() {
            @Override
            public void build() {
                calls.add("build");
            }

            @Override
            public void retireEnvironments() {
                calls.add("retire");
            }

            @Override
            public void redeploy() {
                calls.add("redeploy");
            }

            @Override
            public boolean deploymentIsDown() {
                return down;
            }
        }, log::add);
    }

    @Test
    void aCodeEditBuildsAndRetiresTheEnvironments() throws Exception {
        try (StageWatcher watcher = watcherWhoseDeploymentIs(false)) {
            watcher.react(Set.of(stage.resolve("src/A.java")));
        }
        assertThat(calls).containsExactly("build", "retire");
        assertThat(log).anyMatch(line -> line.startsWith("Rebuilt in "));
    }

    @Test
    void aCodeEditWhileNothingServesDeploysAgainAndSaysNoRebuildServes() throws Exception {
        // A redeploy stopped the deployment and failed to start the next: no environment would run the new code.
        try (StageWatcher watcher = watcherWhoseDeploymentIs(true)) {
            watcher.react(Set.of(stage.resolve("src/A.java")));
        }
        assertThat(calls).containsExactly("redeploy");
        assertThat(log).noneMatch(line -> line.startsWith("Rebuilt in "));
    }

    @Test
    void anEditOfServerlessYmlRedeploys() throws Exception {
        try (StageWatcher watcher = watcherWhoseDeploymentIs(false)) {
            watcher.react(Set.of(stage.resolve("serverless.yml")));
        }
        assertThat(calls).containsExactly("redeploy");
    }
}
