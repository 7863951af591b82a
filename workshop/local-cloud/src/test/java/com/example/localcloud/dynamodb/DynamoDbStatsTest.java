package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.config.CloudFormationResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

/** The per-operation call counters of DynamoDB Local (the load test's "DynamoDB reads"). */
class DynamoDbStatsTest {

    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void start() throws Exception {
        // Refuses DeleteItem, as an IAM check would: a refused call never reaches the database.
        dynamoDb = LocalDynamoDb.start(0, call -> call.operation().equals("DeleteItem")
                ? Optional.of(DynamoDbError.accessDenied("no"))
                : Optional.empty());
        dynamoDb.createTable(new CloudFormationResource("Counted", "AWS::DynamoDB::Table", Map.of(
                "AttributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "BillingMode", "PAY_PER_REQUEST"),
                "counted", "arn:aws:dynamodb:us-east-1:000000000000:table/counted"), "us-east-1");
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
    }

    @Test
    void countsEachOperationThatReachesTheDatabase() {
        DynamoDbStats before = dynamoDb.stats();
        try (DynamoDbClient client = client()) {
            client.putItem(r -> r.tableName("counted").item(Map.of("id", AttributeValue.fromS("a"))));
            client.getItem(r -> r.tableName("counted").key(Map.of("id", AttributeValue.fromS("a"))));
            client.getItem(r -> r.tableName("counted").key(Map.of("id", AttributeValue.fromS("missing"))));
            client.query(r -> r.tableName("counted").keyConditionExpression("id = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("a"))));
            assertThatThrownBy(() -> client.deleteItem(r -> r.tableName("counted").key(Map.of("id", AttributeValue.fromS("a")))))
                    .isInstanceOf(DynamoDbException.class);
        }

        DynamoDbStats during = dynamoDb.stats().minus(before);

        assertThat(during.operations()).containsOnly(Map.entry("PutItem", 1L), Map.entry("GetItem", 2L), Map.entry("Query", 1L));
        assertThat(during.readCalls()).isEqualTo(3);
        assertThat(during.totalCalls()).isEqualTo(4);
    }

    @Test
    void countsCallsFromManyThreadsWithoutLosingAny() throws Exception {
        DynamoDbStats before = dynamoDb.stats();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (DynamoDbClient client = client()) {
            for (int i = 0; i < 40; i++) {
                threads.submit(() -> client.getItem(r -> r.tableName("counted").key(Map.of("id", AttributeValue.fromS("a")))));
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(dynamoDb.stats().minus(before).calls("GetItem")).isEqualTo(40);
    }

    @Test
    void operationsAreSortedByNameSoThatTheyReadTheSameEveryTime() {
        DynamoDbStats stats = new DynamoDbStats(Map.of("Query", 1L, "GetItem", 2L, "PutItem", 3L));

        assertThat(stats.operations().keySet()).containsExactly("GetItem", "PutItem", "Query");
    }

    @Test
    void aSnapshotDoesNotChangeAfterwards() {
        DynamoDbStats snapshot = dynamoDb.stats();
        long getItems = snapshot.calls("GetItem");
        try (DynamoDbClient client = client()) {
            client.getItem(r -> r.tableName("counted").key(Map.of("id", AttributeValue.fromS("a"))));
        }

        assertThat(snapshot.calls("GetItem")).isEqualTo(getItems);
        assertThat(dynamoDb.stats().calls("GetItem")).isEqualTo(getItems + 1);
    }

    @Test
    void readCallsAddUpTheReadOperationsOnly() {
        DynamoDbStats stats = new DynamoDbStats(Map.of("GetItem", 5L, "BatchGetItem", 1L, "TransactGetItems", 2L,
                "PutItem", 7L, "TransactWriteItems", 3L));

        assertThat(stats.readCalls()).isEqualTo(8);
        assertThat(stats.totalCalls()).isEqualTo(18);
        assertThat(stats.minus(new DynamoDbStats(Map.of("GetItem", 5L, "PutItem", 1L))).operations())
                .containsOnly(Map.entry("BatchGetItem", 1L), Map.entry("TransactGetItems", 2L),
                        Map.entry("PutItem", 6L), Map.entry("TransactWriteItems", 3L));
    }

    private static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("LOCALtest", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
