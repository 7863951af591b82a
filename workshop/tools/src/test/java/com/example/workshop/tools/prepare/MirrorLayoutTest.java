package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
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

    @Test
    void aDownloadThatDoesNotMatchItsChecksumIsNotKept() throws Exception {
        Path zip = repository.resolve("apache-maven-bin.zip");
        try (var server = new StaticFiles(Map.of("/m.zip", "the whole zip", "/m.zip.sha512", sha512Hex("the whole zip") + "  m.zip\n",
                "/cut.zip", "the whole", "/cut.zip.sha512", sha512Hex("the whole zip"), "/unchecked.zip", "the whole zip"))) {
            assertThatThrownBy(() -> MirrorLayout.download(server.uri("/cut.zip"), zip))
                    .hasMessageContaining("does not match");
            assertThat(zip).doesNotExist();
            assertThat(zip.resolveSibling("apache-maven-bin.zip.part")).doesNotExist();

            assertThatThrownBy(() -> MirrorLayout.download(server.uri("/unchecked.zip"), zip))
                    .hasMessageContaining("HTTP 404").hasMessageContaining(".sha512: the zip cannot be checked");
            assertThat(zip.resolveSibling("apache-maven-bin.zip.part")).doesNotExist();

            assertThat(MirrorLayout.download(server.uri("/m.zip"), zip)).hasContent("the whole zip");
        }
    }

    private static String sha512Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A JDK HTTP server on a free loopback port that serves these paths' texts, and 404 for the rest. */
    private static final class StaticFiles implements AutoCloseable {
        private final HttpServer server;

        StaticFiles(Map<String, String> files) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String text = files.get(exchange.getRequestURI().getPath());
                byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(text == null ? 404 : 200, text == null ? -1 : body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        @Override
        public void close() {
            server.stop(0);
        }
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
