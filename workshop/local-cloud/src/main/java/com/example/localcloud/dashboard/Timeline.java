package com.example.localcloud.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event of a live run, kept from the first: a page that opens late (or reconnects) gets the
 * whole run so far, and the file written at the end ({@code timeline.json}) replays it.
 */
public final class Timeline {
    public static final String FILE = "timeline.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> events = new ArrayList<>();
    private boolean ended;
    private volatile long zeroNanos = System.nanoTime();

    /** Seconds since {@link #startClock()}: the x of ticks and marks. */
    public double now() {
        return at(System.nanoTime());
    }

    /** The x of something that happened at {@code nanoTime} ({@link System#nanoTime()}'s clock). */
    public double at(long nanoTime) {
        return Math.round((nanoTime - zeroNanos) / 1e7) / 100.0;
    }

    /** The load is about to start: t = 0 from here. */
    public void startClock() {
        zeroNanos = System.nanoTime();
    }

    public synchronized void add(Object event) {
        if (ended) {
            return;
        }
        events.add(write(event));
        notifyAll();
    }

    /** The last event: listeners stop after it. */
    public synchronized void end(Events.End event) {
        add(event);
        ended = true;
        notifyAll();
    }

    public synchronized boolean ended() {
        return ended;
    }

    /**
     * The events from {@code index} on; waits up to {@code timeoutMillis} for one when there is none
     * yet. Empty after the end (or the timeout).
     */
    public synchronized List<String> from(int index, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (events.size() <= index && !ended && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
        return index < events.size() ? List.copyOf(events.subList(index, events.size())) : List.of();
    }

    /** Every event as one JSON array (what the page's Export saves, and what a replay reads). */
    public synchronized String toJson() {
        return "[\n" + String.join(",\n", events) + "\n]\n";
    }

    public Path writeTo(Path file) {
        try {
            return Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** A finished run from its timeline.json, for a replay. */
    public static Timeline read(Path file) {
        Timeline timeline = new Timeline();
        try {
            JsonNode array = JSON.readTree(file.toFile());
            if (!array.isArray()) {
                throw new IllegalArgumentException(file + " is not a timeline (a JSON array of events)");
            }
            array.forEach(event -> timeline.events.add(event.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        timeline.ended = true;
        return timeline;
    }

    private static String write(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event + " as JSON", e);
        }
    }
}
