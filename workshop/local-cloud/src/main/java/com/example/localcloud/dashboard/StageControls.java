package com.example.localcloud.dashboard;

import com.example.localcloud.LocalCloud;
import com.example.localcloud.dynamodb.DynamoDbFaults;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.service.ControlLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /**
     * Momento Down: calls go unanswered, as when its network is gone, for longer than any client
     * here waits (1.1 s with Configurations.Lambda), then fail UNAVAILABLE. Each request then
     * waits for the client to give up: the demo's point. (UNAVAILABLE at once would be a refusal,
     * which costs next to nothing.)
     */
    static final Duration DOWN_UNANSWERED_FOR = Duration.ofSeconds(10);
    /** The read operations a throttling fault hits (writes go on: the demo is about reads). */
    static final List<String> READ_OPERATIONS = List.of("GetItem", "Query", "BatchGetItem");

    /** What "network delays on" adds when the stage was started without any: typical from a Lambda function in AWS. */
    public static final Duration TYPICAL_DYNAMODB_NETWORK = Duration.ofMillis(6);
    public static final Duration TYPICAL_MOMENTO_NETWORK = Duration.ofMillis(1);

    private final LocalCloud cloud;
    private final Duration dynamoDbNetwork;
    private final Duration momentoNetwork;
    private Momento momento = Momento.OK;
    private DynamoDb dynamoDb = DynamoDb.OK;
    private boolean networkOn;
    /** The last change made through the stage's /_local routes that this has seen. */
    private long lastChangeSeen;
    /** Whether a script changed the Momento faults (or DynamoDB's) through /_local since the dashboard's own last change. */
    private boolean momentoSetElsewhere;
    private boolean dynamoDbSetElsewhere;

    /**
     * @param dynamoDbNetwork what "network delays on" adds to every DynamoDB call
     * @param momentoNetwork  and to every Momento data call
     * @param networkOn       whether they are in force from the start (the stage was started with them)
     */
    StageControls(LocalCloud cloud, Duration dynamoDbNetwork, Duration momentoNetwork, boolean networkOn) {
        this.cloud = cloud;
        this.dynamoDbNetwork = dynamoDbNetwork;
        this.momentoNetwork = momentoNetwork;
        this.networkOn = networkOn;
        this.lastChangeSeen = cloud.controlLog().last();
        momento(Momento.OK); // the stage's start installed the network time as a rule of its own: now it is one of ours
    }

    synchronized void momento(Momento state) {
        momento = state;
        cloud.momento().faults().clear();
        // The local Momento applies one rule per call (a failing one before a delaying one), so the
        // network time and the fault go into one rule: the query a script would POST to /_local/momento/faults.
        Map<String, String> rule = new HashMap<>(Map.of("rpc", "data"));
        switch (state) {
            case DOWN -> rule.put("status", "UNAVAILABLE");
            case ERRORS -> rule.put("status", "INTERNAL");
            case SLOW, OK -> { }
        }
        Duration delay = (networkOn ? momentoNetwork : Duration.ZERO).plus(state == Momento.SLOW ? SLOW_BY : Duration.ZERO)
                .plus(state == Momento.DOWN ? DOWN_UNANSWERED_FOR : Duration.ZERO);
        if (!delay.isZero()) {
            rule.put("delayMs", String.valueOf(delay.toMillis()));
        }
        if (rule.size() > 1) {
            cloud.momento().faults().add(FaultRule.fromParameters(rule));
        }
        momentoSetElsewhere = false;
    }

    /**
     * The changes made through the stage's {@code /_local} routes since the last call (a demo
     * scripted with curl): the dashboard marks them on the charts, and the stage's card then says
     * what is in force as the local services report it.
     */
    synchronized List<ControlLog.Change> changesThroughLocal() {
        List<ControlLog.Change> changes = cloud.controlLog().after(lastChangeSeen);
        for (ControlLog.Change change : changes) {
            lastChangeSeen = change.number();
            momentoSetElsewhere |= change.service().equals("momento") && change.request().contains("momento/faults");
            dynamoDbSetElsewhere |= change.service().equals("dynamodb")
                    && (change.request().contains("dynamodb/faults") || change.request().contains("dynamodb/delay"));
        }
        return changes;
    }

    private List<String> describeMomentoRules() {
        return cloud.momento().faults().active().stream()
                .map(rule -> String.join(",", rule.rpcs()) + (rule.failure() == null ? "" : " fail " + rule.failure())
                        + (rule.delayMillis() == 0 ? "" : " +" + rule.delayMillis() + " ms"))
                .toList();
    }

    synchronized void dynamoDb(DynamoDb state) {
        dynamoDb = state;
        dynamoDbSetElsewhere = false;
        DynamoDbFaults faults = cloud.dynamoDbFaults();
        faults.clear(); // also the delay: set again below
        Duration delay = networkOn ? dynamoDbNetwork : Duration.ZERO;
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

    /** Every function's next request starts a new execution environment: the cold starts of a deployment, or of Lambda's own replacements. */
    void retireEnvironments() {
        cloud.lambda().retireEnvironments();
    }

    /** Flushes every cache of the stage; returns the caches flushed. */
    List<String> flush() {
        return cloud.caches().stream().filter(cloud.momento()::flushCache).toList();
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
        if (dynamoDbSetElsewhere) {
            cloud.dynamoDbFaults().describe().forEach(fault -> words.add("DynamoDB " + fault + " (from /_local)"));
        } else {
            switch (dynamoDb) {
                case SLOW -> words.add("DynamoDB slow +" + SLOW_BY.toMillis() + " ms");
                case THROTTLING -> words.add("DynamoDB throttling reads");
                case OK -> { }
            }
        }
        if (networkOn) {
            words.add("network: DynamoDB +" + dynamoDbNetwork.toMillis() + " ms, Momento +"
                    + momentoNetwork.toMillis() + " ms");
        }
        return words;
    }
}
