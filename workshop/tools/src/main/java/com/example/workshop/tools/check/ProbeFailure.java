package com.example.workshop.tools.check;

/** What a probe saw that the lesson does not allow, in one line for the checklist. */
public class ProbeFailure extends Exception {
    public ProbeFailure(String message) {
        super(message);
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void expect(boolean condition, String message) throws ProbeFailure {
        if (!condition) {
            throw new ProbeFailure(message);
        }
    }
}
