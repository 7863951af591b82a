package com.example.localcloud.lambda;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code java} runs the environments of a runtime ({@code java17}, {@code java21}, ...): a
 * JDK of that major version, as Lambda's runtime has, when one is installed; else the JDK the
 * local cloud runs on, with a note saying so (a function compiled for an older release runs on
 * a newer JDK, but not the other way round, and behaviour may differ).
 */
final class FunctionJvms {

    /** The local bootstrap is compiled for Java 17: an older JDK cannot run it. */
    static final int OLDEST_SUPPORTED = 17;
    private static final Pattern JAVA_RUNTIME = Pattern.compile("java(\\d+)(\\..*)?");

    private final InstalledJdks installed;
    private final Path currentJavaHome;
    private final int currentMajor;
    private final Map<String, Choice> choices = new LinkedHashMap<>();

    /**
     * JDK 24 and later print warnings that the JDKs of Lambda's java17 and java21 runtimes do not:
     * at a library's first native call (JEP 472) and at its first memory access through
     * {@code sun.misc.Unsafe} (JEP 498). Netty, inside the Momento SDK, does both at every cold
     * start: eight WARNING lines in each environment's log. A newer JDK standing in for such a
     * runtime gets the options that make it behave as that runtime's JDK does.
     */
    static final int FIRST_JDK_THAT_WARNS = 24;
    static final List<String> OPTIONS_OF_AN_OLDER_JDK =
            List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    /**
     * The JVM for one runtime, the options it needs to behave as that runtime's JDK, and the note
     * to show if it is not the one the runtime asks for.
     */
    record Choice(Path javaExecutable, int major, List<String> jvmOptions, Optional<String> note) {
    }

    FunctionJvms(InstalledJdks installed, Path currentJavaHome, int currentMajor) {
        this.installed = installed;
        this.currentJavaHome = currentJavaHome;
        this.currentMajor = currentMajor;
    }

    static FunctionJvms onThisMachine() {
        return new FunctionJvms(InstalledJdks.onThisMachine(), Path.of(System.getProperty("java.home")),
                Runtime.version().feature());
    }

    /** @param runtime serverless.yml's {@code runtime}, e.g. {@code java21}; null means Lambda's default for Java here */
    synchronized Choice choose(String runtime) {
        return choices.computeIfAbsent(runtime == null ? "java21" : runtime, this::decide);
    }

    /** The notes of every runtime chosen so far, e.g. for the startup banner. */
    synchronized List<String> notes() {
        return choices.values().stream().flatMap(choice -> choice.note().stream()).toList();
    }

    private Choice decide(String runtime) {
        Matcher matcher = JAVA_RUNTIME.matcher(runtime);
        if (!matcher.matches()) {
            Choice current = new Choice(InstalledJdks.javaExecutable(currentJavaHome), currentMajor, List.of(), Optional.empty());
            return withNote(current, "serverless.yml declares runtime " + runtime + ", not a Java runtime; the functions run on JDK "
                    + currentMajor);
        }
        int wanted = Integer.parseInt(matcher.group(1));
        Choice current = new Choice(InstalledJdks.javaExecutable(currentJavaHome), currentMajor,
                optionsStandingInFor(wanted, currentMajor), Optional.empty());
        if (wanted == currentMajor) {
            return current;
        }
        if (wanted < OLDEST_SUPPORTED) {
            return withNote(current, "serverless.yml declares " + runtime + "; the local cloud needs Java " + OLDEST_SUPPORTED
                    + "+, the functions run on JDK " + currentMajor);
        }
        return installed.find(wanted)
                .map(home -> new Choice(InstalledJdks.javaExecutable(home), wanted, List.of(), Optional.empty()))
                .orElseGet(() -> withNote(current, "serverless.yml declares " + runtime + "; no JDK " + wanted
                        + " found, the functions run on JDK " + currentMajor + " (set JAVA_HOME_" + wanted + " to a JDK " + wanted + ")"));
    }

    /** Options for a JDK of version {@code jdk} running a function of Lambda's {@code java<declared>}. */
    static List<String> optionsStandingInFor(int declared, int jdk) {
        return jdk >= FIRST_JDK_THAT_WARNS && declared < FIRST_JDK_THAT_WARNS ? OPTIONS_OF_AN_OLDER_JDK : List.of();
    }

    private static Choice withNote(Choice choice, String note) {
        return new Choice(choice.javaExecutable(), choice.major(), choice.jvmOptions(), Optional.of(note));
    }
}
