package com.example.localcloud.momento;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** All caches of the local Momento account, by name. */
final class LocalCaches {

    private final ConcurrentHashMap<String, LocalCache> caches = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    LocalCaches(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Creates the cache; returns false if it already existed (it is then left as it is). */
    boolean create(String name) {
        return caches.putIfAbsent(name, new LocalCache(name, nanoClock)) == null;
    }

    boolean delete(String name) {
        return caches.remove(name) != null;
    }

    Optional<LocalCache> find(String name) {
        return Optional.ofNullable(caches.get(name));
    }

    List<String> names() {
        return caches.keySet().stream().sorted().toList();
    }

    int sweepExpired() {
        return caches.values().stream().mapToInt(LocalCache::sweepExpired).sum();
    }
}
