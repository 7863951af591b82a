package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.config.CloudFormationResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** DynamoDB Local writes numbers into its own SQL with String.format, in the JVM's default locale. */
class LocalDynamoDbLocaleTest {

    @Test
    void aTableWithAStreamIsCreatedWhereTheLocaleWritesOtherDigits() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ar-EG")); // "%d" of -1 is "-\u0661" there
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(0, DynamoDbRequestFilter.ALLOW_ALL)) {
            assertThatCode(() -> dynamoDb.createTable(new CloudFormationResource("Accounts", "AWS::DynamoDB::Table", Map.of(
                    "AttributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                    "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                    "BillingMode", "PAY_PER_REQUEST",
                    "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES")),
                    "accounts", "arn:aws:dynamodb:us-east-1:000000000000:table/accounts"), "us-east-1"))
                    .doesNotThrowAnyException();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aReservedWordIsRefusedAsOnAwsWhereTheLocaleUpperCasesOtherwise() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "Items".toUpperCase() is "\u0130TEMS" there
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(0, DynamoDbRequestFilter.ALLOW_ALL);
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                     .httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("LOCALTEST", "local")))
                     .build()) {
            dynamoDb.createTable(new CloudFormationResource("Accounts", "AWS::DynamoDB::Table", Map.of(
                    "AttributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                    "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                    "BillingMode", "PAY_PER_REQUEST"),
                    "accounts", "arn:aws:dynamodb:us-east-1:000000000000:table/accounts"), "us-east-1");

            assertThatThrownBy(() -> client.updateItem(request -> request.tableName("accounts")
                    .key(Map.of("id", AttributeValue.fromS("1"))).updateExpression("SET Items = :items")
                    .expressionAttributeValues(Map.of(":items", AttributeValue.fromN("1")))))
                    .isInstanceOf(DynamoDbException.class).hasMessageContaining("reserved keyword");
        } finally {
            Locale.setDefault(before);
        }
    }
}
