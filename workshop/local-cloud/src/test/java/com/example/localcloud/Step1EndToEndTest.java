package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.AccountsApi.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Step 1 of the workshop (solutions/step-1-lambda-dynamodb) in the local cloud, through HTTP:
 * every endpoint, a success and a failure each. The stage is built first, as the start command
 * builds it (by this class or DynamoDbFaultsEndToEndTest, whichever runs first: they share one cloud).
 */
@Timeout(180)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_1)
class Step1EndToEndTest {

    private static final ObjectMapper JSON = AccountsApi.JSON;

    private static LocalCloud cloud;
    private static AccountsApi api;

    /** Step 1's cloud, shared with DynamoDbFaultsEndToEndTest (see StageClouds.SHARED_BY). */
    @BeforeAll
    static void startStepOne() {
        StageClouds.Running step1 = StageClouds.shared(StageClouds.STEP_1, Step1EndToEndTest.class);
        cloud = step1.cloud();
        api = step1.api();
    }

    @AfterAll
    static void stop() {
        StageClouds.release(StageClouds.STEP_1, Step1EndToEndTest.class);
    }

    @Test
    void createAndReadUsers() throws Exception {
        String alice = unique("alice");

        Reply created = post("/users", "{\"username\":\"" + alice + "\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}", null);
        Reply duplicate = post("/users", "{\"username\":\"" + alice + "\",\"firstName\":\"A\",\"lastName\":\"L\"}", null);
        Reply read = get("/users/" + alice);
        Reply missing = get("/users/" + unique("nobody"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(JSON.readTree(
                "{\"user\":{\"username\":\"" + alice + "\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}}"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("error").asText()).contains(alice);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("user")).isEqualTo(created.json().get("user"));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void createAndReadOrganizations() throws Exception {
        String founder = createUser("founder");
        String organization = unique("Acme Corp");
        String slug = organization.toLowerCase().replace(' ', '-');

        Reply created = post("/organizations", "{\"organizationName\":\"" + organization + "\"}", founder);
        Reply duplicate = post("/organizations", "{\"organizationName\":\"" + organization + "\"}", founder);
        Reply read = get("/organizations/" + slug);
        Reply missing = get("/organizations/" + unique("no-such-org"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("organization").get("organizationName").asText()).isEqualTo(slug);
        assertThat(created.json().get("organization").get("foundingUser").asText()).isEqualTo(founder);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("organization")).isEqualTo(created.json().get("organization"));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void addMembersAndReadMemberships() throws Exception {
        String owner = createUser("owner");
        String member = createUser("member");
        String outsider = createUser("outsider");
        String organization = unique("org");
        assertThat(post("/organizations", "{\"organizationName\":\"" + organization + "\"}", owner).status()).isEqualTo(201);
        String members = "/organizations/" + organization + "/members";

        Reply added = post(members, "{\"memberUsername\":\"" + member + "\",\"role\":\"Member\"}", owner);
        Reply addedAgain = post(members, "{\"memberUsername\":\"" + member + "\",\"role\":\"Member\"}", owner);
        Reply ownerMembership = get(members + "/" + owner);
        Reply memberMembership = get(members + "/" + member);
        Reply nonMember = get(members + "/" + outsider);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json()).isEqualTo(JSON.readTree("{\"membership\":{\"organizationName\":\"" + organization
                + "\",\"memberUsername\":\"" + member + "\",\"role\":\"Member\"}}"));
        assertThat(addedAgain.status()).isEqualTo(409);
        assertThat(addedAgain.json().get("error").asText()).contains(member, organization);
        assertThat(ownerMembership.status()).isEqualTo(200);
        assertThat(ownerMembership.json().get("membership").get("role").asText()).isEqualTo("Owner");
        assertThat(memberMembership.json().get("membership")).isEqualTo(added.json().get("membership"));
        assertThat(nonMember.status()).as("a non-member is 404, not the Node tutorial's 500").isEqualTo(404);
    }

    @Test
    void secondCallOfAFunctionIsWarmInTheSameEnvironment() throws Exception {
        String user = createUser("warm");

        get("/users/" + user);
        InvocationReport first = Reports.lastOf(cloud, "getUser");
        get("/users/" + user);
        InvocationReport second = Reports.lastOf(cloud, "getUser");

        assertThat(second.requestId()).isNotEqualTo(first.requestId());
        assertThat(second.coldStart()).isFalse();
        assertThat(second.environmentNumber()).isEqualTo(first.environmentNumber());
    }

    private static String createUser(String prefix) throws Exception {
        return api.createUser(prefix);
    }

    /** What the guides and the stage tools' check use: DynamoDB's counters, IAM's answers, and a change made as the operator. */
    @Test
    void operatorEndpointsCountReadsShowIamAnswersAndChangeTheTable() throws Exception {
        String alice = unique("alice");
        post("/users", "{\"username\":\"" + alice + "\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}", null);
        long getItemsBefore = get("/_local/dynamodb/stats").json().path("GetItem").asLong(0);
        get("/users/" + alice);
        String table = get("/_local/endpoints").json().path("tables").elements().next().asText();

        Reply stats = get("/_local/dynamodb/stats");
        Reply decisions = get("/_local/iam/decisions");
        Reply renamed = post("/_local/dynamodb/UpdateItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"USER#" + alice
                + "\"},\"SK\":{\"S\":\"USER#" + alice + "\"}},\"UpdateExpression\":\"SET firstName = :f\","
                + "\"ExpressionAttributeValues\":{\":f\":{\"S\":\"Alicia\"}}}", null);
        Reply wrongTable = post("/_local/dynamodb/GetItem", "{\"TableName\":\"no-such-table\",\"Key\":{\"PK\":{\"S\":\"x\"},\"SK\":{\"S\":\"x\"}}}", null);

        assertThat(stats.json().path("GetItem").asLong()).isEqualTo(getItemsBefore + 1);
        List<String> operations = new ArrayList<>();
        stats.json().fieldNames().forEachRemaining(operations::add);
        assertThat(operations).contains("GetItem", "PutItem").isSorted(); // as the guides show them, every time
        assertThat(decisions.json()).anySatisfy(decision -> {
            assertThat(decision.path("principalArn").asText()).endsWith("-getUser");
            assertThat(decision.path("action").asText()).isEqualTo("dynamodb:GetItem");
            assertThat(decision.path("outcome").asText()).isEqualTo("ALLOWED");
        });
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text()).isEqualTo("{}\n"); // DynamoDB's answer, and a line break for the terminal
        assertThat(stats.text()).endsWith("}\n");
        assertThat(get("/users/" + alice).json().path("user").path("firstName").asText()).isEqualTo("Alicia");
        assertThat(wrongTable.status()).isEqualTo(400);
        assertThat(wrongTable.json().path("__type").asText()).endsWith("ResourceNotFoundException");
    }

    @Test
    void anOperatorCallWithoutOneJsonObjectIsA400ThatSaysWhy() throws Exception {
        Reply empty = post("/_local/dynamodb/Scan", "", null);
        Reply notJson = post("/_local/dynamodb/Scan", "TableName=users", null);
        Reply array = post("/_local/dynamodb/GetItem", "[{}]", null);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).contains("/_local/dynamodb/Scan", "one JSON object", "TableName", "was empty");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error()).endsWith("is not JSON");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.error()).contains("/_local/dynamodb/GetItem").endsWith("not an object");
    }

    @Test
    void aLookIntoTheCacheBeforeAnyStageHasOneSaysSo() throws Exception {
        Reply look = get("/_local/momento/items");

        assertThat(look.status()).isEqualTo(404);
        assertThat(look.error()).contains("no cache", "CACHE_NAME");
    }

    private static String unique(String prefix) {
        return AccountsApi.unique(prefix);
    }

    private static Reply get(String path) throws Exception {
        return api.get(path);
    }

    private static Reply post(String path, String body, String authorization) throws Exception {
        return api.post(path, body, authorization);
    }
}
