package com.example.workshop.tools.prepare;

import com.example.workshop.tools.check.Maven;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs Maven as the stage tools do, offline when asked, and keeps everything it printed in a log file. */
final class MavenProcess {
    record Result(int exitCode, List<String> output) {
    }

    private MavenProcess() {
    }

    static Result run(Path root, List<String> arguments, boolean offline, Path logFile) throws IOException, InterruptedException {
        Maven.Output output = Maven.run(root, arguments, environment -> environment(environment, offline), logFile, false);
        return new Result(output.exitCode(), output.lines());
    }

    /**
     * Offline goes through MAVEN_ARGS, not the command line: Maven's launch script adds MAVEN_ARGS to
     * every Maven it starts, and so it reaches the Mavens that Maven itself starts, such as the
     * local cloud's build of the stage it serves (it runs {@code mvn package} through
     * maven-invoker, which passes its environment on). The repository an instructor named with
     * {@code -Dmaven.repo.local} on the prepare command goes along the same way. (The launch
     * script splits MAVEN_ARGS at spaces: such a path must have none.)
     */
    static void environment(Map<String, String> environment, boolean offline) {
        // Each of these Mavens lives for seconds to a minute: C1 only, as check's (Maven.QUICK_BUILD_OPTS).
        Maven.quickBuild(environment);
        StringBuilder arguments = new StringBuilder(environment.getOrDefault("MAVEN_ARGS", "").strip());
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !arguments.toString().contains("-Dmaven.repo.local=")) {
            arguments.append(" -Dmaven.repo.local=").append(repository);
        }
        if (offline) {
            arguments.append(" -o");
        }
        environment.put("MAVEN_ARGS", arguments.toString().strip());
    }

    /**
     * One line saying why Maven failed: where it could not download, when that is why (online,
     * Maven says "Could not transfer artifact X from/to central (...): <the network's error>"),
     * else its first error (with the line after, when the first only announces it).
     */
    static String firstError(List<String> output) {
        for (String line : output) {
            int transfer = line.indexOf("Could not transfer artifact");
            if (transfer >= 0) {
                return shorten(line.substring(transfer));
            }
        }
        List<String> errors = output.stream().filter(line -> line.startsWith("[ERROR]"))
                .map(line -> line.substring("[ERROR]".length()).strip()).filter(line -> !line.isEmpty()).toList();
        if (errors.isEmpty()) {
            return output.isEmpty() ? "Maven printed nothing" : shorten(output.get(output.size() - 1).strip());
        }
        String first = errors.get(0);
        return shorten(first.endsWith(":") && errors.size() > 1 ? first + " " + errors.get(1) : first);
    }

    private static String shorten(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
