package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.example.localcloud.config.CloudFormationResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
