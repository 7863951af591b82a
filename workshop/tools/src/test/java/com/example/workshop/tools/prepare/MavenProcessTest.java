package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MavenProcessTest {
    @Test
    void aFailedDownloadIsToldByTheNetworksOwnError() {
        List<String> output = List.of(
                "[ERROR] Plugin org.apache.maven.plugins:maven-shade-plugin:3.6.1 or one of its dependencies could not be resolved:",
                "[ERROR] \tThe following artifacts could not be resolved: org.apache.maven.plugins:maven-shade-plugin:pom:3.6.1 (absent):"
                        + " Could not transfer artifact org.apache.maven.plugins:maven-shade-plugin:pom:3.6.1 from/to central"
                        + " (https://repo.maven.apache.org/maven2): repo.maven.apache.org: Temporary failure in name resolution",
                "[ERROR] -> [Help 1]");

        assertThat(MavenProcess.firstError(output)).isEqualTo("Could not transfer artifact org.apache.maven.plugins:maven-shade-plugin:pom:3.6.1"
                + " from/to central (https://repo.maven.apache.org/maven2): repo.maven.apache.org: Temporary failure in name resolution");
    }

    @Test
    void anErrorThatOnlyAnnouncesTheNextLineComesWithIt() {
        List<String> output = List.of("[INFO] Building", "[ERROR] COMPILATION ERROR :",
                "[ERROR] /work/src/main/java/App.java:[12,5] cannot find symbol", "[ERROR] -> [Help 1]");

        assertThat(MavenProcess.firstError(output)).isEqualTo("COMPILATION ERROR : /work/src/main/java/App.java:[12,5] cannot find symbol");
    }

    @Test
    void offlineGoesToEveryMavenThroughMavenArgsAfterTheAttendeesOwn() {
        Map<String, String> environment = new HashMap<>(Map.of("MAVEN_ARGS", "-s my-settings.xml"));

        MavenProcess.environment(environment, true);

        assertThat(environment.get("MAVEN_ARGS")).startsWith("-s my-settings.xml").endsWith(" -o");
        assertThat(environment.get("MAVEN_OPTS")).contains("-XX:TieredStopAtLevel=1");
    }
}
