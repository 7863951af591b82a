package com.example.workshop.tools.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How to start Maven from the tools: the Maven running them ({@code maven.home}), else the Maven Wrapper. */
final class Maven {
    private Maven() {
    }

    static List<String> command(Path root) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        String home = System.getProperty("maven.home");
        if (home != null) {
            Path mvn = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
            if (Files.isRegularFile(mvn)) {
                return List.of(mvn.toString(), "-B");
            }
        }
        return List.of(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "-B");
    }
}
