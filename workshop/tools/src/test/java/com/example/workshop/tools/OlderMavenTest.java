package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An attendee who types {@code mvn} out of habit may run an older Maven (Debian's is 3.8.7), which
 * needs libraries prepare never downloaded and ignores the MAVEN_ARGS that the tools pass -o in:
 * the build stops at once and says to type ./mvnw. Tried wherever such a Maven is on the PATH (the
 * CI image's Debian Maven is 3.8.7; .ci/run installs none), skipped saying why elsewhere.
 */
class OlderMavenTest {
    static final Path ROOT = AttendeeSimulationTest.ROOT;
    private static final Pattern VERSION = Pattern.compile("Apache Maven (\\d+)\\.(\\d+)\\.(\\d+)");

    @Test
    @Timeout(300) // the older Maven may download the plugin first
    void anOlderMavenOnThePathIsToldToTypeTheWrapper() throws Exception {
        Optional<Matcher> installed = installedMaven();
        assumeTrue(installed.isPresent(), "no mvn on the PATH: nothing to try");
        int major = Integer.parseInt(installed.get().group(1));
        int minor = Integer.parseInt(installed.get().group(2));
        String version = major + "." + minor + "." + installed.get().group(3);
        assumeTrue(major < 3 || major == 3 && minor < 9, "the mvn on the PATH is " + version + ", new enough");

        Process build = new ProcessBuilder("mvn", "-B", "-f", "workshop/tools", "validate").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(build.waitFor()).as(output).isNotZero();
        assertThat(output).contains("This is Maven " + version + "; the workshop needs 3.9 or newer")
                .contains("type ./mvnw (mvnw.cmd on Windows) where you typed mvn");
    }

    private static Optional<Matcher> installedMaven() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("mvn", "-v").redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor();
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Optional.of(matcher) : Optional.empty();
        } catch (IOException noMvn) {
            return Optional.empty();
        }
    }
}
