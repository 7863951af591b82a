package com.example.loadtest.live;

import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.NetworkDelays;
import com.example.localcloud.dynamodb.DynamoDbFaults;
import com.example.localcloud.momento.FaultInjector;
import com.example.localcloud.momento.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the instructor has done to one stage's local cloud: Momento down, erroring or slow,
 * DynamoDB slow or throttling, the simulated network time on or off. Each change recomputes the
 * local services' faults from this state (the local cloud's own fault injection, the same one the
 * {@code /_local} endpoints drive), so "back to normal" never forgets the network time.
 */
final class StageControls {

    enum Momento { OK, DOWN, ERRORS, SLOW }

    enum DynamoDb { OK, SLOW, THROTTLING }

    /** What "slow" adds to every call: far more than any network, so the room sees it at once. */
    static final Duration SLOW_BY = Duration.ofMillis(100);
    /** The read operations a throttling fault hits (writes go on: the demo is about reads). */
    static final List<String> READ_OPERATIONS = List.of("GetItem", "Query", "BatchGetItem");

    private final LocalStageTarget target;
    private final NetworkDelays networkDelays;
    private Momento momento = Momento.OK;
    private DynamoDb dynamoDb = DynamoDb.OK;
    private boolean networkOn;
    /** The Momento rules as the dashboard left them: any other set means a script changed them through /_local. */
    private Set<Long> momentoRulesSetHere = Set.of();
    private boolean momentoSetElsewhere;

    /**
     * @param networkDelays what "network delays on" adds
     * @param networkOn     whether they are in force from the start (the stage was started with them)
     */
    StageControls(LocalStageTarget target, NetworkDelays networkDelays, boolean networkOn) {
        this.target = target;
        this.networkDelays = networkDelays;
        this.networkOn = networkOn;
        momento(Momento.OK); // the stage's start installed the network time as a rule of its own: now it is one of ours
    }

    synchronized void momento(Momento state) {
        momento = state;
        target.momentoFaults().clear();
        // The local Momento applies one rule per call (the oldest that matches), so the network
        // time and the fault go into one rule: the query a script would POST to /_local/momento/faults.
        Map<String, String> rule = new HashMap<>(Map.of("rpc", "data"));
        switch (state) {
            case DOWN -> rule.put("status", "UNAVAILABLE");
            case ERRORS -> rule.put("status", "INTERNAL");
            case SLOW, OK -> { }
        }
        Duration delay = (networkOn ? networkDelays.momento() : Duration.ZERO).plus(state == Momento.SLOW ? SLOW_BY : Duration.ZERO);
        if (!delay.isZero()) {
            rule.put("delayMs", String.valueOf(delay.toMillis()));
        }
        if (rule.size() > 1) {
            target.momentoFaults().add(FaultRule.fromParameters(rule));
        }
        momentoRulesSetHere = momentoRules();
        momentoSetElsewhere = false;
    }

    /**
     * A change of the Momento faults made through the local cloud's {@code /_local/momento/faults}
     * since the dashboard's last one, in words; empty when there was none.
     */
    synchronized Optional<String> momentoChangedElsewhere() {
        Set<Long> now = momentoRules();
        if (now.equals(momentoRulesSetHere)) {
            return Optional.empty();
        }
        momentoRulesSetHere = now;
        momentoSetElsewhere = true;
        return Optional.of(now.isEmpty() ? "Momento faults cleared" : "Momento faults set"); // the card lists them
    }

    private Set<Long> momentoRules() {
        return target.momentoFaults().active().stream().map(FaultInjector.ActiveFault::id).collect(Collectors.toSet());
    }

    private List<String> describeMomentoRules() {
        return target.momentoFaults().active().stream()
                .map(rule -> String.join(",", rule.rpcs()) + (rule.failure() == null ? "" : " fail " + rule.failure())
                        + (rule.delayMillis() == 0 ? "" : " +" + rule.delayMillis() + " ms"))
                .toList();
    }

    synchronized void dynamoDb(DynamoDb state) {
        dynamoDb = state;
        DynamoDbFaults faults = target.dynamoDbFaults();
        faults.clear(); // also the delay: set again below
        Duration delay = networkOn ? networkDelays.dynamoDb() : Duration.ZERO;
        faults.delayEveryCall(state == DynamoDb.SLOW ? delay.plus(SLOW_BY) : delay);
        if (state == DynamoDb.THROTTLING) {
            READ_OPERATIONS.forEach(operation -> faults.add(operation, DynamoDbFaults.Kind.THROTTLING, -1));
        }
    }

    synchronized void network(boolean on) {
        networkOn = on;
        momento(momento);
        dynamoDb(dynamoDb);
    }

    /** Flushes every cache of the stage; returns the caches flushed. */
    List<String> flush() {
        return target.flushCaches();
    }

    /** In words, for the page: what is in force now besides the stage's own code. */
    synchronized List<String> inForce() {
        List<String> words = new ArrayList<>();
        if (momentoSetElsewhere) {
            describeMomentoRules().forEach(rule -> words.add("Momento " + rule + " (from /_local)"));
        } else {
            switch (momento) {
                case DOWN -> words.add("Momento down");
                case ERRORS -> words.add("Momento erroring");
                case SLOW -> words.add("Momento slow +" + SLOW_BY.toMillis() + " ms");
                case OK -> { }
            }
        }
        switch (dynamoDb) {
            case SLOW -> words.add("DynamoDB slow +" + SLOW_BY.toMillis() + " ms");
            case THROTTLING -> words.add("DynamoDB throttling reads");
            case OK -> { }
        }
        if (networkOn) {
            words.add("network: DynamoDB +" + networkDelays.dynamoDb().toMillis() + " ms, Momento +"
                    + networkDelays.momento().toMillis() + " ms");
        }
        return words;
    }
}
