package com.example.workshop.tools.check;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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

    /**
     * The tools read javac's and Maven's messages ("cannot find symbol", "symbol: method write"), and
     * javac writes them in its JVM's language: Japanese and Chinese on every JDK, German too on newer
     * ones. An option on Maven's command line outranks the attendee's JAVA_TOOL_OPTIONS.
     */
    static final String ENGLISH_MESSAGES = "-Duser.language=en -Duser.country=US";

    /**
     * The tools read Maven's output as UTF-8, and find the attendee's files in it by their path: a
     * path with a non-ASCII letter, printed in another encoding (Windows' code page, where the output
     * is a pipe), would no longer start with the working copy's. {@code sun.*} for JDK 17 and 18.
     */
    static final String UTF_8_OUTPUT = "-Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8"
            + " -Dsun.stderr.encoding=UTF-8";

    /**
     * The environment of a short Maven build whose output the tools read: the attendee's MAVEN_OPTS,
     * plus {@link #QUICK_BUILD_OPTS}, {@link #ENGLISH_MESSAGES} and {@link #UTF_8_OUTPUT}.
     */
    public static void quickBuild(Map<String, String> environment) {
        String own = environment.getOrDefault("MAVEN_OPTS", "").strip();
        String ours = QUICK_BUILD_OPTS + " " + ENGLISH_MESSAGES + " " + UTF_8_OUTPUT;
        environment.put("MAVEN_OPTS", own.isEmpty() ? ours : own + " " + ours);
    }

    private Maven() {
    }

    /** What a Maven run printed (standard output and error, in order) and how it ended. */
    public record Output(int exitCode, List<String> lines) {
    }

    /**
     * Runs Maven in {@code root} with these arguments (its environment prepared by {@code environment}),
     * waits for it, and writes what it prints to {@code logFile} (appended when {@code append}) line by
     * line as it prints it, so that the log the check names can be followed while a slow build runs.
     */
    public static Output run(Path root, List<String> arguments, Consumer<Map<String, String>> environment, Path logFile,
                             boolean append) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(command(root));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        environment.accept(builder.environment());
        // Opened before the build starts: a log that cannot be written stops the check, not a build already running.
        Files.createDirectories(logFile.getParent());
        try (BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            Process process = builder.start();
            // A check stopped with kill (an IDE's stop button) would leave its build running, beside the next check's.
            Thread stopTheBuild = new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }, "stop-the-build");
            Runtime.getRuntime().addShutdownHook(stopTheBuild);
            List<String> output = new ArrayList<>();
            boolean ended = false;
            try {
                LeftOverBuild.record(root, process.toHandle()); // for kill -9, which runs no hook
                process.getOutputStream().close();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String clean = withoutColours(line);
                        output.add(clean);
                        log.write(clean);
                        log.newLine();
                        log.flush();
                    }
                }
                int exitCode = process.waitFor();
                ended = true;
                LeftOverBuild.forget(root);
                return new Output(exitCode, output);
            } finally {
                if (!ended) {
                    stopTheBuild.run(); // this tool failed or was interrupted: the build must not run on without it
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(stopTheBuild);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, or has
                }
            }
        }
    }

    /**
     * The line without terminal colour codes: some Mavens (Debian's 3.8.7) colour their output even
     * in batch mode, and an error line that starts with "ESC[0m[ERROR]" would not be read as one.
     */
    public static String withoutColours(String line) {
        return line.indexOf('\u001B') < 0 ? line : COLOUR_CODE.matcher(line).replaceAll("");
    }

    private static final Pattern COLOUR_CODE = Pattern.compile("\u001B\\[[;\\d]*m");

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
