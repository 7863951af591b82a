package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The error shapes, read by the real SDK v2 as it reads AWS's own answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsErrorSdkTest {

    private static final String PRINCIPAL = "arn:aws:sts::000000000000:assumed-role/svc-dev-us-east-1-lambdaRole/svc-dev-createUser";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-Ab12Cd";

    private RecordingAwsServer server;
    private DynamoDbClient dynamoDb;
    private SecretsManagerClient secretsManager;

    @BeforeAll
    void start() throws Exception {
        server = new RecordingAwsServer();
        dynamoDb = AwsClients.dynamoDb(server.endpoint(), "AKIDERRORS");
        secretsManager = AwsClients.secretsManager(server.endpoint(), "AKIDERRORS");
    }

    @AfterAll
    void stop() {
        dynamoDb.close();
        secretsManager.close();
        server.close();
    }

    @Test
    void dynamoDbAccessDeniedHasAwsShapeAndWording() {
        AwsError error = AwsError.forDynamoDb(new Decision(Decision.Outcome.IMPLICIT_DENY, PRINCIPAL, "dynamodb:PutItem", TABLE));

        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.contentType()).isEqualTo("application/x-amz-json-1.0");
        assertThat(new String(error.jsonBody(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"User: " + PRINCIPAL
                        + " is not authorized to perform: dynamodb:PutItem on resource: " + TABLE
                        + " because no identity-based policy allows the dynamodb:PutItem action\"}");
    }

    @Test
    void theDynamoDbSdkReadsAccessDenied() {
        Decision denial = new Decision(Decision.Outcome.IMPLICIT_DENY, PRINCIPAL, "dynamodb:PutItem", TABLE);
        server.answer(AwsError.forDynamoDb(denial));

        DynamoDbException denied = catchThrowableOfType(DynamoDbException.class, () -> dynamoDb.putItem(r -> r.tableName("accounts")));

        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo(denial.message());
        assertThat(denied.isThrottlingException()).isFalse();
    }

    @Test
    void theDynamoDbSdkReadsAnExplicitDenyAndAnUnknownKey() {
        server.answer(AwsError.forDynamoDb(new Decision(Decision.Outcome.EXPLICIT_DENY, PRINCIPAL, "dynamodb:GetItem", TABLE)));
        DynamoDbException denied = catchThrowableOfType(DynamoDbException.class, () -> dynamoDb.getItem(r -> r.tableName("accounts")));
        server.answer(AwsError.forDynamoDb(new Decision(Decision.Outcome.UNRECOGNIZED_CLIENT, null, "dynamodb:GetItem", TABLE)));
        DynamoDbException unknown = catchThrowableOfType(DynamoDbException.class, () -> dynamoDb.getItem(r -> r.tableName("accounts")));

        assertThat(denied.awsErrorDetails().errorMessage()).endsWith("with an explicit deny in an identity-based policy");
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void theSecretsManagerSdkReadsAccessDenied() {
        Decision denial = new Decision(Decision.Outcome.IMPLICIT_DENY, PRINCIPAL, "secretsmanager:GetSecretValue", SECRET);
        AwsError error = AwsError.forSecretsManager(denial);
        server.answer(error);

        SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class,
                () -> secretsManager.getSecretValue(r -> r.secretId("accounts/MomentoApiKey")));

        assertThat(new String(error.jsonBody(), StandardCharsets.UTF_8)).startsWith("{\"__type\":\"AccessDeniedException\",\"Message\":\"User: ");
        assertThat(error.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: " + PRINCIPAL
                + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + SECRET
                + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
    }

    @Test
    void theSecretsManagerSdkReadsMissingAuthentication() {
        server.answer(AwsError.forSecretsManager(new Decision(Decision.Outcome.MISSING_AUTHENTICATION, null, "secretsmanager:GetSecretValue", SECRET)));

        SecretsManagerException rejected = catchThrowableOfType(SecretsManagerException.class,
                () -> secretsManager.getSecretValue(r -> r.secretId("x")));

        assertThat(rejected.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(rejected.awsErrorDetails().errorMessage()).isEqualTo("Request is missing Authentication Token");
    }
}
