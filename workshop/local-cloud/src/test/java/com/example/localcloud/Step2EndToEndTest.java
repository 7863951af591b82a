package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.lambda.InvocationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 2 (the Momento client) in the local cloud: the unchanged code reads the key from the
 * local Secrets Manager and connects the real Momento SDK to the local Momento server, once per
 * execution environment; and without its IAM statement it is denied exactly as in AWS.
 */
@Timeout(240)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_2)
class Step2EndToEndTest {
    private static final String STAGE = StageClouds.STEP_2;
    private static StageClouds.Running step2;

    @BeforeAll
    static void start() {
        step2 = StageClouds.start(STAGE);
    }

    @AfterAll
    static void stop() {
        if (step2 != null) {
            step2.close();
        }
    }

    @Test
    void oneCacheClientPerEnvironmentAcrossManyInvocations() throws Exception {
        String alice = step2.api().createUser("alice");
        assertThat(step2.api().get("/users/" + alice).status()).isEqualTo(200);
        // The SDK logs this line each time a CacheClient is built (twice if a slow connect falls back to a lazy client).
        int clientsAfterTheFirst = step2.awaitLogLines("Creating Momento Cache Client").stream()
                .filter(line -> line.contains("[getUser#1]")).toList().size();

        for (int i = 0; i < 4; i++) {
            assertThat(step2.api().get("/users/" + alice).status()).isEqualTo(200);
        }

        List<InvocationReport> reports = step2.cloud().reports().stream().filter(r -> r.functionName().equals("getUser")).toList();
        assertThat(reports).hasSize(5);
        assertThat(reports).extracting(InvocationReport::environmentNumber).containsOnly(1);
        assertThat(reports).filteredOn(InvocationReport::coldStart).hasSize(1);
        assertThat(clientsAfterTheFirst).as("clients built by the first request's environment").isBetween(1, 2);
        assertThat(step2.logLines("Creating Momento Cache Client")).filteredOn(line -> line.contains("[getUser#1]"))
                .as("no request after the first builds a client").hasSize(clientsAfterTheFirst);
        // Built during Init: the environment's log has it before its first START line, as CloudWatch would.
        List<String> environmentsLines = step2.logLines("[getUser#1]");
        assertThat(firstContaining(environmentsLines, "Creating Momento Cache Client")).as("in %s", environmentsLines)
                .isNotNegative().isLessThan(firstContaining(environmentsLines, "] START RequestId: "));
        assertThat(step2.logLines("not authorized")).isEmpty();
    }

    private static int firstContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void withoutItsIamStatementTheKeyReadIsDeniedAsInAws(@TempDir Path copy) throws Exception {
        Path stage = StageClouds.SOLUTIONS.resolve(STAGE);
        Files.createDirectories(copy.resolve("target"));
        Files.copy(stage.resolve("target/accounts-service.jar"), copy.resolve("target/accounts-service.jar"));
        Files.writeString(copy.resolve("serverless.yml"), withoutSecretsStatement(Files.readString(stage.resolve("serverless.yml"))));

        try (StageClouds.Running denied = StageClouds.start(copy, false)) {
            // The cache is optional: DynamoDB still answers...
            assertThat(denied.api().get("/users/nobody").status()).isEqualTo(404);
            // ...and the function logged AWS's access denied error for the secret.
            assertThat(denied.awaitLogLines("is not authorized to perform: secretsmanager:GetSecretValue"))
                    .anySatisfy(line -> assertThat(line).contains("[getUser#1]").contains("SecretsManagerException")
                            .contains("assumed-role/momento-accounts-workshop-dev-getUser-us-east-1-lambdaRole/momento-accounts-workshop-dev-getUser"));
        }
    }

    /** serverless.yml with the statement that allows secretsmanager:GetSecretValue taken out. */
    static String withoutSecretsStatement(String yaml) throws IOException {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int action = indexOf(lines, "- secretsmanager:GetSecretValue", 0);
        int first = action;
        while (!lines.get(first).contains("- Effect:")) {
            first--;
        }
        int last = indexOf(lines, "Resource:", action);
        lines.subList(first, last + 1).clear();
        String result = String.join("\n", lines) + "\n";
        assertThat(result).doesNotContain("secretsmanager:GetSecretValue").contains("dynamodb:GetItem");
        return result;
    }

    private static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("serverless.yml has no line with " + text);
    }

    /**
     * Secrets Manager failing during a cold start (through the control routes an instructor would
     * curl): the function logs why it has no cache and DynamoDB still answers; IAM allowed the call,
     * the fault answered it. A later cold start, after the heal, connects again.
     */
    @Test
    void aColdStartThatCannotReadTheSecretStillAnswers() throws Exception {
        Reply fault = step2.api().post("/_local/secretsmanager/faults?operation=GetSecretValue&kind=internal_service_error", "", null);
        Reply retired = step2.api().post("/_local/lambda/retire?function=getOrganization", "", null);
        Reply failing;
        try {
            failing = step2.api().get("/organizations/nowhere");
        } finally {
            step2.api().delete("/_local/secretsmanager/faults");
        }
        InvocationReport coldWithoutCache = Reports.lastOf(step2.cloud(), "getOrganization");
        long connectionsBefore = momentoConnections();
        step2.api().post("/_local/lambda/retire?function=getOrganization", "", null);
        Reply healed = step2.api().get("/organizations/nowhere");

        assertThat(fault.status()).isEqualTo(201);
        assertThat(fault.json().path("fault").asText()).isEqualTo("GetSecretValue fails with INTERNAL_SERVICE_ERROR until cleared");
        assertThat(retired.status()).isEqualTo(200);
        assertThat(failing.status()).isEqualTo(404);
        assertThat(coldWithoutCache.coldStart()).isTrue();
        assertThat(step2.awaitLogLines("Momento client not created during Init"))
                .anySatisfy(line -> assertThat(line).contains("[getOrganization#" + coldWithoutCache.environmentNumber() + "]")
                        .contains("InternalServiceErrorException: An error occurred on the server side.").contains("Status Code: 500"));
        assertThat(healed.status()).isEqualTo(404);
        assertThat(Reports.lastOf(step2.cloud(), "getOrganization").environmentNumber()).isGreaterThan(coldWithoutCache.environmentNumber());
        assertThat(momentoConnections()).as("the healed cold start's client connected during Init (step 2 makes no cache call)")
                .isGreaterThan(connectionsBefore);
    }

    /**
     * Momento slow to connect at a cold start: Init waits one second, then keeps a client that
     * finishes connecting on its first use (the SDK logs a second "Creating Momento Cache Client").
     */
    @Test
    void aSlowConnectionAtAColdStartFallsBackToAClientThatConnectsOnFirstUse() throws Exception {
        int clientsBefore = step2.logLines("Creating Momento Cache Client").size();
        Reply delayed = step2.api().post("/_local/momento/connect-delay?ms=3000", "", null);
        Reply inForce = step2.api().get("/_local/momento/faults");
        Reply read;
        try {
            step2.api().post("/_local/lambda/retire?function=getMembership", "", null);
            read = step2.api().get("/organizations/nowhere/members/nobody");
        } finally {
            step2.api().delete("/_local/momento/faults");
        }
        InvocationReport cold = Reports.lastOf(step2.cloud(), "getMembership");

        assertThat(delayed.status()).isEqualTo(200);
        assertThat(inForce.json().path("faults").toString()).contains("each new connection held 3000 ms");
        assertThat(step2.api().get("/_local/momento/faults").json().path("faults").size()).isZero();
        assertThat(read.status()).isEqualTo(404);
        assertThat(cold.coldStart()).isTrue();
        assertThat(step2.logLines("Creating Momento Cache Client").subList(clientsBefore, step2.logLines("Creating Momento Cache Client").size()))
                .as("the client that timed out, then the fallback").hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("[getMembership#" + cold.environmentNumber() + "]"));
        assertThat(step2.api().post("/_local/momento/connect-delay?ms=soon", "", null).json().path("error").asText())
                .isEqualTo("ms must be a whole number of milliseconds from 0 to 60000, not 'soon'");
    }

    @Test
    void theControlRoutesRefuseAnUnknownFunctionOrFaultKind() throws Exception {
        Reply noSuchFunction = step2.api().post("/_local/lambda/retire?function=getUsers", "", null);
        Reply noSuchKind = step2.api().post("/_local/secretsmanager/faults?operation=GetSecretValue&kind=DOWN", "", null);

        assertThat(noSuchFunction.status()).isEqualTo(400);
        assertThat(noSuchFunction.json().path("error").asText()).isEqualTo("function must name one of serverless.yml's functions, not 'getUsers'");
        assertThat(noSuchKind.status()).isEqualTo(400);
        assertThat(noSuchKind.json().path("error").asText()).isEqualTo("kind must be one of [INTERNAL_SERVICE_ERROR, THROTTLING], not 'DOWN'");
    }

    private static long momentoConnections() throws Exception {
        return step2.api().get("/_local/momento/connections").json().path("connections").asLong(-1);
    }

    /** Least privilege and no leaked key on this stage's cloud (see {@link LeastPrivilegeCheck}). */
    @Test
    void leastPrivilegeAndNoLeakedKey() throws Exception {
        LeastPrivilegeCheck.verify(StageClouds.STEP_2, step2);
    }
}
