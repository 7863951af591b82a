package com.example.workshop.tools.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Maven that the Maven Wrapper ({@code ./mvnw}) downloads on its first run, into
 * {@code ~/.m2/wrapper/dists/apache-maven-<version>/<hash>/} (or under MAVEN_USER_HOME): present
 * when prepare was started with {@code ./mvnw}, missing when it was started with another Maven.
 * Online, {@code mvnw --version} fetches it.
 */
final class WrapperCheck implements ReadinessCheck {
    private final Path root;
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);
    private final Path logFile;

    WrapperCheck(Path root, Path logFile) {
        this.root = root;
        this.logFile = logFile;
    }

    @Override
    public String title() {
        return "Maven itself, as the Maven Wrapper runs it";
    }

    @Override
    public String command() {
        return "is it in ~/.m2/wrapper/dists? (online: ./mvnw --version downloads it)";
    }

    @Override
    public Outcome run(boolean offline) throws IOException, InterruptedException {
        String distribution = distributionName();
        if (!offline) {
            Files.createDirectories(logFile.getParent());
            boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
            Process process = new ProcessBuilder(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "--version")
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(DOWNLOAD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) { // a stalled download must not hang prepare
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                return Outcome.failed("./mvnw --version did not finish within " + DOWNLOAD_TIMEOUT.toMinutes() + " minutes"
                        + logPointer(), List.of(distribution));
            }
            if (process.exitValue() != 0) {
                return Outcome.failed("./mvnw --version failed (exit code " + process.exitValue() + ")" + logPointer(),
                        List.of(distribution));
            }
        }
        Path dists = userHome().resolve("wrapper/dists").resolve(distribution);
        if (Files.isDirectory(dists)) {
            try (Stream<Path> unpacked = Files.list(dists)) {
                if (unpacked.anyMatch(hash -> Files.isRegularFile(hash.resolve("bin/mvn")))) {
                    return Outcome.passed(distribution);
                }
            }
        }
        return Outcome.failed("missing downloads: " + distribution + " (not in " + dists + ")" + (offline ? "" : logPointer()),
                List.of(distribution));
    }

    private String logPointer() {
        return " (log: " + root.relativize(logFile).toString().replace('\\', '/') + ")";
    }

    /** "apache-maven-3.9.11", from distributionUrl in .mvn/wrapper/maven-wrapper.properties. */
    private String distributionName() throws IOException {
        String url = distributionUrl(root);
        return url.substring(url.lastIndexOf('/') + 1).replaceFirst("-bin\\.zip$", "");
    }

    /** The Maven zip the wrapper downloads: distributionUrl in .mvn/wrapper/maven-wrapper.properties. */
    static String distributionUrl(Path root) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("distributionUrl", "");
    }

    /** Where the wrapper keeps Maven: MAVEN_USER_HOME, else ~/.m2 (as mvnw decides). */
    private static Path userHome() {
        String own = System.getenv("MAVEN_USER_HOME");
        return own != null && !own.isBlank() ? Path.of(own) : Path.of(System.getProperty("user.home"), ".m2");
    }
}
