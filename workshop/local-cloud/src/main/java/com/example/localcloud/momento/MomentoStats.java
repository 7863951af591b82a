package com.example.localcloud.momento;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the local Momento server's counters, for tests and the load-test
 * report. Records serialize to JSON as they are (e.g. with Jackson), for an admin endpoint.
 *
 * @param caches per cache name: reads and writes of items
 * @param rpcs per gRPC method name as in Momento's protos ("Get", "Set", "CreateCache", ...)
 */
public record MomentoStats(Map<String, CacheCounters> caches, Map<String, RpcCounters> rpcs,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedSet<String> cachesNotFound) {

    /**
     * Sorted by name, so that the stats read the same every time (a copied map's order changes from JVM to JVM).
     * {@code cachesNotFound}: names that calls gave and no cache has, shown only when there are some
     * (a cache name and a key swapped in a call names the key: {@code "user#alice"}).
     */
    public MomentoStats {
        caches = Collections.unmodifiableSortedMap(new TreeMap<>(caches));
        rpcs = Collections.unmodifiableSortedMap(new TreeMap<>(rpcs));
        cachesNotFound = Collections.unmodifiableSortedSet(new TreeSet<>(cachesNotFound));
    }

    public MomentoStats(Map<String, CacheCounters> caches, Map<String, RpcCounters> rpcs) {
        this(caches, rpcs, new TreeSet<>());
    }

    /**
     * Item traffic of one cache. {@code gets} = hits + misses (Get and each key of GetBatch);
     * {@code sets} counts stored items (Set, SetBatch, and SetIf/SetIfNotExists when they store);
     * {@code deletes} counts Delete calls.
     */
    public record CacheCounters(long gets, long hits, long misses, long sets, long deletes) {
        public static final CacheCounters ZERO = new CacheCounters(0, 0, 0, 0, 0);

        /** hits / gets, or 0 when there were no gets. */
        public double hitRatio() {
            return gets == 0 ? 0 : (double) hits / gets;
        }

        CacheCounters plus(CacheCounters other) {
            return new CacheCounters(gets + other.gets, hits + other.hits, misses + other.misses,
                    sets + other.sets, deletes + other.deletes);
        }
    }

    /**
     * Calls of one gRPC method. {@code errors} counts calls answered with a non-OK status
     * (including injected faults and calls the client cancelled); {@code injectedFaults} counts
     * calls a {@link FaultInjector} rule failed or delayed.
     */
    public record RpcCounters(long calls, long errors, long injectedFaults) {
        public static final RpcCounters ZERO = new RpcCounters(0, 0, 0);
    }

    public CacheCounters cache(String name) {
        return caches.getOrDefault(name, CacheCounters.ZERO);
    }

    public RpcCounters rpc(String methodName) {
        return rpcs.getOrDefault(methodName, RpcCounters.ZERO);
    }

    /** The item counters of all caches added up. */
    public CacheCounters allCaches() {
        return caches.values().stream().reduce(CacheCounters.ZERO, CacheCounters::plus);
    }
}
