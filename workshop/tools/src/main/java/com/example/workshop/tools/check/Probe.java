package com.example.workshop.tools.check;

/**
 * A look at the attendee's service running in the local cloud: returns when what the lesson
 * promises is true, throws {@link ProbeFailure} saying what was seen instead.
 */
@FunctionalInterface
public interface Probe {
    void run(LocalService service) throws Exception;
}
