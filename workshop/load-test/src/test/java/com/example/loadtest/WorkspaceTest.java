package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @Test
    void findsStagesByTheirShortName(@TempDir Path root) throws Exception {
        Path step1 = stage(root.resolve("solutions/step-1-lambda-dynamodb"));
        Path step10 = stage(root.resolve("solutions/step-10-later"));
        Path step4 = stage(root.resolve("solutions/step-4-write-aside"));
        Files.writeString(root.resolve("serverless.yml"), "service: x");
        Workspace workspace = new Workspace(root);

        assertThat(workspace.stageDirectory("step-1")).isEqualTo(step1);
        assertThat(workspace.stageDirectory("step-4-write-aside")).isEqualTo(step4);
        assertThat(workspace.stageDirectory("working-copy")).isEqualTo(root);
        assertThat(workspace.stageDirectory("solutions/step-10-later")).isEqualTo(step10);
        assertThat(workspace.solutionStages()).containsExactly(step1, step4, step10);
        assertThat(workspace.stageLabel(step4)).isEqualTo("step-4");
        assertThat(workspace.stageLabel(root)).isEqualTo("working-copy");
        assertThat(workspace.resultsParent()).isEqualTo(root.resolve("workshop/results"));
    }

    @Test
    void anUnknownStageIsNamedInTheError(@TempDir Path root) throws Exception {
        stage(root.resolve("solutions/step-1-lambda-dynamodb"));

        assertThatThrownBy(() -> new Workspace(root).stageDirectory("step-9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No stage named 'step-9'")
                .hasMessageContaining("step-1-lambda-dynamodb");
    }

    @Test
    void aMistypedFolderNameIsAnErrorNotTheStageWithItsNumber(@TempDir Path root) throws Exception {
        Path step4 = stage(root.resolve("solutions/step-4-write-aside"));
        Workspace workspace = new Workspace(root);

        assertThat(workspace.stageDirectory("step-4")).isEqualTo(step4);
        assertThat(workspace.stageDirectory("solutions/step-4-write-aside")).isEqualTo(step4);
        assertThatThrownBy(() -> workspace.stageDirectory("step-4-writ-asid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No stage named 'step-4-writ-asid'")
                .hasMessageContaining("step-4-write-aside");
    }

    @Test
    void aBlankNameIsAnErrorNotTheWorkingCopy(@TempDir Path root) throws Exception {
        stage(root.resolve("solutions/step-1-lambda-dynamodb"));
        Files.writeString(root.resolve("serverless.yml"), "service: x");
        Workspace workspace = new Workspace(root);

        assertThatThrownBy(() -> workspace.stageDirectory("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("An empty stage name");
        assertThatThrownBy(() -> workspace.stageDirectory(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("An empty stage name");
    }

    @Test
    void theRealRepositoryHasTheWorkshopStages() {
        Workspace workspace = Workspace.locate();

        assertThat(workspace.stageDirectory("step-1").getFileName()).hasToString("step-1-lambda-dynamodb");
        assertThat(workspace.stageDirectory("step-4").getFileName()).hasToString("step-4-write-aside");
    }

    private static Path stage(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("serverless.yml"), "service: x");
        return directory;
    }
}
