package com.example.workshop.tools.check;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The working copy running in the local cloud, started with the README's own start command (on a
 * free port; for check without rebuilding, as its test run built the jar; for prepare building it
 * first, as the README's command does), so the check runs exactly what the attendee would.
 * Everything it prints is kept for the probes and written to a log file line by line as it prints
 * it: the file the check names can be followed while it runs, and is there after a check stopped
 * with Ctrl-C.
 */
public final class LocalCloudProcess implements StepCheck.RunningCloud {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5); // the first start compiles the local cloud

    private final Process process;
    private final URI base;
    private final List<String> log = new ArrayList<>();
    private final BufferedWriter logFile;
    private final Thread reader;

    /** Reads what {@code process} prints, into the log and {@code logFile}, which it closes when the process ends. */
    LocalCloudProcess(Process process, URI base, BufferedWriter logFile) {
        this.process = process;
        this.base = base;
        this.logFile = logFile;
        this.reader = new Thread(this::readOutput, "local-cloud-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * How a taken port is told in the reason the local cloud prints before it stops: by the local
     * cloud, which looks before it starts, or by Jetty, when another process took it in between.
     */
    static final java.util.regex.Pattern PORT_TAKEN = java.util.regex.Pattern.compile("Failed to bind|Port \\d+ is taken");
    private static final int PORT_ATTEMPTS = 3;

    static LocalCloudProcess start(Path root, Path logFile) throws IOException, InterruptedException {
        // Up for a minute, a few dozen requests: C2 would compile for longer than the check runs,
        // on the cores the functions' cold starts need (see Maven.QUICK_BUILD_OPTS).
        return start(root, root, false, Maven::quickBuild, logFile);
    }

    /**
     * Starts {@code stage} in the local cloud with the README's start command on a free port,
     * building it first when {@code build} (as the README's command does), and waits until it answers.
     * {@code environment} adjusts Maven's environment (MAVEN_OPTS, MAVEN_ARGS) before it starts.
     * What it prints goes to {@code logFile} as it prints it (the last try's, if the port was taken).
     */
    public static LocalCloudProcess start(Path root, Path stage, boolean build, Consumer<Map<String, String>> environment,
                                          Path logFile) throws IOException, InterruptedException {
        return onAnotherPortIfTaken(() -> startOnAFreePort(root, stage, build, environment, logFile));
    }

    /** One try at starting the local cloud. */
    interface Attempt<T> {
        T start() throws IOException, InterruptedException;
    }

    /**
     * Tries again, up to {@link #PORT_ATTEMPTS} in all, when the port was taken: it was free when
     * chosen, but another process (on a busy machine, another local cloud's execution environments)
     * may take it in the seconds Maven needs before the gateway listens.
     */
    static <T> T onAnotherPortIfTaken(Attempt<T> attempt) throws IOException, InterruptedException {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.start();
            } catch (IOException e) {
                if (tries == PORT_ATTEMPTS || e.getMessage() == null || !PORT_TAKEN.matcher(e.getMessage()).find()) {
                    throw e;
                }
            }
        }
    }

    private static LocalCloudProcess startOnAFreePort(Path root, Path stage, boolean build,
                                                      Consumer<Map<String, String>> environment, Path logFile)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(Maven.command(root));
        command.addAll(List.of("-q", "-f", root.resolve("workshop/local-cloud/pom.xml").toString(), "compile", "exec:java",
                "-Dstage=" + stage, "-Dport=" + port, "-Dbuild=" + build,
                // Stops when this JVM ends, however it ends: close() below does not run when the check is killed
                "-DstopWith=" + ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        environment.accept(builder.environment());
        // Opened before the local cloud starts: a log that cannot be written stops the check, not a process already running.
        Files.createDirectories(logFile.getParent());
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.close();
            throw e;
        }
        process.getOutputStream().close();
        LocalCloudProcess cloud = new LocalCloudProcess(process, URI.create("http://127.0.0.1:" + port + "/"), log);
        cloud.awaitReady();
        return cloud;
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    private void readOutput() {
        boolean fileWritable = true;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String clean = Maven.withoutColours(line);
                synchronized (this) {
                    log.add(clean);
                }
                fileWritable = fileWritable && written(clean);
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            try {
                logFile.close();
            } catch (IOException e) {
                // a full disk: the probes still have every line in memory
            }
        }
    }

    /** Writes a line to the log file; false when it cannot (a full disk), and the file is left as it is. */
    private boolean written(String line) {
        try {
            logFile.write(line);
            logFile.newLine();
            logFile.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                reader.join(2000);
                throw new IOException("the local cloud stopped before it was ready:\n  " + String.join("\n  ", tail(20)));
            }
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(base.resolve("/_local/endpoints"))
                                .timeout(Duration.ofSeconds(5)).GET().build(), // a port that accepts and stays silent must not hang check
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IOException("the local cloud did not start within " + START_TIMEOUT.toMinutes() + " minutes");
    }

    private synchronized List<String> tail(int lines) {
        // a copy: the reader thread may still be adding lines while the caller joins them
        return List.copyOf(log.subList(Math.max(0, log.size() - lines), log.size()));
    }

    @Override
    public Optional<String> stopped(Duration grace) throws InterruptedException {
        return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(howItEnded(process.exitValue()))
                : Optional.empty();
    }

    /** An exit code above 128 is a signal's: 128 + its number. */
    static String howItEnded(int exitCode) {
        return switch (exitCode) {
            case 137 -> "killed, exit code 137 (SIGKILL): most often the machine, or a container's limit, ran out of memory";
            case 130 -> "stopped by Ctrl-C, exit code 130 (SIGINT)";
            case 143 -> "stopped by kill, exit code 143 (SIGTERM)";
            default -> "exit code " + exitCode + "; its last lines are in target/workshop-check/local-cloud.log";
        };
    }

    /**
     * Stops the local cloud (its shutdown hook stops the execution environments), then anything left,
     * and waits a moment for its last lines to reach the log file.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
