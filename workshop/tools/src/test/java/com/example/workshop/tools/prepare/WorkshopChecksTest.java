package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkshopChecksTest {
    static final Path ROOT = Path.of(System.getProperty("workshop.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path root;

    Path stage(String name, String pom) throws IOException {
        Path stage = Files.createDirectories(root.resolve("solutions").resolve(name));
        Files.writeString(stage.resolve("pom.xml"), pom);
        return stage;
    }

    @Test
    void startsTheLastStageOfEachPomTheWorkingCopyDoesNotHaveAndAlwaysTheLastStage() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "one");
        List<Path> stages = List.of(stage("step-1-a", "one"), stage("step-2-b", "two"), stage("step-3-c", "two"),
                stage("step-4-d", "three"), stage("step-5-e", "one"));

        assertThat(WorkshopChecks.stagesToStart(root, stages))
                .containsExactly(root.resolve("solutions/step-3-c"), root.resolve("solutions/step-4-d"), root.resolve("solutions/step-5-e"));
    }

    @Test
    void inThisRepositoryTheReadmesStartCommandRunsOnTheWorkingCopyAndOnTheLastStage() throws IOException {
        List<Path> stages;
        try (var dirs = Files.list(ROOT.resolve("solutions"))) {
            stages = dirs.filter(dir -> dir.getFileName().toString().matches("step-\\d+-.*")).sorted().toList();
        }
        List<String> commands = WorkshopChecks.of(ROOT, stages).stream().map(ReadinessCheck::command).toList();

        assertThat(commands).contains("./mvnw -o -q -f workshop/local-cloud compile exec:java",
                "./mvnw -o -q -f workshop/local-cloud compile exec:java -Dstage=solutions/" + stages.get(stages.size() - 1).getFileName());
    }

    @Test
    void theQuickTestOfTheWorkshopBuildExists() {
        assertThat(ROOT.resolve("workshop/tools/src/test/java/com/example/workshop/tools/check/"
                + WorkshopChecks.QUICK_WORKSHOP_TEST + ".java")).exists();
    }
}
