package com.example.loadtest.run;

/**
 * Item traffic of the local Momento server's caches during a run (a difference of two snapshots).
 *
 * @param gets   hits + misses
 * @param sets   items stored (write-aside sets and read-aside fills)
 */
public record CacheTraffic(long gets, long hits, long misses, long sets, long deletes) {

    public static final CacheTraffic NONE = new CacheTraffic(0, 0, 0, 0, 0);

    public CacheTraffic minus(CacheTraffic earlier) {
        return new CacheTraffic(gets - earlier.gets, hits - earlier.hits, misses - earlier.misses,
                sets - earlier.sets, deletes - earlier.deletes);
    }
}
