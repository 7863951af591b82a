package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.momento.MomentoStats.CacheCounters;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Step 3 (read-aside) in the local cloud, with the real Momento SDK talking to the local
 * Momento server: hits proved by the server's counters, and DynamoDB answering while the cache fails.
 */
@Timeout(240)
class Step3EndToEndTest {
    private static StageClouds.Running step3;

    @BeforeAll
    static void start() {
        step3 = StageClouds.start("step-3-read-aside");
    }

    @AfterAll
    static void stop() {
        if (step3 != null) {
            step3.close();
        }
    }

    @AfterEach
    void clearFaults() {
        step3.cloud().momento().faults().clear();
    }

    @Test
    void theSecondReadIsACacheHit() throws Exception {
        String alice = step3.api().createUser("alice");
        CacheCounters before = counters();

        Reply first = step3.api().get("/users/" + alice);
        CacheCounters afterFirst = counters();
        Reply second = step3.api().get("/users/" + alice);
        CacheCounters afterSecond = counters();

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(afterFirst.misses() - before.misses()).isEqualTo(1);
        assertThat(afterFirst.sets() - before.sets()).isEqualTo(1);
        assertThat(afterSecond.hits() - afterFirst.hits()).isEqualTo(1);
        assertThat(afterSecond.misses()).isEqualTo(afterFirst.misses());
    }

    @Test
    void notFoundIsCachedAndStill404() throws Exception {
        String nobody = AccountsApi.unique("nobody");

        Reply first = step3.api().get("/users/" + nobody);
        CacheCounters afterFirst = counters();
        Reply second = step3.api().get("/users/" + nobody);

        assertThat(first.status()).isEqualTo(404);
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.error()).isEqualTo("User " + nobody + " does not exist.");
        assertThat(counters().hits() - afterFirst.hits()).isEqualTo(1);
    }

    @Test
    void dynamoDbAnswersWhileTheCacheFails() throws Exception {
        String alice = step3.api().createUser("alice");
        String acme = step3.api().createOrganization(alice);
        step3.cloud().momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).failWith(Status.Code.UNAVAILABLE));

        Reply user = step3.api().get("/users/" + alice);
        Reply owner = step3.api().getMembership(acme, alice);
        Reply bob = step3.api().getMembership(acme, "bob");

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().path("user").path("username").asText()).isEqualTo(alice);
        assertThat(owner.json().path("membership").path("role").asText()).isEqualTo("Owner");
        assertThat(bob.status()).isEqualTo(404);
        assertThat(step3.cloud().momento().stats().rpc("Get").injectedFaults()).as("the cache really failed").isPositive();
        assertThat(step3.awaitLogLines("Cache get of user#" + alice + " failed, asking DynamoDB")).isNotEmpty();

        step3.cloud().momento().faults().clear();
        assertThat(step3.api().get("/users/" + alice).status()).isEqualTo(200);
    }

    /** What the guides and live demos use: counters and fault injection over HTTP, next to the API. */
    @Test
    void controlEndpointsShowCountersAndInjectFaults() throws Exception {
        String alice = step3.api().createUser("alice");
        step3.api().get("/users/" + alice);
        step3.api().get("/users/" + alice);

        Reply stats = step3.api().get("/_local/momento/stats");
        Reply fault = step3.api().post("/_local/momento/faults?rpc=data&status=UNAVAILABLE", "", null);
        Reply readWhileFailing = step3.api().get("/users/" + alice);
        Reply statsWhileFailing = step3.api().get("/_local/momento/stats");
        Reply healed = step3.api().delete("/_local/momento/faults");
        Reply badFault = step3.api().post("/_local/momento/faults?rpc=data&status=MAYBE", "", null);

        assertThat(stats.json().path("caches").path(StageClouds.CACHE).path("hits").asLong()).isPositive();
        assertThat(fault.status()).isEqualTo(201);
        assertThat(readWhileFailing.status()).isEqualTo(200);
        assertThat(statsWhileFailing.json().path("rpcs").path("Get").path("injectedFaults").asLong()).isPositive();
        assertThat(healed.status()).isEqualTo(200);
        assertThat(step3.cloud().momento().faults().active()).isEmpty();
        assertThat(badFault.status()).isEqualTo(400);
        assertThat(badFault.error()).contains("MAYBE");
        assertThat(step3.api().get("/_local/nothing-here").status()).isEqualTo(403);
    }

    /** Read-aside alone: the "not a member" read before the add is served again after it. Step 4 fixes this. */
    @Test
    void withoutWriteAsideANewMemberStaysHiddenUntilTheTtlEnds() throws Exception {
        String alice = step3.api().createUser("alice");
        String bob = step3.api().createUser("bob");
        String acme = step3.api().createOrganization(alice);

        assertThat(step3.api().getMembership(acme, bob).status()).isEqualTo(404);
        assertThat(step3.api().addMember(acme, bob, "Member", alice).status()).isEqualTo(201);

        assertThat(step3.api().getMembership(acme, bob).status()).isEqualTo(404);
    }

    private static CacheCounters counters() {
        return step3.cloud().momento().stats().cache(StageClouds.CACHE);
    }
}
