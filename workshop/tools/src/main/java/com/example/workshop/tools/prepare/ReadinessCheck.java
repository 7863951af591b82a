package com.example.workshop.tools.prepare;

import java.io.IOException;

/** One thing the workshop needs to work, tried with Maven offline (or online, to fetch what it needs). */
public interface ReadinessCheck {
    /** What it shows works, e.g. "the stage tools (start, check, use, diff)". */
    String title();

    /** The command an attendee would type for it, offline (or what is looked at), shown before the result. */
    String command();

    Outcome run(boolean offline) throws IOException, InterruptedException;
}
