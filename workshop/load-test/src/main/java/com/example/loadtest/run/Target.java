package com.example.loadtest.run;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Something that serves the accounts API: a stage in a local cloud, or a deployed URL. */
public interface Target extends AutoCloseable {

    /** Short, for tables: {@code step-4}, or the deployed host. */
    String name();

    /** Longer, for the report: where it runs. */
    String description();

    /** The API's base URL; request paths are appended to it. */
    URI baseUri();

    /** The servers' counters now, or empty when this target cannot see them (deployed). */
    Optional<ServerCounters> counters();

    /** Whether this target sees its cold starts (a local cloud does; a deployed URL does not). */
    boolean seesColdStarts();

    /** Every cold start seen so far, oldest first. */
    List<ColdStart> coldStarts();

    /** Tells the target what the load test does now, so cold starts are attributed to it. */
    void phase(Phase phase);

    @Override
    void close();
}
