package com.example.workshop.tools.check;

import java.util.Optional;
import java.util.regex.Pattern;

/** From step 3's read-aside on, read in the code: the Momento client is used, never closed. */
public final class ClosedClient {
    /** A try-with-resources on a CacheClient, in the code (comments left out). */
    private static final Pattern CLOSES_THE_CLIENT = Pattern.compile("(try\\s*\\(\\s*(?:final\\s+)?CacheClient\\b)");

    private ClosedClient() {
    }

    /**
     * The Momento client is the execution environment's, made once during Init and kept: a try-with-resources
     * around its use (CacheClient is AutoCloseable, and an IDE offers it) closes it after the first request, and
     * every later call on it waits until the function times out. Nothing the probes see says "closed": the code does.
     */
    public static void neverClosed(LocalService service) throws ProbeFailure {
        Optional<String> closing = service.foundInCode(CLOSES_THE_CLIENT).stream().findFirst();
        if (closing.isPresent()) {
            String file = closing.get().substring(0, closing.get().indexOf(':'));
            String code = closing.get().substring(file.length() + 2);
            throw ProbeFailure.inTheFile(file + " closes the Momento client after using it (" + code + " ...)): the client is the"
                    + " execution environment's, made once during Init and kept for every request; closed, each later call"
                    + " on it waits until the function times out. Use it without the try (...)", file);
        }
    }
}
