package com.example.workshop.tools.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How to start Maven from the tools: the Maven running them ({@code maven.home}), else the Maven Wrapper. */
public final class Maven {
    /**
     * For a build that lasts seconds, Maven's own JVM spends more time compiling itself with C2
     * than it gains: stopping at C1 made a stage's {@code package} about a third faster on 2 cores.
     * Only Maven's JVM gets it (the tests run in Surefire's own JVM, the functions in their own
     * JVMs). {@code check}'s local cloud, which lives for a minute, gets it too; the README's start
     * command, a long-running server, keeps the default.
     */
    static final String QUICK_BUILD_OPTS = "-XX:TieredStopAtLevel=1";

    /** The environment of a short Maven build: the attendee's MAVEN_OPTS, plus {@link #QUICK_BUILD_OPTS}. */
    public static void quickBuild(Map<String, String> environment) {
        String own = environment.getOrDefault("MAVEN_OPTS", "").strip();
        environment.put("MAVEN_OPTS", own.isEmpty() ? QUICK_BUILD_OPTS : own + " " + QUICK_BUILD_OPTS);
    }

    private Maven() {
    }

    public static List<String> command(Path root) {
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
