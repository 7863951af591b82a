package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.apigateway.GatewayTiming;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.service.CallTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Step 3 (read-aside) in the local cloud: the operator endpoints the guides and live demos use, and
 * the stale read that step 4 fixes. The lessons themselves (hits, misses, "not found" cached, DynamoDB
 * answering while Momento fails) are probed by the stage tools' check, on the attendee's code and, in
 * AttendeeSimulationTest, on this stage.
 */
@Timeout(240)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_3)
class Step3EndToEndTest {
    private static StageClouds.Running step3;

    @BeforeAll
    static void start() {
        step3 = StageClouds.start(StageClouds.STEP_3);
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
        assertThat(fault.json().fieldNames()).toIterable().containsExactly("id", "fault"); // as guide 03 shows it
        List<String> rpcs = new ArrayList<>();
        statsWhileFailing.json().path("rpcs").fieldNames().forEachRemaining(rpcs::add);
        assertThat(rpcs).contains("Get").isSorted(); // the same order every time, as the guides show it
        assertThat(readWhileFailing.status()).isEqualTo(200);
        assertThat(statsWhileFailing.json().path("rpcs").path("Get").path("injectedFaults").asLong()).isPositive();
        assertThat(healed.status()).isEqualTo(200);
        assertThat(step3.cloud().momento().faults().active()).isEmpty();
        assertThat(badFault.status()).isEqualTo(400);
        assertThat(badFault.error()).contains("MAYBE");
        assertThat(step3.api().get("/_local/nothing-here").status()).isEqualTo(404);
    }

    /**
     * The time budget of a warm cache hit, hop by hop: API Gateway's time holds the invocation's,
     * which holds the function's Duration, which holds the handler's own time, which holds the
     * services' time for the calls it made.
     */
    /** What the cache holds, key by key, with the TTL each item has left: no Momento call, so no counter moves. */
    @Test
    void aLookIntoTheCacheShowsEachItemWithItsRemainingTtl() throws Exception {
        String alice = step3.api().createUser("alice");
        step3.api().get("/users/" + alice); // a miss: the fill caches the user for 60 s
        Reply statsBefore = step3.api().get("/_local/momento/stats");

        Reply look = step3.api().get("/_local/momento/items?contains=" + alice);
        Reply everything = step3.api().get("/_local/momento/items");
        Reply nothing = step3.api().get("/_local/momento/items?contains=nobody-at-all");
        Reply unknownCache = step3.api().get("/_local/momento/items?cache=no-such-cache");

        assertThat(look.status()).isEqualTo(200);
        assertThat(look.json().fieldNames()).toIterable().containsExactly("cache", "contains", "items", "truncated");
        assertThat(look.json().path("cache").asText()).isEqualTo(StageClouds.CACHE);
        assertThat(look.json().path("items")).hasSize(1);
        var item = look.json().path("items").get(0);
        assertThat(item.fieldNames()).toIterable().containsExactly("key", "value", "remainingTtlMillis");
        assertThat(item.path("key").asText()).isEqualTo("user#" + alice);
        assertThat(item.path("value").asText()).contains("\"username\":\"" + alice + "\"");
        assertThat(item.path("remainingTtlMillis").asLong()).isBetween(30_000L, 60_000L);
        assertThat(everything.json().path("items").size()).isGreaterThanOrEqualTo(1);
        assertThat(nothing.json().path("items")).isEmpty();
        assertThat(unknownCache.status()).isEqualTo(404);
        assertThat(unknownCache.error()).contains("no-such-cache").contains(StageClouds.CACHE);
        assertThat(step3.api().get("/_local/momento/stats").json().path("caches"))
                .as("looking is not a cache call").isEqualTo(statsBefore.json().path("caches"));
    }

    @Test
    void aWarmRequestsTimeIsSplitHopByHop() throws Exception {
        String alice = step3.api().createUser("alice");
        step3.api().get("/users/" + alice); // a miss fills the cache
        BlockingQueue<GatewayTiming> timings = new LinkedBlockingQueue<>();
        step3.cloud().addGatewayTimingListener(timings::add);
        Map<String, CallTimer.Totals> before = step3.cloud().serviceCallTimes();

        assertThat(step3.api().get("/users/" + alice).status()).isEqualTo(200);

        Map<String, CallTimer.Totals> after = step3.cloud().serviceCallTimes();
        CallTimer.Totals momento = after.get("momento").minus(before.getOrDefault("momento", CallTimer.Totals.ZERO));
        assertThat(momento.calls()).as("the hit is one Get").isEqualTo(1);
        GatewayTiming timing = timings.poll(10, TimeUnit.SECONDS); // told just after the answer went out
        assertThat(timing).as("API Gateway's timing of the request").isNotNull();
        InvocationReport report = step3.cloud().reports().stream()
                .filter(candidate -> candidate.requestId().equals(timing.lambdaRequestId())).findFirst().orElseThrow();
        assertThat(timing.functionName()).isEqualTo("getUser");
        assertThat(timing.gatewayMs()).isGreaterThanOrEqualTo(timing.invokeMs());
        assertThat(timing.invokeMs()).isGreaterThanOrEqualTo(report.durationMs());
        assertThat(report.handlerMs()).isNotNull().isPositive().isLessThanOrEqualTo(report.durationMs());
        assertThat(momento.millis()).isPositive().isLessThan(report.handlerMs());
        assertThat(report.sdkCallsMs()).as("measured only with SdkCallTiming (SdkCallTimingEndToEndTest)").isNull();
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

    /** Least privilege and no leaked key on this stage's cloud (see {@link LeastPrivilegeCheck}). */
    @Test
    void leastPrivilegeAndNoLeakedKey() throws Exception {
        LeastPrivilegeCheck.verify(StageClouds.STEP_3, step3);
    }
}
