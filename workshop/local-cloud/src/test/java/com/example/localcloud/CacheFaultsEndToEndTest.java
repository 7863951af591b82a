package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.momento.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Faults around the cache, in the local cloud with the last caching stage: a cache slower than
 * its deadline, and a key that cannot be read at cold start. Each time DynamoDB answers, and the
 * function recovers once the fault clears (no environment stuck without a cache). One cloud for
 * the class, which also runs step 4's {@link LeastPrivilegeCheck} (see StageSecurityTest): the test
 * that needs cold starts retires the warm environments first.
 */
@Timeout(240)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_4)
class CacheFaultsEndToEndTest {
    private static StageClouds.Running stage;

    @BeforeAll
    static void start() {
        stage = StageClouds.start(StageClouds.STEP_4);
    }

    @AfterAll
    static void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @AfterEach
    void clearFaults() {
        stage.cloud().momento().faults().clear();
    }

    @Test
    void aCacheSlowerThanItsDeadlineIsGivenUpOn() throws Exception {
        String alice = stage.api().createUser("alice");
        stage.cloud().momento().faults().add(FaultRule.on("Get").delayBy(Duration.ofSeconds(5)));

        Reply read = stage.api().get("/users/" + alice);

        // Answered, before the function's own 10 s timeout would have turned it into a 502.
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("user").path("username").asText()).isEqualTo(alice);
        assertThat(stage.awaitLogLines("Cache get of user#" + alice + " failed, asking DynamoDB")).isNotEmpty();
    }

    @Test
    void aMissingSecretAtColdStartLeavesDynamoDbToAnswerUntilItIsBack() throws Exception {
        stage.cloud().lambda().retireEnvironments(); // the next requests meet cold starts, without the key
        String secretId = stage.cloud().secrets().get(0);
        String secret = stage.cloud().secretsManager().store().getValue(secretId, null, null).value().string();
        stage.cloud().secretsManager().store().delete(secretId, null, true);
        long keyReadsBefore = keyReadsOf("getUser");

        Reply created = stage.api().post("/users", "{\"username\":\"carol\",\"firstName\":\"C\",\"lastName\":\"L\"}", null);
        Reply read = stage.api().get("/users/carol");
        Reply readAgain = stage.api().get("/users/carol");

        assertThat(created.status()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(readAgain.status()).isEqualTo(200);
        assertThat(stage.awaitLogLines("Momento client not created during Init")).isNotEmpty();
        // Init read the key and failed; both reads asked for the client within the five seconds after
        // that, in which Clients fails at once without reading the key again (a second read if a busy
        // machine let five seconds pass; three reads in all without that pause).
        assertThat(keyReadsOf("getUser") - keyReadsBefore).as("getUser's reads of the key").isBetween(1L, 2L);
        assertThat(stage.awaitLogLines("not tried again within 5 s of the last failure")).isNotEmpty();
        long getsWithoutCache = stage.cloud().momento().stats().cache(StageClouds.CACHE).gets();

        stage.cloud().secretsManager().store().createOrUpdate(secretId, secret);
        // The first read five seconds after the failure tries again; until then DynamoDB answers alone.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Reply again;
        do {
            Thread.sleep(250);
            again = stage.api().get("/users/carol");
        } while (stage.cloud().momento().stats().cache(StageClouds.CACHE).gets() == getsWithoutCache
                && System.nanoTime() < deadline);

        assertThat(again.status()).isEqualTo(200);
        assertThat(stage.cloud().momento().stats().cache(StageClouds.CACHE).gets())
                .as("the same environment now uses the cache").isGreaterThan(getsWithoutCache);
    }

    /** How many times {@code function} called secretsmanager:GetSecretValue, as IAM saw it. */
    private static long keyReadsOf(String function) {
        return stage.cloud().iamDecisions().stream().filter(decision -> decision.action().equals("secretsmanager:GetSecretValue")
                && decision.principalArn().endsWith("-" + function)).count();
    }

    /** Least privilege and no leaked key on this stage's cloud (see {@link LeastPrivilegeCheck}). */
    @Test
    void leastPrivilegeAndNoLeakedKey() throws Exception {
        LeastPrivilegeCheck.verify(StageClouds.STEP_4, stage);
    }
}
