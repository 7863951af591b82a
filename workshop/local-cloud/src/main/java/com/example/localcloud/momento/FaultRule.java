package com.example.localcloud.momento;

import grpc.cache_client.ScsGrpc;
import grpc.control_client.ScsControlGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What to do to which calls: fail them with a gRPC status, delay them, or both (delay, then
 * fail), for the next {@code times} matching calls or until cleared. Immutable; install it with
 * {@link FaultInjector#add(FaultRule)}.
 *
 * <pre>{@code
 * FaultRule.on("Get").failWith(Status.Code.UNAVAILABLE).times(3)
 * FaultRule.on(FaultRule.DATA_PLANE).delayBy(Duration.ofMillis(800))   // until cleared
 * }</pre>
 *
 * <p>Calls are named by their gRPC method name in Momento's protos ("Get", "Set", "SetIfNotExists",
 * "Delete", "CreateCache", ...); names are checked against the protos and matched ignoring case.
 */
public final class FaultRule {

    /** Every call, data plane and control plane. */
    public static final String ALL = "*";
    /** Every call of the data-plane service (cache_client.Scs). */
    public static final String DATA_PLANE = "data";
    /** Every call of the control-plane service (control_client.ScsControl). */
    public static final String CONTROL_PLANE = "control";
    /** {@link #times()} of a rule that stays until it is removed or cleared. */
    public static final int UNTIL_CLEARED = -1;

    private static final ServiceDescriptor DATA_SERVICE = ScsGrpc.getServiceDescriptor();
    private static final ServiceDescriptor CONTROL_SERVICE = ScsControlGrpc.getServiceDescriptor();
    /** Lower-case name -> name as in the protos, for every method of both services. */
    private static final Map<String, String> KNOWN_RPCS =
            Stream.concat(DATA_SERVICE.getMethods().stream(), CONTROL_SERVICE.getMethods().stream())
                    .map(MethodDescriptor::getBareMethodName)
                    .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), name -> name, (a, b) -> a,
                            TreeMap::new));

    private final Set<String> rpcs;
    private final Status.Code failure;
    private final Duration delay;
    private final int times;

    private FaultRule(Set<String> rpcs, Status.Code failure, Duration delay, int times) {
        this.rpcs = Set.copyOf(rpcs);
        this.failure = failure;
        this.delay = delay;
        this.times = times;
    }

    /** A rule for these calls (method names, or {@link #ALL}, {@link #DATA_PLANE}, {@link #CONTROL_PLANE}). */
    public static FaultRule on(String... rpcs) {
        if (rpcs.length == 0) {
            throw new IllegalArgumentException("Name at least one call, e.g. \"Get\", or \"*\" for all");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String rpc : rpcs) {
            names.add(canonicalName(rpc.trim()));
        }
        return new FaultRule(names, null, Duration.ZERO, UNTIL_CLEARED);
    }

    /**
     * Builds a rule from string parameters, for an admin HTTP endpoint's query string:
     * {@code rpc} (required; comma-separated names), {@code status} (a gRPC status name such as
     * UNAVAILABLE), {@code delayMs}, {@code times} (omit for until cleared).
     *
     * @throws IllegalArgumentException with a message fit to show the caller
     */
    public static FaultRule fromParameters(Map<String, String> parameters) {
        Set<String> unknown = new TreeMap<>(parameters).keySet();
        unknown.removeAll(Set.of("rpc", "status", "delayMs", "times"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameter(s) " + unknown + "; use rpc, status, delayMs, times");
        }
        String rpc = parameters.get("rpc");
        if (rpc == null || rpc.isBlank()) {
            throw new IllegalArgumentException("Parameter rpc is required, e.g. rpc=Get,Set or rpc=*");
        }
        FaultRule rule = on(rpc.split(","));
        if (parameters.containsKey("status")) {
            rule = rule.failWith(parseStatus(parameters.get("status")));
        }
        if (parameters.containsKey("delayMs")) {
            rule = rule.delayBy(Duration.ofMillis(parseNumber("delayMs", parameters.get("delayMs"))));
        }
        if (parameters.containsKey("times")) {
            rule = rule.times(Math.toIntExact(parseNumber("times", parameters.get("times"))));
        }
        return rule;
    }

    /** Matching calls end with this status (after the delay, if any). */
    public FaultRule failWith(Status.Code code) {
        if (code == null || code == Status.Code.OK) {
            throw new IllegalArgumentException("A fault needs an error status, not " + code);
        }
        return new FaultRule(rpcs, code, delay, times);
    }

    /** Matching calls wait this long before they are served (or failed). */
    public FaultRule delayBy(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new FaultRule(rpcs, failure, delay, times);
    }

    /** Applies to the next {@code count} matching calls only, then removes itself. */
    public FaultRule times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1 (or use untilCleared())");
        }
        return new FaultRule(rpcs, failure, delay, count);
    }

    public FaultRule untilCleared() {
        return new FaultRule(rpcs, failure, delay, UNTIL_CLEARED);
    }

    public Set<String> rpcs() {
        return rpcs;
    }

    public Optional<Status.Code> failure() {
        return Optional.ofNullable(failure);
    }

    public Duration delay() {
        return delay;
    }

    /** How many calls it applies to, or {@link #UNTIL_CLEARED}. */
    public int times() {
        return times;
    }

    boolean doesSomething() {
        return failure != null || !delay.isZero();
    }

    boolean matches(MethodDescriptor<?, ?> method) {
        String service = method.getServiceName();
        return rpcs.contains(ALL)
                || (rpcs.contains(DATA_PLANE) && DATA_SERVICE.getName().equals(service))
                || (rpcs.contains(CONTROL_PLANE) && CONTROL_SERVICE.getName().equals(service))
                || rpcs.contains(method.getBareMethodName());
    }

    @Override
    public String toString() {
        String what = Stream.of(
                        failure == null ? null : "fail with " + failure,
                        delay.isZero() ? null : "delay " + delay.toMillis() + " ms")
                .filter(part -> part != null)
                .collect(Collectors.joining(" and "));
        String howLong = times == UNTIL_CLEARED ? "until cleared" : times + " time(s)";
        return String.join(",", rpcs) + ": " + (what.isEmpty() ? "nothing" : what) + ", " + howLong;
    }

    private static String canonicalName(String rpc) {
        if (rpc.equals(ALL)) {
            return ALL;
        }
        String lower = rpc.toLowerCase(Locale.ROOT);
        if (lower.equals(DATA_PLANE) || lower.equals(CONTROL_PLANE)) {
            return lower;
        }
        String known = KNOWN_RPCS.get(lower);
        if (known == null) {
            throw new IllegalArgumentException("Unknown Momento call \"" + rpc
                    + "\". Use *, data, control or one of: " + String.join(", ", KNOWN_RPCS.values()));
        }
        return known;
    }

    private static Status.Code parseStatus(String value) {
        try {
            return Status.Code.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown gRPC status \"" + value + "\". Use one of "
                    + Arrays.toString(Status.Code.values()));
        }
    }

    private static long parseNumber(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
        }
    }
}
