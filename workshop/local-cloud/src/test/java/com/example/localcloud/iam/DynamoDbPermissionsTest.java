package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbPermissionsTest {

    private static final String SIGNED_IN_US_EAST_1 =
            "AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";
    private static final String ACCOUNTS = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts";
    private static final String AUDIT = "arn:aws:dynamodb:us-east-1:000000000000:table/audit";

    private final DynamoDbPermissions permissions = new DynamoDbPermissions("eu-central-1", "000000000000");
    private RecordingAwsServer server;
    private DynamoDbClient sdk;

    @BeforeAll
    void startRecorder() throws Exception {
        server = new RecordingAwsServer();
        sdk = AwsClients.dynamoDb(server.endpoint(), "AKIDRECORD");
    }

    @AfterAll
    void stopRecorder() {
        sdk.close();
        server.close();
    }

    private List<RequiredPermission> required(String operation, String body) {
        return permissions.required("DynamoDB_20120810." + operation, SIGNED_IN_US_EAST_1, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RequiredPermission permission(String action, String resource) {
        return new RequiredPermission(action, resource);
    }

    @Test
    void singleItemCallsNeedTheirOwnActionOnTheTable() {
        for (String operation : List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "DescribeTable")) {
            assertThat(required(operation, "{\"TableName\":\"accounts\",\"Key\":{}}"))
                    .containsExactly(permission("dynamodb:" + operation, ACCOUNTS));
        }
    }

    @Test
    void theTableArnUsesTheSigningRegionElseTheDefaultOne() {
        byte[] body = "{\"TableName\":\"accounts\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(permissions.required("DynamoDB_20120810.GetItem",
                "AWS4-HMAC-SHA256 Credential=AKID/20261123/ap-south-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00", body))
                .containsExactly(permission("dynamodb:GetItem", "arn:aws:dynamodb:ap-south-1:000000000000:table/accounts"));
        assertThat(permissions.required("DynamoDB_20120810.GetItem", null, body))
                .containsExactly(permission("dynamodb:GetItem", "arn:aws:dynamodb:eu-central-1:000000000000:table/accounts"));
    }

    @Test
    void aTableNameGivenAsAnArnIsUsedAsItIs() {
        assertThat(required("GetItem", "{\"TableName\":\"arn:aws:dynamodb:us-west-2:111111111111:table/other\"}"))
                .containsExactly(permission("dynamodb:GetItem", "arn:aws:dynamodb:us-west-2:111111111111:table/other"));
    }

    @Test
    void queriesAndScansOfAnIndexNeedTheIndexArn() {
        assertThat(required("Query", "{\"TableName\":\"accounts\",\"IndexName\":\"byOrg\"}"))
                .containsExactly(permission("dynamodb:Query", ACCOUNTS + "/index/byOrg"));
        assertThat(required("Scan", "{\"TableName\":\"accounts\"}"))
                .containsExactly(permission("dynamodb:Scan", ACCOUNTS));
    }

    @Test
    void aWriteTransactionNeedsTheInnerActionOfEachEntryOnItsTable() {
        String body = """
                {"TransactItems":[
                  {"Put":{"TableName":"accounts","Item":{}}},
                  {"Update":{"TableName":"accounts","Key":{},"UpdateExpression":"SET a = :a"}},
                  {"Delete":{"TableName":"audit","Key":{}}},
                  {"ConditionCheck":{"TableName":"audit","Key":{},"ConditionExpression":"attribute_exists(PK)"}},
                  {"Put":{"TableName":"accounts","Item":{}}}
                ]}""";

        assertThat(required("TransactWriteItems", body)).containsExactly(
                permission("dynamodb:PutItem", ACCOUNTS),
                permission("dynamodb:UpdateItem", ACCOUNTS),
                permission("dynamodb:DeleteItem", AUDIT),
                permission("dynamodb:ConditionCheckItem", AUDIT));
    }

    @Test
    void aReadTransactionNeedsGetItemOnEachTable() {
        assertThat(required("TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"accounts\"}},{\"Get\":{\"TableName\":\"audit\"}}]}"))
                .containsExactly(permission("dynamodb:GetItem", ACCOUNTS), permission("dynamodb:GetItem", AUDIT));
    }

    @Test
    void batchCallsNeedTheBatchActionOnEveryTable() {
        assertThat(required("BatchGetItem", "{\"RequestItems\":{\"accounts\":{\"Keys\":[]},\"audit\":{\"Keys\":[]}}}"))
                .containsExactly(permission("dynamodb:BatchGetItem", ACCOUNTS), permission("dynamodb:BatchGetItem", AUDIT));
        assertThat(required("BatchWriteItem", "{\"RequestItems\":{\"audit\":[{\"DeleteRequest\":{\"Key\":{}}}]}}"))
                .containsExactly(permission("dynamodb:BatchWriteItem", AUDIT));
    }

    @Test
    void callsOnNoTableNeedTheirActionOnEverything() {
        assertThat(required("ListTables", "{}")).containsExactly(permission("dynamodb:ListTables", "*"));
        assertThat(required("ExecuteStatement", "{\"Statement\":\"SELECT * FROM accounts\"}"))
                .containsExactly(permission("dynamodb:ExecuteStatement", "*"));
    }

    @Test
    void requestsTooBrokenToNameATableNeedNothing() {
        assertThat(required("GetItem", "not json")).isEmpty();
        assertThat(required("GetItem", "[]")).isEmpty();
        assertThat(required("GetItem", "{}")).isEmpty();
        assertThat(permissions.required("Other_2020.GetItem", null, "{\"TableName\":\"accounts\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(permissions.required(null, null, null)).isEmpty();
    }

    @Test
    void readsTheWorkshopsOrganizationTransactionAsTheRealSdkSendsIt() {
        // createOrganization: the organization and its owner membership in one transaction, both
        // conditional, plus a check that the founding user exists.
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("USER#ada"), "SK", AttributeValue.fromS("USER#ada"));
        sdk.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("accounts").key(key).conditionExpression("attribute_exists(PK)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName("accounts").item(key).conditionExpression("attribute_not_exists(PK)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName("accounts").item(key)).build()));
        RecordingAwsServer.Recorded sent = server.last();

        assertThat(sent.target()).isEqualTo("DynamoDB_20120810.TransactWriteItems");
        assertThat(permissions.required(sent.target(), sent.authorization(), sent.body())).containsExactly(
                permission("dynamodb:ConditionCheckItem", ACCOUNTS),
                permission("dynamodb:PutItem", ACCOUNTS));
    }

    @Test
    void readsQueriesAndBatchesAsTheRealSdkSendsThem() {
        sdk.query(r -> r.tableName("accounts").indexName("byOrg").keyConditionExpression("GSI1PK = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("ORG#x"))));
        RecordingAwsServer.Recorded query = server.last();
        sdk.batchWriteItem(r -> r.requestItems(Map.of("audit", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(Map.of("PK", AttributeValue.fromS("x")))).build()))));
        RecordingAwsServer.Recorded batch = server.last();

        assertThat(permissions.required(query.target(), query.authorization(), query.body()))
                .containsExactly(permission("dynamodb:Query", ACCOUNTS + "/index/byOrg"));
        assertThat(permissions.required(batch.target(), batch.authorization(), batch.body()))
                .containsExactly(permission("dynamodb:BatchWriteItem", AUDIT));
    }
}
