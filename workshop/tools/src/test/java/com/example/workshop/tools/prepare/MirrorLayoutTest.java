package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorLayoutTest {
    @TempDir
    Path repository;

    Path write(String path, String text) throws IOException {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void eachRemoteRepositorysMetadataBecomesTheFileAMirrorClientAsksFor() throws IOException {
        write("com/amazon/ion/ion-java/maven-metadata-central.xml", "<metadata>central</metadata>");
        write("com/amazon/ion/ion-java/maven-metadata-central.xml.sha1", "abc");
        write("com/amazon/ion/ion-java/maven-metadata-local.xml", "<metadata>local</metadata>");
        write("org/example/lib/maven-metadata-corp.xml", "<metadata>corp</metadata>");
        write("org/example/lib/1.0/lib-1.0.jar", "jar");
        write("org/example/own/maven-metadata-local.xml", "<metadata>only installed here</metadata>");

        assertThat(MirrorLayout.addRemoteMetadata(repository)).isEqualTo(2);

        assertThat(repository.resolve("com/amazon/ion/ion-java/maven-metadata.xml")).hasContent("<metadata>central</metadata>");
        assertThat(repository.resolve("com/amazon/ion/ion-java/maven-metadata.xml.sha1")).hasContent("abc");
        assertThat(repository.resolve("org/example/lib/maven-metadata.xml")).hasContent("<metadata>corp</metadata>");
        assertThat(repository.resolve("org/example/own/maven-metadata.xml")).doesNotExist();
    }

    @Test
    void mavenItselfGoesWhereTheWrapperAsksAMirrorForIt(@TempDir Path root) throws Exception {
        wrapperProperties(root, "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.11/apache-maven-3.9.11-bin.zip");
        Path already = write("org/apache/maven/apache-maven/3.9.11/apache-maven-3.9.11-bin.zip", "zip");

        assertThat(MirrorLayout.addMavenDistribution(repository, root)).isEqualTo(already).hasContent("zip"); // not downloaded again
    }

    @Test
    void aDistributionUrlOffMavenCentralIsNamed(@TempDir Path root) throws IOException {
        wrapperProperties(root, "https://corp.example/maven/apache-maven-3.9.11-bin.zip");

        assertThatThrownBy(() -> MirrorLayout.addMavenDistribution(repository, root))
                .hasMessageContaining("not on Maven Central: https://corp.example/maven/apache-maven-3.9.11-bin.zip");
    }

    private static void wrapperProperties(Path root, String distributionUrl) throws IOException {
        Files.createDirectories(root.resolve(".mvn/wrapper"));
        Files.writeString(root.resolve(".mvn/wrapper/maven-wrapper.properties"), "distributionUrl=" + distributionUrl + "\n");
    }

    @Test
    void leavesAnExistingMavenMetadataAlone() throws IOException {
        write("org/example/lib/maven-metadata-central.xml", "<metadata>new</metadata>");
        write("org/example/lib/maven-metadata.xml", "<metadata>served already</metadata>");

        assertThat(MirrorLayout.addRemoteMetadata(repository)).isZero();

        assertThat(repository.resolve("org/example/lib/maven-metadata.xml")).hasContent("<metadata>served already</metadata>");
    }
}
