package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentoStatsTest {

    @Test
    void countersAreSortedByNameSoThatTheyReadTheSameEveryTime() {
        MomentoStats.RpcCounters one = new MomentoStats.RpcCounters(1, 0, 0);
        MomentoStats stats = new MomentoStats(
                Map.of("users-cache", new MomentoStats.CacheCounters(0, 0, 0, 0, 0),
                        "accounts-cache", new MomentoStats.CacheCounters(0, 0, 0, 0, 0)),
                Map.of("SetIfNotExists", one, "Set", one, "Get", one));

        assertThat(stats.caches().keySet()).containsExactly("accounts-cache", "users-cache");
        assertThat(stats.rpcs().keySet()).containsExactly("Get", "Set", "SetIfNotExists");
    }
}
