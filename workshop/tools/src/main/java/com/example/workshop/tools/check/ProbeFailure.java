package com.example.workshop.tools.check;

import java.util.Optional;

/** What a probe saw that the lesson does not allow, in one line for the checklist. */
public class ProbeFailure extends Exception {
    private final String file;
    private final boolean seenInTheFiles;
    private final boolean tracedInTheCode;

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
        this(message, file, seenInTheFiles, false);
    }

    private ProbeFailure(String message, String file, boolean seenInTheFiles, boolean tracedInTheCode) {
        super(message);
        this.file = file;
        this.seenInTheFiles = seenInTheFiles;
        this.tracedInTheCode = tracedInTheCode;
    }

    /**
     * A slip read in {@code file} itself (serverless.yml or the code), not seen in the running service: the
     * checklist then does not say "local cloud:" before it.
     */
    public static ProbeFailure inTheFile(String message, String file) {
        return new ProbeFailure(message, file, true);
    }

    /**
     * A slip seen in the running service and traced to {@code file} through the attendee's code: its
     * pointer stands even when the lesson's own unit test fails, as that test runs through the same
     * code (step 6's StreamCacherHandlerTest through AccountCache.replace, which logs where it must throw).
     */
    public static ProbeFailure tracedInTheCode(String message, String file) {
        return new ProbeFailure(message, file, false, true);
    }

    /** Whether the probe traced the slip to its file through the code (see {@link #tracedInTheCode(String, String)}). */
    public boolean tracedInTheCode() {
        return tracedInTheCode;
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
