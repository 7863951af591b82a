package com.example.localcloud.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The messages of a live run, in order: what the page receives as server-sent events, and what a
 * timeline.json holds for a replay. Each has a {@code type}; the page handles them the same way
 * live and in a replay.
 */
public final class Events {

    private Events() {
    }

    /** A line of what the run is doing before the load starts ("Starting step-4 ..."). */
    public record Status(String text) {
        @JsonProperty
        public String type() {
            return "status";
        }
    }

    /**
     * The stages are up and seeded: the page lays out one column per stage.
     *
     * @param load whether a load generator drives the stages (without one, the page hides the Load buttons)
     */
    public record Hello(String title, String settings, List<StageInfo> stages, double windowSeconds, boolean load) {
        @JsonProperty
        public String type() {
            return "hello";
        }
    }

    /**
     * @param caches what the stage caches, in words for the room
     * @param url    the stage's API (its {@code /_local} endpoints are there too)
     */
    public record StageInfo(String name, String caches, String description, String url) {
    }

    /**
     * One second of the run: the load's state and each stage's figures, {@code t} seconds after the hello.
     *
     * @param load e.g. {@code running}; {@code live} when no load generator drives the stages
     */
    public record Tick(double t, String load, int concurrency, List<Sample> stages) {
        @JsonProperty
        public String type() {
            return "tick";
        }
    }

    /**
     * Something the instructor did, drawn on the charts where it happened.
     *
     * @param stage a stage's name, or "all"
     */
    public record Mark(double t, String stage, String label) {
        @JsonProperty
        public String type() {
            return "mark";
        }
    }

    /** The run is over; the page stops listening. */
    public record End(String text) {
        @JsonProperty
        public String type() {
            return "end";
        }
    }
}
