package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.dynamodb.DynamoDbFaults.Kind;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * DynamoDB faults, in the local cloud with step 1 (no cache in front): brief throttling is
 * absorbed by the SDK's retries; a lasting fault, throttling included, is a clean 500 that writes
 * nothing; and the function works again as soon as the fault clears.
 */
@Timeout(240)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_1)
class DynamoDbFaultsEndToEndTest {
    private static StageClouds.Running step1;

    /** Step 1's cloud, shared with Step1EndToEndTest (see StageClouds.SHARED_BY). */
    @BeforeAll
    static void start() {
        step1 = StageClouds.shared(StageClouds.STEP_1, DynamoDbFaultsEndToEndTest.class);
    }

    @AfterAll
    static void stop() {
        StageClouds.release(StageClouds.STEP_1, DynamoDbFaultsEndToEndTest.class);
    }

    @AfterEach
    void clearFaults() {
        step1.cloud().dynamoDbFaults().clear();
    }

    @Test
    void briefThrottlingIsRetriedAway() throws Exception {
        String alice = step1.api().createUser("alice");
        step1.cloud().dynamoDbFaults().add("GetItem", Kind.THROTTLING, 2);

        Reply read = step1.api().get("/users/" + alice);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("user").path("username").asText()).isEqualTo(alice);
    }

    @Test
    void aLastingReadFaultIsA500ThatRevealsNothingAndHealsWhenCleared() throws Exception {
        String alice = step1.api().createUser("alice");
        step1.cloud().dynamoDbFaults().add("GetItem", Kind.SERVER_ERROR, -1);

        Reply failing = step1.api().get("/users/" + alice);
        step1.cloud().dynamoDbFaults().clear();
        Reply healed = step1.api().get("/users/" + alice);

        assertThat(failing.status()).isEqualTo(500);
        assertThat(failing.json().toString()).isEqualTo("{\"error\":\"Internal error.\"}");
        assertThat(healed.status()).isEqualTo(200);
    }

    /**
     * The SDK retries a throttled read with growing pauses for longer than the function's 10 s
     * timeout; the stage's DynamoDB client caps each call (Clients.DYNAMODB_CALL_TIMEOUT), so the
     * handler answers its own 500 in time, and the environment is kept, not replaced by a cold start.
     */
    @Test
    void lastingThrottlingIsTheHandlers500InTimeAndKeepsTheEnvironment() throws Exception {
        String alice = step1.api().createUser("alice");
        assertThat(step1.api().get("/users/" + alice).status()).isEqualTo(200);
        InvocationReport warm = Reports.lastOf(step1.cloud(), "getUser");
        step1.cloud().dynamoDbFaults().add("GetItem", Kind.THROTTLING, -1);

        Reply failing = step1.api().get("/users/" + alice);
        InvocationReport throttled = Reports.lastOf(step1.cloud(), "getUser");
        step1.cloud().dynamoDbFaults().clear();
        Reply healed = step1.api().get("/users/" + alice);

        assertThat(failing.status()).isEqualTo(500);
        assertThat(failing.json().toString()).isEqualTo("{\"error\":\"Internal error.\"}");
        assertThat(throttled.status()).isEqualTo(InvocationResult.Status.SUCCESS);
        assertThat(throttled.environmentNumber()).isEqualTo(warm.environmentNumber());
        assertThat(throttled.coldStart()).isFalse();
        assertThat(healed.status()).isEqualTo(200);
    }

    /** What an instructor does from a terminal: curl the local cloud's control endpoint. */
    @Test
    void faultsCanBeSetAndClearedOverHttp() throws Exception {
        String alice = step1.api().createUser("alice");

        Reply added = step1.api().post("/_local/dynamodb/faults?operation=GetItem&kind=server_error", "", null);
        Reply failing = step1.api().get("/users/" + alice);
        Reply cleared = step1.api().delete("/_local/dynamodb/faults");
        Reply healed = step1.api().get("/users/" + alice);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("fault").asText()).isEqualTo("GetItem fails with SERVER_ERROR until cleared");
        assertThat(failing.status()).isEqualTo(500);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(healed.status()).isEqualTo(200);
    }

    @Test
    void aBadFaultIsRefusedWithTheParameterNamed() throws Exception {
        Reply badKind = step1.api().post("/_local/dynamodb/faults?operation=GetItem&kind=SLOW", "", null);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.error()).isEqualTo("kind must be one of [THROTTLING, SERVER_ERROR], not 'SLOW'");
        assertThat(step1.api().post("/_local/dynamodb/faults?kind=THROTTLING", "", null).error())
                .startsWith("operation must be");
        assertThat(step1.api().post("/_local/dynamodb/faults?operation=GetItem&kind=THROTTLING&times=two", "", null).error())
                .startsWith("times must be a whole number");
        // Step 1 has no Kinesis stream: no such endpoint, and the answer says so.
        Reply noKinesis = step1.api().post("/_local/kinesis/faults?operation=GetRecords&kind=INTERNAL_FAILURE", "", null);
        assertThat(noKinesis.status()).isEqualTo(404);
        assertThat(noKinesis.error()).contains("no local service named 'kinesis' runs here");
    }

    @Test
    void aFailedTransactionWritesNeitherTheOrganizationNorItsOwner() throws Exception {
        String alice = step1.api().createUser("alice");
        String organization = AccountsApi.unique("org");
        step1.cloud().dynamoDbFaults().add("TransactWriteItems", Kind.SERVER_ERROR, -1);

        Reply failed = step1.api().post("/organizations", "{\"organizationName\":\"" + organization + "\"}", alice);
        step1.cloud().dynamoDbFaults().clear();

        assertThat(failed.status()).isEqualTo(500);
        assertThat(step1.api().get("/organizations/" + organization).status()).isEqualTo(404);
        assertThat(step1.api().getMembership(organization, alice).status()).isEqualTo(404);
        assertThat(step1.api().post("/organizations", "{\"organizationName\":\"" + organization + "\"}", alice).status()).isEqualTo(201);
    }

    @Test
    void aFailedPutLeavesNoUser() throws Exception {
        String bob = AccountsApi.unique("bob");
        step1.cloud().dynamoDbFaults().add("PutItem", Kind.SERVER_ERROR, -1);

        Reply failed = step1.api().post("/users", "{\"username\":\"" + bob + "\",\"firstName\":\"B\",\"lastName\":\"L\"}", null);
        step1.cloud().dynamoDbFaults().clear();

        assertThat(failed.status()).isEqualTo(500);
        assertThat(step1.api().get("/users/" + bob).status()).isEqualTo(404);
    }

    /** Least privilege and no leaked key on this stage's cloud (see {@link LeastPrivilegeCheck}). */
    @Test
    void leastPrivilegeAndNoLeakedKey() throws Exception {
        LeastPrivilegeCheck.verify(StageClouds.STEP_1, step1);
    }
}
