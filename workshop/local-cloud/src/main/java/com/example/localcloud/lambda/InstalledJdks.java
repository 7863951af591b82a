package com.example.localcloud.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Finds a JDK of a given major version on this machine, where developers and CI usually have
 * them: Maven toolchains ({@code ~/.m2/toolchains.xml}), {@code JAVA_HOME_<N>} /
 * {@code JAVA_HOME_<N>_X64} (as GitHub Actions sets), then the usual install directories. A
 * directory counts as a JDK of version N if its {@code release} file says so and it has
 * {@code bin/java}.
 */
final class InstalledJdks {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9][^\"]*)\"?\\s*$", Pattern.MULTILINE);
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{env\\.([^}]+)}");

    private final Map<String, String> environment;
    private final Path userHome;
    private final List<Path> installDirectories;

    /**
     * @param installDirectories directories whose subdirectories may be JDKs (e.g. {@code /usr/lib/jvm})
     */
    InstalledJdks(Map<String, String> environment, Path userHome, List<Path> installDirectories) {
        this.environment = Map.copyOf(environment);
        this.userHome = userHome;
        this.installDirectories = List.copyOf(installDirectories);
    }

    static InstalledJdks onThisMachine() {
        Path userHome = Path.of(System.getProperty("user.home"));
        List<Path> directories = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
                Path.of("/Library/Java/JavaVirtualMachines"), userHome.resolve(".sdkman/candidates/java"),
                userHome.resolve(".jdks")));
        for (String variable : List.of("ProgramFiles", "ProgramW6432")) {
            String programFiles = System.getenv(variable);
            if (programFiles != null) {
                directories.add(Path.of(programFiles, "Java"));
                directories.add(Path.of(programFiles, "Eclipse Adoptium"));
            }
        }
        return new InstalledJdks(System.getenv(), userHome, directories);
    }

    /** The home of a JDK whose major version is {@code major}, if one is installed. */
    Optional<Path> find(int major) {
        List<Path> candidates = new ArrayList<>(toolchainJdkHomes());
        for (String suffix : List.of("", "_X64", "_x64", "_ARM64", "_arm64", "_AARCH64", "_aarch64")) {
            String home = environment.get("JAVA_HOME_" + major + suffix);
            if (home != null && !home.isBlank()) {
                candidates.add(Path.of(home));
            }
        }
        for (Path directory : installDirectories) {
            candidates.addAll(subdirectories(directory));
        }
        return candidates.stream().filter(home -> majorVersion(home).orElse(-1) == major && hasJava(home)).findFirst();
    }

    /** The major version a JDK's {@code release} file states: 21 for "21.0.2", 8 for "1.8.0_392". */
    static OptionalInt majorVersion(Path jdkHome) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(jdkHome.resolve("release")));
            if (!matcher.find()) {
                return OptionalInt.empty();
            }
            String[] parts = matcher.group(1).split("[._+-]");
            int first = Integer.parseInt(parts[0]);
            return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    static Path javaExecutable(Path jdkHome) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        return jdkHome.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    private static boolean hasJava(Path jdkHome) {
        return Files.isExecutable(javaExecutable(jdkHome));
    }

    /** The {@code jdkHome} of every JDK toolchain (the declared version is not trusted: the release file decides). */
    private List<Path> toolchainJdkHomes() {
        Path toolchains = userHome.resolve(".m2/toolchains.xml");
        List<Path> homes = new ArrayList<>();
        if (!Files.isRegularFile(toolchains)) {
            return homes;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList jdkHomes = factory.newDocumentBuilder().parse(toolchains.toFile()).getElementsByTagName("jdkHome");
            for (int i = 0; i < jdkHomes.getLength(); i++) {
                String home = resolveEnvironment(((Element) jdkHomes.item(i)).getTextContent().trim());
                if (!home.isEmpty() && !home.contains("${")) {
                    homes.add(Path.of(home));
                }
            }
        } catch (Exception e) {
            // an unreadable toolchains.xml is no reason not to start: the other places remain
        }
        return homes;
    }

    private String resolveEnvironment(String text) {
        Matcher matcher = ENV_PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(out).toString();
    }

    private static List<Path> subdirectories(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().flatMap(child -> Stream.of(child, child.resolve("Contents/Home"))) // macOS bundles
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
