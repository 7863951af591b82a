package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCommandTest {

    @Test
    void findsTheFanOutRouteInServerlessYml(@TempDir Path stage) throws Exception {
        Workspace workspace = Workspace.locate();
        assertThat(BenchmarkCommand.declaresFanOut(workspace.stageDirectory("step-1"))).isFalse();
        assertThat(BenchmarkCommand.declaresFanOut(workspace.stageDirectory("step-4"))).isFalse();

        Files.writeString(stage.resolve("serverless.yml"), """
                service: fan-out
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                  listMembers:
                    handler: example.ListMembers
                    events:
                      - http: GET /organizations/{organization}/members
                """);
        assertThat(BenchmarkCommand.declaresFanOut(stage)).isTrue();
    }
}
