package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.config.CloudFormationResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** DynamoDB Local behind the filter, driven by the real SDK v2 client. */
class LocalDynamoDbTest {

    private static final List<DynamoDbCall> calls = new CopyOnWriteArrayList<>();
    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void start() throws Exception {
        // Refuses DeleteItem, as an IAM check would; records every call.
        dynamoDb = LocalDynamoDb.start(0, call -> {
            calls.add(call);
            return call.operation().equals("DeleteItem")
                    ? Optional.of(DynamoDbError.accessDenied("not allowed: " + call.action() + " on " + call.tableNames()))
                    : Optional.empty();
        });
        dynamoDb.createTable(new CloudFormationResource("Things", "AWS::DynamoDB::Table", Map.of(
                "AttributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", "expires", "Enabled", true)),
                "things", "arn:aws:dynamodb:us-east-1:000000000000:table/things"), "us-east-1");
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(dynamoDb.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyAccessKeySeesTheSameTablesAndTheFilterSeesWhoCalls() {
        try (DynamoDbClient first = client("LOCALcreateUser"); DynamoDbClient second = client("LOCALgetUser")) {
            first.putItem(r -> r.tableName("things").item(Map.of("id", AttributeValue.fromS("1"))));

            assertThat(second.getItem(r -> r.tableName("things").key(Map.of("id", AttributeValue.fromS("1")))).item())
                    .containsEntry("id", AttributeValue.fromS("1"));
            assertThat(second.describeTimeToLive(r -> r.tableName("things")).timeToLiveDescription().attributeName())
                    .isEqualTo("expires");
        }
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.operation()).isEqualTo("PutItem");
            assertThat(call.action()).isEqualTo("dynamodb:PutItem");
            assertThat(call.accessKeyId()).isEqualTo("LOCALcreateUser");
            assertThat(call.region()).isEqualTo("us-east-1");
            assertThat(call.tableNames()).containsExactly("things");
        });
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.operation()).isEqualTo("GetItem");
            assertThat(call.accessKeyId()).isEqualTo("LOCALgetUser");
        });
    }

    @Test
    void aRefusedCallReachesTheSdkAsAccessDenied() {
        try (DynamoDbClient client = client("LOCALcreateUser")) {
            assertThatThrownBy(() -> client.deleteItem(r -> r.tableName("things").key(Map.of("id", AttributeValue.fromS("1")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("not allowed: dynamodb:DeleteItem on [things]");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
    }

    @Test
    void tableNamesOfBatchesAndTransactionsAreFound() {
        DynamoDbCall batch = DynamoDbCall.of("DynamoDB_20120810.BatchGetItem", null,
                "{\"RequestItems\":{\"a\":{},\"b\":{}}}".getBytes());
        DynamoDbCall transaction = DynamoDbCall.of("DynamoDB_20120810.TransactWriteItems",
                "AWS4-HMAC-SHA256 Credential=LOCALx/20261123/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"a\"}},{\"ConditionCheck\":{\"TableName\":\"c\"}}]}".getBytes());

        assertThat(batch.tableNames()).containsExactly("a", "b");
        assertThat(batch.accessKeyId()).isEmpty();
        assertThat(transaction.tableNames()).containsExactly("a", "c");
        assertThat(transaction.accessKeyId()).isEqualTo("LOCALx");
        assertThat(transaction.region()).isEqualTo("eu-west-1");
    }

    private static DynamoDbClient client(String accessKey) {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
