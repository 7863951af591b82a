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

/** Step 4 (write-aside) in the local cloud, with the real Momento SDK and the local Momento server. */
@Timeout(240)
class Step4EndToEndTest {
    private static StageClouds.Running step4;

    @BeforeAll
    static void start() {
        step4 = StageClouds.start("step-4-write-aside");
    }

    @AfterAll
    static void stop() {
        if (step4 != null) {
            step4.close();
        }
    }

    @AfterEach
    void clearFaults() {
        step4.cloud().momento().faults().clear();
    }

    /** The Node tutorial's sequence: check a non-member, add them, check again. */
    @Test
    void anAddedMemberIsSeenAtOnce() throws Exception {
        String alice = step4.api().createUser("alice");
        String bob = step4.api().createUser("bob");
        String acme = step4.api().createOrganization(alice);

        assertThat(step4.api().getMembership(acme, bob).status()).isEqualTo(404);
        assertThat(step4.api().addMember(acme, bob, "Member", alice).status()).isEqualTo(201);

        Reply read = step4.api().getMembership(acme, bob);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("membership").path("role").asText()).isEqualTo("Member");
    }

    @Test
    void aCreatedUserIsReadFromTheCache() throws Exception {
        CacheCounters before = counters();
        String alice = step4.api().createUser("alice");

        Reply read = step4.api().get("/users/" + alice);

        assertThat(read.status()).isEqualTo(200);
        assertThat(counters().hits() - before.hits()).isEqualTo(1);
        assertThat(counters().misses()).isEqualTo(before.misses());
    }

    @Test
    void writesAndReadsWorkWhileTheCacheFails() throws Exception {
        step4.cloud().momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).failWith(Status.Code.UNAVAILABLE));

        String alice = step4.api().createUser("alice");
        String acme = step4.api().createOrganization(alice);
        Reply owner = step4.api().getMembership(acme, alice);

        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.json().path("membership").path("role").asText()).isEqualTo("Owner");
        assertThat(step4.awaitLogLines("Cache write of user#" + alice + " failed")).isNotEmpty();
    }

    private static CacheCounters counters() {
        return step4.cloud().momento().stats().cache(StageClouds.CACHE);
    }
}
