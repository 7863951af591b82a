package com.example.localcloud.momento;

import com.example.localcloud.momento.MomentoStats.CacheCounters;
import com.example.localcloud.momento.MomentoStats.RpcCounters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** The live counters behind {@link MomentoStats}; LongAdders so hot paths do not contend. */
final class StatsRecorder {

    private static final class CacheCells {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder sets = new LongAdder();
        final LongAdder deletes = new LongAdder();

        CacheCounters snapshot() {
            long h = hits.sum();
            long m = misses.sum();
            return new CacheCounters(h + m, h, m, sets.sum(), deletes.sum());
        }
    }

    private static final class RpcCells {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder injectedFaults = new LongAdder();

        RpcCounters snapshot() {
            return new RpcCounters(calls.sum(), errors.sum(), injectedFaults.sum());
        }
    }

    private final Map<String, CacheCells> caches = new ConcurrentHashMap<>();
    private final Map<String, RpcCells> rpcs = new ConcurrentHashMap<>();
    private final Set<String> cachesNotFound = ConcurrentHashMap.newKeySet();

    void recordGet(String cache, boolean hit) {
        CacheCells cells = cache(cache);
        (hit ? cells.hits : cells.misses).increment();
    }

    void recordSet(String cache) {
        cache(cache).sets.increment();
    }

    void recordDelete(String cache) {
        cache(cache).deletes.increment();
    }

    /** A call named a cache that does not exist. Few names (a slip's), so they are kept, not counted. */
    void recordCacheNotFound(String name) {
        cachesNotFound.add(name);
    }

    void recordCall(String rpc) {
        rpc(rpc).calls.increment();
    }

    void recordError(String rpc) {
        rpc(rpc).errors.increment();
    }

    void recordInjectedFault(String rpc) {
        rpc(rpc).injectedFaults.increment();
    }

    MomentoStats snapshot() {
        return new MomentoStats(
                caches.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().snapshot())),
                rpcs.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().snapshot())),
                new java.util.TreeSet<>(cachesNotFound));
    }

    /** Starts every counter from zero (e.g. between load-test runs). */
    void reset() {
        caches.clear();
        rpcs.clear();
        cachesNotFound.clear();
    }

    private CacheCells cache(String name) {
        return caches.computeIfAbsent(name, n -> new CacheCells());
    }

    private RpcCells rpc(String name) {
        return rpcs.computeIfAbsent(name, n -> new RpcCells());
    }
}
