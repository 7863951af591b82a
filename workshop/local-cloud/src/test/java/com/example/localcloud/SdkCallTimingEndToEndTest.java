package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.SdkCallTiming;
import com.example.localcloud.momento.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The load test's {@code profile} splits a handler's time into its own code and its SDK calls with
 * {@link SdkCallTiming}'s agent. Here with the real SDKs of step 4: DynamoDB and Momento are made
 * slow by known amounts, and each REPORT must count exactly the calls its request made.
 */
@Timeout(180)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_4)
class SdkCallTimingEndToEndTest {
    // Large beside what a loaded machine adds to a call (up to about 0.5 s seen at a load average of 15):
    // the bounds below then tell a call counted twice, or not at all, from a slow one.
    private static final double DYNAMODB_MS = 1000;
    private static final double MOMENTO_MS = 300;

    private static StageClouds.Running stage;

    @BeforeAll
    static void start() {
        stage = StageClouds.start(StageClouds.STEP_4, new SdkCallTiming());
        stage.cloud().dynamoDbFaults().delayEveryCall(Duration.ofMillis((long) DYNAMODB_MS));
        stage.cloud().momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).delayBy(Duration.ofMillis((long) MOMENTO_MS)));
    }

    @AfterAll
    static void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void eachReportCountsTheSdkCallsOfItsOwnRequest() throws Exception {
        // Each function's first request also pays for the SDK's first call (its classes); the checks use the second.
        stage.api().createUser("alice");
        String bob = stage.api().createUser("bob"); // PutItem, then the cache's Set
        assertThat(stage.api().get("/users/" + bob).status()).isEqualTo(200); // a hit: one Get
        assertThat(stage.api().get("/users/" + bob).status()).isEqualTo(200);

        InvocationReport created = Reports.lastOf(stage.cloud(), "createUser");
        assertThat(created.sdkCallsMs()).as("PutItem and Set")
                .isNotNull().isBetween(DYNAMODB_MS + MOMENTO_MS, Math.min(created.handlerMs(), 2 * DYNAMODB_MS + MOMENTO_MS));
        InvocationReport hit = Reports.lastOf(stage.cloud(), "getUser");
        assertThat(hit.sdkCallsMs()).as("one Get, no DynamoDB read")
                .isNotNull().isBetween(MOMENTO_MS, Math.min(hit.handlerMs(), DYNAMODB_MS));
        assertThat(hit.handlerMs() - hit.sdkCallsMs()).as("the handler's own code, warm").isLessThan(MOMENTO_MS);
    }
}
