package com.example.workshop.tools.prepare;

import java.util.List;

/**
 * How one readiness check went: passed, or why not. {@code missing} names what Maven could not
 * find offline (then fetching on a network fixes it); a failure with nothing missing is something
 * else (code that does not compile, a port in use) that a download will not fix.
 */
record Outcome(boolean passed, String detail, List<String> missing) {
    static Outcome passed(String detail) {
        return new Outcome(true, detail, List.of());
    }

    static Outcome failed(String detail, List<String> missing) {
        return new Outcome(false, detail, List.copyOf(missing));
    }

    boolean missesDownloads() {
        return !missing.isEmpty();
    }
}
