package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** check's first look at serverless.yml: the slips that make it no YAML at all, and every stage's file passing. */
class ServerlessYmlSyntaxTest {
    @TempDir
    Path dir;

    static Stream<Path> everyStagesServerlessYml() throws Exception {
        Path root = Path.of(System.getProperty("workshop.root", "../.."));
        try (Stream<Path> stages = Files.list(root.resolve("solutions"))) {
            return stages.map(stage -> stage.resolve("serverless.yml")).filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyStagesServerlessYml")
    void everyStagesServerlessYmlIsYaml(Path file) throws Exception {
        assertThat(ServerlessYmlSyntax.error(file)).isEmpty();
    }

    @Test
    void aTabIsNamedWithItsLineAndColumn() throws Exception {
        assertThat(errorIn("provider:\n  name: aws\n  iam:\n\t- x\n"))
                .startsWith("serverless.yml is not valid YAML: line 4, column 1: found character '\\t(TAB)'");
    }

    @Test
    void aListItemIndentedOutOfPlaceNamesItsLineAndTheMappingItBreaks() throws Exception {
        String text = "functions:\n  getUser:\n    handler: a.B\n    events:\n      - http: GET /users\n     - http: GET /x\n";

        assertThat(errorIn(text)).contains("line 6, column 6").contains("block mapping at line 3")
                .endsWith("indent it as they are");
    }

    @Test
    void aValueWithAColonAndNoSpaceBeforeAnotherKeyIsCaught() throws Exception {
        assertThat(errorIn("custom:\n  momentoSecretId: a\n  cacheName: b: c\n")).contains("line 3").contains("needs quotes");
    }

    @Test
    void aFileThatIsNotThereIsLeftToTheLocalCloud() throws Exception {
        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).isEmpty();
    }

    private String errorIn(String text) throws Exception {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, text);
        return ServerlessYmlSyntax.error(file).orElseThrow();
    }
}
