package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Maven 3.9's own words when offline and something is missing, as it printed them. */
class MissingDownloadsTest {
    @Test
    void namesEachArtifactMavenCouldNotFindOfflineOnce() {
        List<String> output = List.of(
                "[ERROR] Failed to execute goal on project tools: Could not resolve dependencies for project com.example.workshop:tools:jar:1.0.0-SNAPSHOT",
                "[ERROR] dependency: info.picocli:picocli:jar:4.7.7 (compile)",
                "[ERROR] \tCannot access central (https://repo.maven.apache.org/maven2) in offline mode and the artifact info.picocli:picocli:jar:4.7.7 has not been downloaded from it before.",
                "[ERROR] Non-resolvable import POM: The following artifacts could not be resolved: software.amazon.awssdk:bom:pom:2.54.13 (absent): Cannot access central (https://repo.maven.apache.org/maven2) in offline mode and the artifact software.amazon.awssdk:bom:pom:2.54.13 has not been downloaded from it before. @ line 37, column 19",
                "[ERROR] \tCannot access central (https://repo.maven.apache.org/maven2) in offline mode and the artifact info.picocli:picocli:jar:4.7.7 has not been downloaded from it before.");

        assertThat(MissingDownloads.in(output))
                .containsExactly("info.picocli:picocli:jar:4.7.7", "software.amazon.awssdk:bom:pom:2.54.13");
    }

    @Test
    void aPluginPrefixWithoutItsGroupMetadataIsMissingToo() {
        List<String> output = List.of("[ERROR] No plugin found for prefix 'exec' in the current project and in the plugin groups"
                + " [org.apache.maven.plugins, org.codehaus.mojo] available from the repositories [local (/m2), central (https://repo.maven.apache.org/maven2)]");

        assertThat(MissingDownloads.in(output)).containsExactly("the Maven plugin for 'exec:' (its plugin group's metadata)");
    }

    @Test
    void aCompileErrorIsNotAMissingDownload() {
        List<String> output = List.of("[ERROR] COMPILATION ERROR :",
                "[ERROR] /work/src/main/java/com/example/accounts/App.java:[12,5] cannot find symbol");

        assertThat(MissingDownloads.in(output)).isEmpty();
    }

    @Test
    void theSummaryNamesTwoAndCountsTheRest() {
        assertThat(MissingDownloads.summary(List.of("a:a:1", "b:b:1", "c:c:1", "d:d:1"))).isEqualTo("a:a:1, b:b:1 and 2 more");
        assertThat(MissingDownloads.summary(List.of("a:a:1"))).isEqualTo("a:a:1");
    }
}
