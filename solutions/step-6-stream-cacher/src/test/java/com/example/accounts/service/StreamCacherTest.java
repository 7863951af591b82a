package com.example.accounts.service;

import static com.example.accounts.service.StreamCacher.Outcome.IGNORED;
import static com.example.accounts.service.StreamCacher.Outcome.REFRESHED;
import static com.example.accounts.service.StreamCacher.Outcome.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.accounts.InMemoryCache;
import com.example.accounts.TestCaches;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each change of the table does to the cache, told by its outcome (the handler sees only the
 * exceptions). Items as the handler hands them over: the string attributes, PK and SK included.
 */
class StreamCacherTest {
    private static final Map<String, String> ALICE = Map.of("PK", "USER#alice", "SK", "USER#alice",
            "username", "alice", "firstName", "Alice", "lastName", "Liddell");
    private static final Map<String, String> ACME = Map.of("PK", "ORG#acme", "SK", "ORG#acme",
            "organizationName", "acme", "foundingUser", "alice");
    private static final Map<String, String> BOB_IN_ACME = Map.of("PK", "ORGMEMBERS#acme", "SK", "MEMBER#bob",
            "organizationName", "acme", "memberUsername", "bob", "role", "Admin");

    private final InMemoryCache memory = new InMemoryCache();
    private final StreamCacher cacher = new StreamCacher(TestCaches.accountCache(memory));

    @Test
    void aWrittenUserOrganizationOrMembershipIsRefreshed() {
        memory.items.put("member#acme#bob", "{\"organizationName\":\"acme\",\"memberUsername\":\"bob\",\"role\":\"Member\"}");

        assertThat(cacher.itemWritten(ALICE)).isEqualTo(REFRESHED);
        assertThat(cacher.itemWritten(ACME)).isEqualTo(REFRESHED);
        assertThat(cacher.itemWritten(BOB_IN_ACME)).isEqualTo(REFRESHED);

        assertThat(memory.items).containsOnlyKeys("user#alice", "org#acme", "member#acme#bob")
                .containsEntry("member#acme#bob", "{\"organizationName\":\"acme\",\"memberUsername\":\"bob\",\"role\":\"Admin\"}");
    }

    @Test
    void aRemovedItemIsRemovedFromTheCache() {
        memory.items.put("member#acme#bob", "{}");

        assertThat(cacher.itemRemoved(Map.of("PK", "ORGMEMBERS#acme", "SK", "MEMBER#bob"))).isEqualTo(REMOVED);

        assertThat(memory.items).isEmpty();
    }

    @Test
    void anIncompleteItemIsRemovedRatherThanCached() {
        memory.items.put("user#alice", "{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}");

        assertThat(cacher.itemWritten(Map.of("PK", "USER#alice", "SK", "USER#alice", "username", "alice",
                "firstName", "Alicia"))).isEqualTo(REMOVED);

        assertThat(memory.items).isEmpty();
    }

    @Test
    void anItemOfAnotherKindIsIgnored() {
        Map<String, String> audit = Map.of("PK", "AUDIT#2026-11-23", "SK", "EVENT#1", "what", "login");
        memory.items.put("user#alice", "{}");

        assertThat(cacher.itemWritten(audit)).isEqualTo(IGNORED);
        assertThat(cacher.itemRemoved(audit)).isEqualTo(IGNORED);

        assertThat(memory.items).containsOnlyKeys("user#alice");
    }

    @Test
    void aCacheFailureIsThrownSoTheChangeIsRetried() {
        memory.failEverything();

        assertThatThrownBy(() -> cacher.itemWritten(ALICE)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> cacher.itemRemoved(ACME)).isInstanceOf(RuntimeException.class);
    }
}
