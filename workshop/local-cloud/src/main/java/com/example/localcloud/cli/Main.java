package com.example.localcloud.cli;

import com.example.localcloud.LocalCloud;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.dashboard.Dashboard;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The README's start command: {@code ./mvnw -q -f workshop/local-cloud compile exec:java}, with
 * options as system properties: {@code -Dstage=solutions/step-4-write-aside}, {@code -Dport=3001},
 * {@code -Dwatch=true}, {@code -Dbuild=false}, {@code -DdynamodbPort=8000},
 * {@code -DmaxEnvironments=10}, {@code -DslsStage=...}, {@code -Dregion=...}, and {@code -Ddashboard}
 * (the live dashboard on a free port; {@code -Ddashboard=8090} on that one).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // Jetty's start-up chatter
        }
        Optional<Integer> dashboardPort;
        int gatewayPort;
        int dynamoDbPort;
        int maxEnvironments;
        try {
            dashboardPort = dashboardPort(System.getProperty("dashboard"));
            // Integer.getInteger would take a typo for the default (3000, often someone else's) and 0300 for octal 192.
            gatewayPort = number("port", 3000, 1, 65535);
            dynamoDbPort = number("dynamodbPort", 0, 0, 65535);
            maxEnvironments = number("maxEnvironments", 10, 1, 1000);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Path root = repositoryRoot();
        Path stage = root.resolve(System.getProperty("stage", ".")).normalize();
        LocalCloud.Builder builder = LocalCloud.builder(stage)
                .port(gatewayPort)
                .build(Boolean.parseBoolean(System.getProperty("build", "true")))
                .watch(Boolean.parseBoolean(System.getProperty("watch", "false")))
                .dynamoDbPort(dynamoDbPort)
                .maxEnvironmentsPerFunction(maxEnvironments)
                // -Dstage names the directory, so Serverless' --stage and --region are -DslsStage and -Dregion
                .loadOptions(new LoadOptions(System.getenv(), System.getProperty("slsStage"), System.getProperty("region")));
        if (!isFree(gatewayPort)) { // before the stage's build, which takes a while
            System.err.println();
            System.err.println("The local cloud cannot start: " + whenThePortIsTaken(gatewayPort));
            System.exit(1);
            return;
        }
        LocalCloud cloud;
        try {
            cloud = builder.start();
        } catch (RuntimeException e) { // a ConfigException names file, line and key: the message is enough
            System.err.println();
            System.err.println("The local cloud cannot start: " + e.getMessage());
            if (portTaken(e)) {
                System.err.println(whenThePortIsTaken(gatewayPort));
            }
            System.exit(1);
            return;
        }
        Dashboard dashboard;
        try {
            dashboard = dashboardPort.map(port -> Dashboard.forCloud(cloud, port)).orElse(null);
        } catch (RuntimeException e) {
            cloud.close();
            System.err.println();
            System.err.println("The local cloud cannot serve its dashboard: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local cloud and its execution environments.");
            if (dashboard != null) {
                dashboard.close();
            }
            cloud.close();
        }, "local-cloud-shutdown"));
        stopWith(System.getProperty("stopWith"), () -> System.exit(0)); // the shutdown hook above stops everything
        System.out.println(StartupBanner.text(cloud, root, dashboard == null ? null : dashboard.uri()));
        new CountDownLatch(1).await(); // serve until Ctrl-C; the shutdown hook stops everything
    }

    /** Whether a server could not listen because another process holds its port. */
    static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code -DstopWith=<pid>}: runs {@code stop} once that process ends (at once if it has), so a
     * process that started this local cloud and was killed outright (kill -9: no shutdown hook of
     * its own ran) does not leave it running. Absent: nothing.
     */
    static void stopWith(String pid, Runnable stop) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresentOrElse(owner -> owner.onExit().thenRun(stop), stop);
    }

    /** Whether API Gateway could listen on {@code port} of 127.0.0.1 now (0, any free port, always can). */
    static boolean isFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty does: a connection of an earlier run, closing, holds nothing
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * What to do when the port is taken: most often a local cloud left running in another terminal.
     * The port it suggests is the first one above that is free now (in a room, 3001 may be taken too).
     */
    static String whenThePortIsTaken(int port) {
        return "Port " + port + " is taken, most often by a local cloud still running in another terminal (stop it there with"
                + " Ctrl-C), or one stopped with Ctrl-Z in this terminal (fg brings it back, then Ctrl-C stops it). Or start"
                + " this one on another port, adding -Dport=" + nextFreePort(port) + " to the command, and use that port in"
                + " the guide's curl lines.";
    }

    /** The first port above {@code port} that is free now (within 100), else the next one. */
    static int nextFreePort(int port) {
        for (int candidate = port + 1; candidate <= Math.min(port + 100, 65535); candidate++) {
            if (isFree(candidate)) {
                return candidate;
            }
        }
        return port + 1;
    }

    /**
     * {@code -Ddashboard} (Maven makes it "true") or {@code -Ddashboard=} serves it on a free port,
     * {@code -Ddashboard=8090} on that one; absent or "false", no dashboard. Opt-in: it samples the
     * cloud every second and keeps the whole timeline in memory, which an attendee's cloud needs not.
     */
    static Optional<Integer> dashboardPort(String property) {
        if (property == null || property.equals("false")) {
            return Optional.empty();
        }
        if (property.isBlank() || property.equals("true")) {
            return Optional.of(0);
        }
        try {
            int port = Integer.parseInt(property.strip());
            if (port >= 0 && port <= 65535) {
                return Optional.of(port);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("-Ddashboard takes a port (e.g. -Ddashboard=8090) or nothing (a free port), not '"
                + property + "'");
    }

    /** The whole number {@code -Dname} gives, in decimal, from {@code min} to {@code max}; {@code otherwise} without one. */
    static int number(String name, int otherwise, int min, int max) {
        String property = System.getProperty(name);
        if (property == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(property.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("-D" + name + " takes a whole number from " + min + " to " + max + ", not '"
                + property + "'");
    }

    /** The directory with the Maven Wrapper's .mvn, found from where these classes are. */
    static Path repositoryRoot() {
        try {
            Path here = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path directory = here; directory != null; directory = directory.getParent()) {
                if (Files.isDirectory(directory.resolve(".mvn")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                    return directory;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
