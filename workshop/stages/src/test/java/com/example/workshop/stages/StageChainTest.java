package com.example.workshop.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The attendee's working copy (pom.xml, serverless.yml and src/ at the repository root) must
 * be exactly the stage that .workshop-stage names. An attendee who has started editing will
 * see this fail: that is expected, and `./mvnw verify` at the root tests their own work.
 */
class StageChainTest {
    static final Path ROOT = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
    static final List<String> WORKING_COPY = List.of("pom.xml", "serverless.yml", "src");

    @Test
    void workingCopyIsTheDeclaredStage() throws IOException {
        String stage = Files.readString(ROOT.resolve(".workshop-stage")).strip();
        Path stageDir = ROOT.resolve("solutions").resolve(stage);
        assertThat(stageDir).as("the stage named in .workshop-stage").isDirectory();

        List<String> differences = new ArrayList<>();
        for (String entry : WORKING_COPY) {
            compare(ROOT.resolve(entry), stageDir.resolve(entry), differences);
        }

        assertThat(differences)
                .as("The working copy differs from solutions/%s. If you are working through the guides, "
                        + "that is expected. Otherwise copy the stage over the working copy.", stage)
                .isEmpty();
    }

    @Test
    void everyStageIsACompleteProject() throws IOException {
        try (Stream<Path> stages = Files.list(ROOT.resolve("solutions"))) {
            List<Path> stageDirs = stages.filter(Files::isDirectory).toList();
            assertThat(stageDirs).isNotEmpty();
            for (Path stage : stageDirs) {
                assertThat(stage.getFileName().toString()).matches("step-\\d+-[a-z0-9-]+");
                for (String entry : WORKING_COPY) {
                    assertThat(stage.resolve(entry)).as("%s in %s", entry, stage.getFileName()).exists();
                }
            }
        }
    }

    private static void compare(Path actual, Path expected, List<String> differences) {
        Set<String> names = new TreeSet<>();
        names.addAll(relativeFiles(actual));
        names.addAll(relativeFiles(expected));
        for (String name : names) {
            Path a = name.isEmpty() ? actual : actual.resolve(name);
            Path e = name.isEmpty() ? expected : expected.resolve(name);
            String shown = ROOT.relativize(a).toString();
            if (!Files.exists(a)) {
                differences.add("missing: " + shown);
            } else if (!Files.exists(e)) {
                differences.add("extra: " + shown);
            } else if (!textOf(a).equals(textOf(e))) {
                differences.add("changed: " + shown);
            }
        }
    }

    /** The files under a directory (ignoring build output), or "" for a single file. */
    private static Set<String> relativeFiles(Path path) {
        Set<String> files = new TreeSet<>();
        if (Files.isRegularFile(path)) {
            files.add("");
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).forEach(file -> files.add(path.relativize(file).toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** File text with line endings normalized, so a Windows checkout (CRLF) compares equal. */
    private static String textOf(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
