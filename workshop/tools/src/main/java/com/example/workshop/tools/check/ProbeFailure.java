package com.example.workshop.tools.check;

import java.util.Optional;

/** What a probe saw that the lesson does not allow, in one line for the checklist. */
public class ProbeFailure extends Exception {
    private final String file;
    private final boolean seenInTheFiles;

    public ProbeFailure(String message) {
        this(message, null);
    }

    /**
     * @param file where the slip is, when what the probe saw tells (e.g. {@code AccountCache.java} while the
     *             lesson's edit is in {@code AccountService.java}); null: the lesson's own file
     */
    public ProbeFailure(String message, String file) {
        this(message, file, false);
    }

    private ProbeFailure(String message, String file, boolean seenInTheFiles) {
        super(message);
        this.file = file;
        this.seenInTheFiles = seenInTheFiles;
    }

    /**
     * A slip read in {@code file} itself (serverless.yml or the code), not seen in the running service: the
     * checklist then does not say "local cloud:" before it.
     */
    public static ProbeFailure inTheFile(String message, String file) {
        return new ProbeFailure(message, file, true);
    }

    /** Where the checklist says the failure was seen: "local cloud: " for the running service, nothing for a file. */
    public String seenWhere() {
        return seenInTheFiles ? "" : "local cloud: ";
    }

    /** The file the checklist should point at instead of the lesson's, if the probe could tell. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void expect(boolean condition, String message) throws ProbeFailure {
        expect(condition, message, null);
    }

    /** Fails with {@code message}, pointing at {@code file}, unless {@code condition} holds. */
    public static void expect(boolean condition, String message, String file) throws ProbeFailure {
        if (!condition) {
            throw new ProbeFailure(message, file);
        }
    }
}
