package com.example.loadtest.plan;

import java.util.EnumMap;
import java.util.Map;

/**
 * How often each kind of request comes, in relative weights. The default is read-heavy
 * (95 % reads), like the traffic caching is meant for.
 */
public record RequestMix(Map<Kind, Integer> weights) {

    /** A kind of request: an endpoint, and for membership lookups whether the user is a member. */
    public enum Kind {
        READ_USER, READ_ORGANIZATION, READ_MEMBERSHIP, READ_NON_MEMBERSHIP, LIST_MEMBERS, CREATE_USER, ADD_MEMBER
    }

    public RequestMix {
        weights = Map.copyOf(weights);
        if (weights.values().stream().anyMatch(weight -> weight < 0) || total(weights) == 0) {
            throw new IllegalArgumentException("Weights must be non-negative with a positive sum: " + weights);
        }
    }

    /** Reads 95 %, writes 5 %; the fan-out read takes 20 % when the targets serve it. */
    public static RequestMix standard() {
        Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
        weights.put(Kind.READ_USER, 30);
        weights.put(Kind.READ_ORGANIZATION, 15);
        weights.put(Kind.READ_MEMBERSHIP, 25);
        weights.put(Kind.READ_NON_MEMBERSHIP, 5);
        weights.put(Kind.LIST_MEMBERS, 20);
        weights.put(Kind.CREATE_USER, 3);
        weights.put(Kind.ADD_MEMBER, 2);
        return new RequestMix(weights);
    }

    /**
     * The standard mix, with the fan-out read only if some target serves it (else every target
     * would skip those requests). Every command decides this way; how it learns whether a target
     * serves the route differs (compare asks the running targets, benchmark reads serverless.yml).
     */
    public static RequestMix standard(boolean someTargetServesFanOut) {
        return someTargetServesFanOut ? standard() : standard().withoutFanOut();
    }

    /** The same mix without the fan-out read, for targets that do not serve it. */
    public RequestMix withoutFanOut() {
        Map<Kind, Integer> without = new EnumMap<>(Kind.class);
        without.putAll(weights);
        without.put(Kind.LIST_MEMBERS, 0);
        return new RequestMix(without);
    }

    public int weight(Kind kind) {
        return weights.getOrDefault(kind, 0);
    }

    /** Picks a kind for a uniform draw in {@code [0, total())}. */
    Kind kindFor(int draw) {
        int remaining = draw;
        for (Kind kind : Kind.values()) {
            remaining -= weight(kind);
            if (remaining < 0) {
                return kind;
            }
        }
        throw new IllegalArgumentException("draw " + draw + " is not below " + total());
    }

    int total() {
        return total(weights);
    }

    private static int total(Map<Kind, Integer> weights) {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }
}
