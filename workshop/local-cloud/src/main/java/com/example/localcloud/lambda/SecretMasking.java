package com.example.localcloud.lambda;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Masks the local Momento API key (whole, or any piece of it {@value #PIECE} characters long) in
 * what the functions log, and says so on the next line. A
 * function that logs its key is a bug (on AWS the key would sit in CloudWatch Logs for anyone who
 * may read them); the local cloud's log is often on a projector. The note names the function, so
 * that the workshop's {@code check} can fail the step on it.
 */
public final class SecretMasking implements Consumer<String> {
    /** Put in place of a secret; the next line explains it. */
    public static final String MASK = "********";
    /** How the note after a masked line begins. */
    public static final String NOTE = "The local cloud masked the Momento API key in the line above";

    /**
     * The shortest piece of a secret that is masked too: a key logged in parts (a prefix "to see
     * which key it is", or split over two lines) leaks as surely as a whole one. Sixteen characters
     * of a random key appear nowhere else by chance.
     */
    static final int PIECE = 16;

    private final List<String> secrets;
    /** Every PIECE-long substring of every secret. */
    private final Set<String> pieces = new HashSet<>();
    private final Consumer<String> log;

    public SecretMasking(List<String> secrets, Consumer<String> log) {
        this.secrets = secrets.stream().filter(secret -> !secret.isBlank()).toList();
        for (String secret : this.secrets) {
            for (int start = 0; start + PIECE <= secret.length(); start++) {
                pieces.add(secret.substring(start, start + PIECE));
            }
        }
        this.log = log;
    }

    @Override
    public void accept(String line) {
        String masked = line;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        masked = withoutPieces(masked);
        log.accept(masked);
        if (!masked.equals(line)) {
            log.accept(tagOf(line) + NOTE + ": a secret must never be logged (log the secret's id, never its value)");
        }
    }

    /** {@code line} with every run of characters that holds a piece of a secret replaced by {@link #MASK}. */
    private String withoutPieces(String line) {
        boolean[] secret = null;
        for (int start = 0; start + PIECE <= line.length(); start++) {
            if (pieces.contains(line.substring(start, start + PIECE))) {
                secret = secret == null ? new boolean[line.length()] : secret;
                java.util.Arrays.fill(secret, start, start + PIECE, true);
            }
        }
        if (secret == null) {
            return line;
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            if (!secret[i]) {
                masked.append(line.charAt(i));
            } else if (i == 0 || !secret[i - 1]) {
                masked.append(MASK);
            }
        }
        return masked.toString();
    }

    /** "[getUser#1] " for a function's line, else "". */
    private static String tagOf(String line) {
        int end = line.indexOf("] ");
        return line.startsWith("[") && end > 0 ? line.substring(0, end + 2) : "";
    }
}
