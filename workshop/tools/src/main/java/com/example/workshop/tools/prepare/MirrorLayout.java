package com.example.workshop.tools.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lets a prepared local Maven repository serve other laptops as a mirror, from a folder
 * ({@code file://}) or any static file server. The layout of a local repository is that of a
 * remote one, but for one kind of file: a local repository keeps each remote repository's
 * metadata as {@code maven-metadata-<id>.xml} (e.g. {@code -central}), where a client asking a
 * remote repository reads {@code maven-metadata.xml}. The workshop needs that metadata: DynamoDB
 * Local depends on {@code com.amazon.ion:ion-java:[1.4.0,)}, a version range, which Maven resolves
 * by reading it ("No versions available ... within specified range" without it). This writes each
 * {@code maven-metadata.xml} (and its checksum) from the {@code -central} copy, else from another
 * repository's copy.
 */
public final class MirrorLayout {
    private MirrorLayout() {
    }

    /** Where the wrapper's download path starts in its distributionUrl; MVNW_REPOURL replaces what comes before. */
    private static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/";

    /**
     * Puts the Maven zip that the Maven Wrapper downloads (distributionUrl) into {@code repository}
     * at its path on Maven Central, so that an attendee with {@code MVNW_REPOURL} pointing at the
     * mirror gets Maven from it too. Downloads it unless it is there already.
     *
     * @return the zip's path in the mirror
     */
    public static Path addMavenDistribution(Path repository, Path root) throws IOException, InterruptedException {
        String url = WrapperCheck.distributionUrl(root);
        if (!url.startsWith(MAVEN_CENTRAL)) {
            throw new IOException("distributionUrl is not on Maven Central: " + url);
        }
        Path zip = repository.resolve(url.substring(MAVEN_CENTRAL.length()));
        if (Files.exists(zip)) {
            return zip;
        }
        Files.createDirectories(zip.getParent());
        return download(URI.create(url), zip);
    }

    /** Downloads {@code url} to {@code zip}, and keeps it only if it matches the {@code .sha512} beside it. */
    static Path download(URI url, Path zip) throws IOException, InterruptedException {
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            // A download cut short can still end with 200: the room's laptops must not get a broken zip.
            HttpResponse<String> checksum = http.send(HttpRequest.newBuilder(URI.create(url + ".sha512"))
                    .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            if (checksum.statusCode() != 200) {
                throw new IOException("HTTP " + checksum.statusCode() + " for " + url + ".sha512: the zip cannot be checked");
            }
            if (!sha512(partial).equalsIgnoreCase(checksum.body().strip().split("\\s+")[0])) {
                throw new IOException("the downloaded " + zip.getFileName() + " does not match " + url + ".sha512: download it again");
            }
            return Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial); // gone already when the zip was kept
        }
    }

    private static String sha512(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    /** The repository Maven uses: -Dmaven.repo.local, else ~/.m2/repository. */
    public static Path localRepository() {
        String own = System.getProperty("maven.repo.local");
        return own != null && !own.isBlank() ? Path.of(own) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Writes the missing {@code maven-metadata.xml} files under {@code repository}; returns how many. */
    public static int addRemoteMetadata(Path repository) throws IOException {
        List<Path> directories;
        try (Stream<Path> files = Files.walk(repository)) {
            directories = files.filter(file -> isRepositoryMetadata(file.getFileName().toString()))
                    .map(Path::getParent).distinct().toList();
        }
        int written = 0;
        for (Path directory : directories) {
            Path remote = directory.resolve("maven-metadata.xml");
            if (Files.exists(remote)) {
                continue;
            }
            Path source = Files.exists(directory.resolve("maven-metadata-central.xml")) ? directory.resolve("maven-metadata-central.xml")
                    : anyRepositoryMetadata(directory);
            Files.copy(source, remote, StandardCopyOption.REPLACE_EXISTING);
            Path checksum = source.resolveSibling(source.getFileName() + ".sha1");
            if (Files.exists(checksum)) {
                Files.copy(checksum, directory.resolve("maven-metadata.xml.sha1"), StandardCopyOption.REPLACE_EXISTING);
            }
            written++;
        }
        return written;
    }

    /** maven-metadata-central.xml and the like; not -local (this laptop's own installs). */
    private static boolean isRepositoryMetadata(String name) {
        return name.startsWith("maven-metadata-") && name.endsWith(".xml") && !name.equals("maven-metadata-local.xml");
    }

    private static Path anyRepositoryMetadata(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> isRepositoryMetadata(file.getFileName().toString())).sorted().findFirst().orElseThrow();
        }
    }
}
