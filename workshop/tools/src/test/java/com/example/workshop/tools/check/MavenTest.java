package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenTest {

    @TempDir
    Path root;

    @Test
    void javacSpeaksEnglishAndUtf8ToTheToolsWhateverTheAttendeesLanguageAndCodePage() throws Exception {
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example.workshop</groupId>
                  <artifactId>in-japanese</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                    </plugins>
                  </build>
                </project>
                """);
        Path sources = Files.createDirectories(root.resolve("src/main/java/com/example"));
        Files.writeString(sources.resolve("Cache.java"), """
                package com.example;

                class Cache {
                    void fill() {
                        écrire();
                    }
                }
                """);

        Maven.Output output = Maven.run(root, List.of("-o", "-q", "compile"), environment -> {
            environment.put("JAVA_TOOL_OPTIONS", "-Duser.language=ja -Duser.country=JP"); // the attendee's
            // What Windows does to the output of a JVM that writes to a pipe: its code page, not UTF-8.
            environment.put("MAVEN_OPTS", "-Dstdout.encoding=ISO-8859-1 -Dsun.stdout.encoding=ISO-8859-1");
            Maven.quickBuild(environment);
        }, root.resolve("maven.log"), false);

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.lines()).anySatisfy(line -> assertThat(line).contains("cannot find symbol"));
        assertThat(output.lines()).as("read as UTF-8, as the build wrote it").anySatisfy(line -> assertThat(line).contains("écrire"));
    }

    /** Debian's Maven 3.8.7 starts its lines with colour codes even in batch mode: "ESC[0mESC[0m[ERROR] ...". */
    @Test
    void colourCodesAreLeftOutSoErrorLinesAreStillRead() {
        String coloured = "\u001B[0m\u001B[0m[\u001B[1;31mERROR\u001B[m] Failed to execute goal on project accounts-service:"
                + " Could not resolve dependencies";

        String plain = Maven.withoutColours(coloured);

        assertThat(plain).isEqualTo("[ERROR] Failed to execute goal on project accounts-service: Could not resolve dependencies");
        assertThat(TestRun.lastErrors(List.of(plain))).containsExactly(
                "Failed to execute goal on project accounts-service: Could not resolve dependencies");
        assertThat(Maven.withoutColours("[INFO] no colour")).isEqualTo("[INFO] no colour");
    }
}
