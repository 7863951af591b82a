package com.example.localcloud.startup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.Invoker;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Builds a stage's shaded jar ({@code mvn package -Dmaven.test.skip}) so the local cloud always runs the
 * code as it is now. Uses the Maven that runs the local cloud ({@code maven.home}), else the
 * repository's Maven Wrapper; maven-invoker knows how to start either on Linux, macOS and Windows.
 */
public final class StageBuilder {
    /**
     * A stage's build lasts seconds: Maven's own JVM spends more time compiling itself with C2 than
     * it gains, and stopping at C1 made {@code package} about a third faster on 2 cores. Added to
     * the user's MAVEN_OPTS; the local cloud itself keeps the default.
     */
    private static final String QUICK_BUILD_OPTS = "-XX:TieredStopAtLevel=1";
    /**
     * Set to {@code offline=<Maven's own offline flag>} by the exec plugin (see the poms),
     * so that {@code ./mvnw -o ...} typed on the command line also keeps the stage's build offline
     * (MAVEN_ARGS and .mvn/maven.config reach it anyway: the inner Maven reads them itself).
     */
    static final String OFFLINE_PROPERTY = "localcloud.maven.offline";

    private StageBuilder() {
    }

    public static void build(Path stageDirectory, Consumer<String> log) {
        Path pom = stageDirectory.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new IllegalStateException("No pom.xml in " + stageDirectory + ": cannot build the stage (or start with -Dbuild=false)");
        }
        Invoker invoker = new DefaultInvoker();
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null && Files.isDirectory(Path.of(mavenHome))) {
            invoker.setMavenHome(new File(mavenHome));
        } else {
            invoker.setMavenExecutable(mavenWrapper(stageDirectory).toFile());
        }
        List<String> output = new ArrayList<>();
        InvocationRequest request = request(stageDirectory, output);
        log.accept("Building " + stageDirectory + " (mvn package -Dmaven.test.skip)...");
        InvocationResult result;
        try {
            result = invoker.execute(request);
        } catch (MavenInvocationException e) {
            throw new IllegalStateException("Cannot run Maven to build " + stageDirectory + ": " + e.getMessage(), e);
        }
        if (result.getExitCode() != 0) {
            output.forEach(log);
            throw new IllegalStateException("Building " + stageDirectory + " failed (exit code " + result.getExitCode()
                    + "); see the Maven output above");
        }
    }

    /** {@code mvn package -Dmaven.test.skip} on the stage, quiet, its output collected; offline when Maven here is. */
    static InvocationRequest request(Path stageDirectory, List<String> output) {
        InvocationRequest request = new DefaultInvocationRequest()
                .setPomFile(stageDirectory.resolve("pom.xml").toFile())
                .setBaseDirectory(stageDirectory.toFile())
                .addArg("package")
                .setBatchMode(true)
                .setOffline("offline=true".equals(System.getProperty(OFFLINE_PROPERTY)))
                .setQuiet(true)
                .setOutputHandler(output::add)
                .setErrorHandler(output::add);
        String ownOpts = System.getenv().getOrDefault("MAVEN_OPTS", "").strip();
        request.setMavenOpts(ownOpts.isEmpty() ? QUICK_BUILD_OPTS : ownOpts + " " + QUICK_BUILD_OPTS);
        Properties properties = new Properties();
        // Tests neither run nor compile: mid-step, the step's new tests do not compile until its edits are
        // made, and the service must still start to be tried.
        properties.setProperty("maven.test.skip", "true");
        request.setProperties(properties);
        return request;
    }

    /** mvnw (or mvnw.cmd) of the stage or of a directory above it: the repository root's. */
    private static Path mavenWrapper(Path stageDirectory) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        String name = windows ? "mvnw.cmd" : "mvnw";
        for (Path directory = stageDirectory.toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve(name))) {
                return directory.resolve(name);
            }
        }
        throw new IllegalStateException("Found neither maven.home nor " + name + " above " + stageDirectory);
    }
}
