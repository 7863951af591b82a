package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** IAM in front of a (stand-in) DynamoDB, driven by the real SDK as a function's code would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbAuthorizerTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts";
    private static final String ROLE = "accounts-dev-us-east-1-lambdaRole";

    private final DynamoDbAuthorizer authorizer = new DynamoDbAuthorizer(FunctionPolicies.builder("000000000000")
            // the step-1 statement: exactly the calls the repository makes
            .function("AKIDCREATEORG", "accounts-dev-createOrganization", ROLE, List.of(Map.of("Effect", "Allow",
                    "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:ConditionCheckItem"), "Resource", TABLE)))
            // the same, having forgotten ConditionCheckItem
            .function("AKIDFORGOT", "accounts-dev-createOrganization", ROLE, List.of(Map.of("Effect", "Allow",
                    "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem"), "Resource", TABLE)))
            .build(), "us-east-1", "000000000000");
    private RecordingAwsServer dynamoDb;

    @BeforeAll
    void start() throws Exception {
        dynamoDb = new RecordingAwsServer();
        dynamoDb.gate(request -> authorizer.authorize(request.target(), request.authorization(), request.body()));
    }

    @AfterAll
    void stop() {
        dynamoDb.close();
    }

    private static void createOrganization(DynamoDbClient client) {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("ORG#x"), "SK", AttributeValue.fromS("ORG#x"));
        client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("accounts").key(key).conditionExpression("attribute_exists(PK)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName("accounts").item(key)).build()));
    }

    @Test
    void aTransactionWithEveryInnerActionGrantedGoesThrough() {
        try (DynamoDbClient client = AwsClients.dynamoDb(dynamoDb.endpoint(), "AKIDCREATEORG")) {
            assertThatCode(() -> createOrganization(client)).doesNotThrowAnyException();
        }
    }

    @Test
    void aTransactionWithOneInnerActionMissingIsDeniedNamingThatAction() {
        try (DynamoDbClient client = AwsClients.dynamoDb(dynamoDb.endpoint(), "AKIDFORGOT")) {
            DynamoDbException denied = catchThrowableOfType(DynamoDbException.class, () -> createOrganization(client));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/" + ROLE
                    + "/accounts-dev-createOrganization is not authorized to perform: dynamodb:ConditionCheckItem on resource: "
                    + TABLE + " because no identity-based policy allows the dynamodb:ConditionCheckItem action");
        }
    }

    @Test
    void anotherTableIsDenied() {
        try (DynamoDbClient client = AwsClients.dynamoDb(dynamoDb.endpoint(), "AKIDCREATEORG")) {
            DynamoDbException denied = catchThrowableOfType(DynamoDbException.class,
                    () -> client.getItem(r -> r.tableName("accounts-copy").key(Map.of("PK", AttributeValue.fromS("x")))));

            assertThat(denied.awsErrorDetails().errorMessage()).contains("on resource: " + TABLE + "-copy");
        }
    }

    @Test
    void anUnknownKeyIsRejectedEvenForARequestNamingNoTable() {
        byte[] noTable = "{}".getBytes(StandardCharsets.UTF_8);
        String stranger = "AWS4-HMAC-SHA256 Credential=AKIDSTRANGER/20261123/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";
        String known = "AWS4-HMAC-SHA256 Credential=AKIDCREATEORG/20261123/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";

        assertThat(authorizer.authorize("DynamoDB_20120810.GetItem", stranger, noTable))
                .hasValueSatisfying(error -> assertThat(error.errorCode()).isEqualTo("UnrecognizedClientException"));
        assertThat(authorizer.authorize("DynamoDB_20120810.GetItem", known, noTable)).isEmpty();
        assertThat(authorizer.authorize("DynamoDB_20120810.GetItem", null, noTable))
                .hasValueSatisfying(error -> assertThat(error.errorCode()).isEqualTo("MissingAuthenticationTokenException"));
    }

    @Test
    void aFrontThatParsedTheSignatureAlreadyPassesKeyAndRegion() {
        byte[] put = "{\"TableName\":\"accounts\",\"Item\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThat(authorizer.authorizeSigned("DynamoDB_20120810.PutItem", "AKIDCREATEORG", "us-east-1", put)).isEmpty();
        assertThat(authorizer.authorizeSigned("DynamoDB_20120810.PutItem", "AKIDCREATEORG", "eu-west-1", put))
                .hasValueSatisfying(error -> assertThat(error.message()).contains("arn:aws:dynamodb:eu-west-1:000000000000:table/accounts"));
        assertThat(authorizer.authorizeSigned("DynamoDB_20120810.PutItem", "", "", put))
                .hasValueSatisfying(error -> assertThat(error.errorCode()).isEqualTo("MissingAuthenticationTokenException"));
    }
}
