package com.example.localcloud.lambda;

import java.util.List;
import java.util.function.Consumer;

/**
 * Masks the local Momento API key in what the functions log, and says so on the next line. A
 * function that logs its key is a bug (on AWS the key would sit in CloudWatch Logs for anyone who
 * may read them); the local cloud's log is often on a projector. The note names the function, so
 * that the workshop's {@code check} can fail the step on it.
 */
public final class SecretMasking implements Consumer<String> {
    /** Put in place of a secret; the next line explains it. */
    public static final String MASK = "********";
    /** How the note after a masked line begins. */
    public static final String NOTE = "The local cloud masked the Momento API key in the line above";

    private final List<String> secrets;
    private final Consumer<String> log;

    public SecretMasking(List<String> secrets, Consumer<String> log) {
        this.secrets = secrets.stream().filter(secret -> !secret.isBlank()).toList();
        this.log = log;
    }

    @Override
    public void accept(String line) {
        String masked = line;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        log.accept(masked);
        if (!masked.equals(line)) {
            log.accept(tagOf(line) + NOTE + ": a secret must never be logged (log the secret's id, never its value)");
        }
    }

    /** "[getUser#1] " for a function's line, else "". */
    private static String tagOf(String line) {
        int end = line.indexOf("] ");
        return line.startsWith("[") && end > 0 ? line.substring(0, end + 2) : "";
    }
}
