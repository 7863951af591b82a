package com.example.localcloud.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes made to the local cloud through its {@code /_local} routes (a fault set, a cache
 * flushed, a delay changed), newest last: what a demo scripted with curl did, and when. The live
 * dashboard reads it each second and marks each change on its charts where it happened, as it
 * marks its own buttons. Keeps the last {@value #KEPT} changes; reads ({@code GET}) are not changes.
 */
public final class ControlLog {
    static final int KEPT = 500;

    /**
     * @param number  1 for the first change, then 2, ...: read the changes after the last one seen
     * @param atNanos when it was answered, on {@link System#nanoTime()}'s clock
     * @param service the service the route belongs to, e.g. {@code momento}
     * @param request e.g. {@code POST momento/faults?rpc=data&status=UNAVAILABLE}
     */
    public record Change(long number, long atNanos, String service, String request) {
    }

    private final List<Change> changes = new ArrayList<>();
    private long last;

    /** A {@code /_local} route that changed something answered 2xx. */
    public synchronized void record(String method, String service, String path, String query) {
        String request = method + " " + service + path + (query == null || query.isEmpty() ? "" : "?" + query);
        changes.add(new Change(++last, System.nanoTime(), service, request));
        if (changes.size() > KEPT) {
            changes.remove(0);
        }
    }

    /** The changes numbered above {@code number}, oldest first (0: every change kept). */
    public synchronized List<Change> after(long number) {
        return changes.stream().filter(change -> change.number() > number).toList();
    }

    /** The number of the newest change, 0 before any: where a new reader starts. */
    public synchronized long last() {
        return last;
    }
}
