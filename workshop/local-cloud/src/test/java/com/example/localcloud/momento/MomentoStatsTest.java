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

    @Test
    void cachesNotFoundAreShownOnlyWhenACallNamedOne() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        assertThat(json.writeValueAsString(new MomentoStats(Map.of(), Map.of()))).as("the guides' samples stand")
                .isEqualTo("{\"caches\":{},\"rpcs\":{}}");
        assertThat(json.writeValueAsString(new MomentoStats(Map.of(), Map.of(), new java.util.TreeSet<>(java.util.Set.of("user#alice")))))
                .isEqualTo("{\"caches\":{},\"rpcs\":{},\"cachesNotFound\":[\"user#alice\"]}");
    }
}
