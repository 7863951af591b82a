package com.example.accounts;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * Amazon's DynamoDB Local, embedded in the test JVM (no server, no network), started once for
 * all tests. Each test class gets its own tables, shaped like the ones in serverless.yml.
 */
public final class LocalDynamoDb {
    private static AmazonDynamoDBLocal dynamoDbLocal;

    private LocalDynamoDb() {
    }

    public static synchronized DynamoDbClient client() {
        if (dynamoDbLocal == null) {
            dynamoDbLocal = DynamoDBEmbedded.create(true); // true: telemetry off, nothing leaves the machine
        }
        return dynamoDbLocal.dynamoDbClient();
    }

    /** Creates a new, empty accounts table and returns its name. */
    public static String createAccountsTable() {
        String tableName = "accounts-" + UUID.randomUUID();
        client().createTable(table -> table.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute -> attribute.attributeName("PK").attributeType(ScalarAttributeType.S),
                        attribute -> attribute.attributeName("SK").attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName("PK").keyType(KeyType.HASH),
                        key -> key.attributeName("SK").keyType(KeyType.RANGE)));
        return tableName;
    }

    /** Creates a new, empty activity table (keyed by eventId, like ActivityTable) and returns its name. */
    public static String createActivityTable() {
        String tableName = "activity-" + UUID.randomUUID();
        client().createTable(table -> table.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute -> attribute.attributeName("eventId").attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName("eventId").keyType(KeyType.HASH)));
        return tableName;
    }

    /** How many items the table holds: lets a test prove that a failed write left nothing behind. */
    public static int itemCount(String tableName) {
        return client().scan(scan -> scan.tableName(tableName)).count();
    }
}
