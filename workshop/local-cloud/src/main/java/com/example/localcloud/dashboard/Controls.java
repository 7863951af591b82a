package com.example.localcloud.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's buttons, by name, as {@code POST /api/controls/<action>?stage=<name>} takes them
 * (the page and a demo script send the same requests). Each applied control becomes a mark on the
 * charts. Bad input is an {@link IllegalArgumentException} whose message the caller gets back.
 */
public final class Controls {

    /** Every action, with the words its mark carries on the charts. */
    static final Map<String, String> ACTIONS = actions();

    private final Map<String, StageControls> stages;
    private final LoadControl load;
    private final Timeline timeline;

    /**
     * @param stages by stage name, in the page's order
     * @param load   the load generator, or null when there is none (the local cloud's own dashboard)
     */
    Controls(Map<String, StageControls> stages, LoadControl load, Timeline timeline) {
        this.stages = stages;
        this.load = load;
        this.timeline = timeline;
    }

    private static Map<String, String> actions() {
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("momento-down", "Momento down");
        actions.put("momento-errors", "Momento erroring");
        actions.put("momento-slow", "Momento slow");
        actions.put("momento-ok", "Momento back");
        actions.put("flush", "cache flushed");
        actions.put("dynamodb-slow", "DynamoDB slow");
        actions.put("dynamodb-throttling", "DynamoDB throttling");
        actions.put("dynamodb-ok", "DynamoDB back");
        actions.put("cold-starts", "new environments");
        actions.put("delays-on", "network delays on");
        actions.put("delays-off", "network delays off");
        actions.put("start", "load started");
        actions.put("pause", "load paused");
        actions.put("stop", "load stopped");
        actions.put("concurrency", "concurrency");
        return java.util.Collections.unmodifiableMap(actions);
    }

    /**
     * @param stage a stage's name, or null or "all" for every stage (load actions are always for all)
     * @param value the concurrency, for "concurrency"
     * @return the mark drawn on the charts
     * @throws IllegalArgumentException an unknown action, stage or value, or a load action without a load generator (400)
     * @throws IllegalStateException    a load action before the stages are ready (409)
     */
    public Events.Mark apply(String action, String stage, String value) {
        String words = ACTIONS.get(action == null ? "" : action);
        if (words == null) {
            throw new IllegalArgumentException("Unknown control '" + action + "'; use one of " + new ArrayList<>(ACTIONS.keySet()));
        }
        List<StageControls> chosen = chosen(stage);
        if (loadAction(action) && load == null) {
            throw new IllegalArgumentException("No load generator drives this stage: the local cloud's own dashboard shows the "
                    + "requests it gets (curl, a browser, your code); for a load, run the load test's compare --dashboard");
        }
        if (loadAction(action) && !load.ready()) {
            throw new IllegalStateException("The stages are being seeded and warmed up; the load can be started, paused "
                    + "or resized once that is done");
        }
        if (action.equals("start") && load.state().equals("running") || action.equals("pause") && !load.state().equals("running")) {
            // A double click would draw a second "load started" (or "paused") line on every chart, and replays keep it.
            throw new IllegalStateException("The load is " + load.state() + " already; nothing to " + action);
        }
        switch (action) {
            case "momento-down" -> chosen.forEach(s -> s.momento(StageControls.Momento.DOWN));
            case "momento-errors" -> chosen.forEach(s -> s.momento(StageControls.Momento.ERRORS));
            case "momento-slow" -> chosen.forEach(s -> s.momento(StageControls.Momento.SLOW));
            case "momento-ok" -> chosen.forEach(s -> s.momento(StageControls.Momento.OK));
            case "flush" -> chosen.forEach(StageControls::flush);
            case "dynamodb-slow" -> chosen.forEach(s -> s.dynamoDb(StageControls.DynamoDb.SLOW));
            case "dynamodb-throttling" -> chosen.forEach(s -> s.dynamoDb(StageControls.DynamoDb.THROTTLING));
            case "dynamodb-ok" -> chosen.forEach(s -> s.dynamoDb(StageControls.DynamoDb.OK));
            case "cold-starts" -> chosen.forEach(StageControls::retireEnvironments);
            case "delays-on" -> chosen.forEach(s -> s.network(true));
            case "delays-off" -> chosen.forEach(s -> s.network(false));
            case "start" -> load.start();
            case "pause" -> load.pause();
            case "stop" -> load.stop();
            case "concurrency" -> {
                int concurrency = concurrency(value);
                load.concurrency(concurrency);
                words = "concurrency " + concurrency;
            }
            default -> throw new IllegalStateException("No handler for " + action);
        }
        boolean everyStage = stage == null || stage.isBlank() || stage.equals("all") || loadAction(action);
        Events.Mark mark = new Events.Mark(timeline.now(), everyStage ? "all" : stage, words);
        timeline.add(mark);
        return mark;
    }

    private List<StageControls> chosen(String stage) {
        if (stage == null || stage.isBlank() || stage.equals("all")) {
            return List.copyOf(stages.values());
        }
        StageControls one = stages.get(stage);
        if (one == null) {
            throw new IllegalArgumentException("No stage '" + stage + "' in this run; use one of " + stages.keySet() + " or all");
        }
        return List.of(one);
    }

    private static boolean loadAction(String action) {
        return List.of("start", "pause", "stop", "concurrency").contains(action);
    }

    private static int concurrency(String value) {
        try {
            int concurrency = Integer.parseInt(value == null ? "" : value.strip());
            if (concurrency >= 1 && concurrency <= LoadControl.MAX_CONCURRENCY) {
                return concurrency;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("value must be a concurrency from 1 to " + LoadControl.MAX_CONCURRENCY + ", not '" + value + "'");
    }
}
