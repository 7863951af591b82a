package com.example.localcloud.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.localcloud.iam.AccessCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * What the local endpoint does beyond the shared contract: AWS's validation answers (which moto
 * does not all reproduce), scheduled deletion, the programmatic API the local cloud seeds secrets
 * with, and the raw wire format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalSecretsManagerTest {

    private LocalSecretsManager secretsManager;
    private SecretsManagerClient client;

    @BeforeAll
    void start() throws IOException {
        secretsManager = LocalSecretsManager.start("eu-west-1", "123456789012", AccessCheck.allowAll());
        // Built for the local region: a client of another region would find none of its secrets.
        client = SecretsManagerClients.forEndpoint(secretsManager.endpoint(), "AKIDLOCALTEST", Region.EU_WEST_1);
    }

    @AfterAll
    void stop() {
        client.close();
        secretsManager.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(secretsManager.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(secretsManager.port()).isPositive();
    }

    @Test
    void theLocalCloudSeedsASecretThatTheSdkReads() {
        SecretStore.CreatedSecret created = secretsManager.store().createOrUpdate("seed/MomentoApiKey", "{\"MOMENTO_API_KEY\":\"k1\"}");
        SecretStore.CreatedSecret updated = secretsManager.store().createOrUpdate("seed/MomentoApiKey", "{\"MOMENTO_API_KEY\":\"k2\"}");

        assertThat(created.arn()).startsWith("arn:aws:secretsmanager:eu-west-1:123456789012:secret:seed/MomentoApiKey-");
        assertThat(updated.arn()).isEqualTo(created.arn());
        assertThat(updated.versionId()).isNotEqualTo(created.versionId());
        assertThat(client.getSecretValue(r -> r.secretId("seed/MomentoApiKey")).secretString()).isEqualTo("{\"MOMENTO_API_KEY\":\"k2\"}");
    }

    @Test
    void theLocalCloudMaySeedBySecretArnToo() {
        SecretStore store = secretsManager.store();
        String partialArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:seed/ByArn";

        SecretStore.CreatedSecret created = store.createOrUpdate(partialArn, "v1");
        SecretStore.CreatedSecret updated = store.createOrUpdate(created.arn(), "v2");

        assertThat(created.name()).isEqualTo("seed/ByArn");
        assertThat(updated.arn()).isEqualTo(created.arn());
        assertThat(client.getSecretValue(r -> r.secretId(partialArn)).secretString()).isEqualTo("v2");
        assertThatThrownBy(() -> store.createOrUpdate("arn:aws:secretsmanager:us-east-1:123456789012:secret:elsewhere", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createOrUpdate("no spaces", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A fault answers after IAM and before the call, in AWS's error shape, for that operation only, until cleared. */
    @Test
    void aFaultFailsOneOperationUntilCleared() {
        secretsManager.store().createOrUpdate("fault/MomentoApiKey", "{\"MOMENTO_API_KEY\":\"k\"}");
        secretsManager.faults().add("GetSecretValue", SecretsManagerFaults.Kind.THROTTLING, -1);
        SecretsManagerException throttled;
        try {
            throttled = catchThrowableOfType(() -> client.getSecretValue(r -> r.secretId("fault/MomentoApiKey")),
                    SecretsManagerException.class);
            assertThat(client.describeSecret(r -> r.secretId("fault/MomentoApiKey")).name()).isEqualTo("fault/MomentoApiKey");
        } finally {
            secretsManager.faults().clear();
        }

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(client.getSecretValue(r -> r.secretId("fault/MomentoApiKey")).secretString()).contains("MOMENTO_API_KEY");
    }

    @Test
    void stringAndBinaryTogetherAreAnInvalidParameter() {
        InvalidParameterException invalid = catchThrowableOfType(InvalidParameterException.class, () -> client.createSecret(r -> r
                .name("both").secretString("s").secretBinary(SdkBytes.fromUtf8String("b"))));

        assertThat(invalid.awsErrorDetails().errorMessage())
                .isEqualTo("You can't specify both a binary secret value and a string secret value in the same secret.");
    }

    @Test
    void putWithoutAValueIsAnInvalidRequest() {
        client.createSecret(r -> r.name("put-nothing").secretString("v"));

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> client.putSecretValue(r -> r.secretId("put-nothing")));

        assertThat(invalid.awsErrorDetails().errorMessage()).isEqualTo("You must provide either SecretString or SecretBinary.");
    }

    @Test
    void aNameWithForbiddenCharactersIsAValidationError() {
        SecretsManagerException invalid = catchThrowableOfType(SecretsManagerException.class,
                () -> client.createSecret(r -> r.name("no spaces please").secretString("v")));

        assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }

    @Test
    void aMissingSecretIdIsAValidationError() {
        SecretsManagerException invalid = catchThrowableOfType(SecretsManagerException.class,
                () -> client.getSecretValue(r -> { }));

        assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(invalid.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void secretValuesStayOutOfErrorMessagesAndToString() {
        String tooLong = "hunter2".repeat(10_000);
        client.createSecret(r -> r.name("no-leak").secretString("v"));

        SecretsManagerException invalid = catchThrowableOfType(SecretsManagerException.class,
                () -> client.putSecretValue(r -> r.secretId("no-leak").secretString(tooLong)));

        assertThat(invalid.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at 'secretString'"
                + " failed to satisfy constraint: Member must have length less than or equal to 65536");
        assertThat(SecretValue.ofString("hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void aVersionIdWithAnotherStageIsAnInvalidRequest() {
        String first = client.createSecret(r -> r.name("stage-mismatch").secretString("one")).versionId();
        client.putSecretValue(r -> r.secretId("stage-mismatch").secretString("two"));

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> client.getSecretValue(r -> r.secretId("stage-mismatch").versionId(first).versionStage("AWSCURRENT")));

        assertThat(invalid.awsErrorDetails().errorMessage())
                .isEqualTo("You provided a VersionStage that is not associated to the provided VersionId.");
    }

    @Test
    void aSecretScheduledForDeletionCanBeDescribedButNotReadOrRecreated() {
        client.createSecret(r -> r.name("scheduled").secretString("v"));

        var deleted = client.deleteSecret(r -> r.secretId("scheduled").recoveryWindowInDays(7L));

        assertThat(deleted.deletionDate()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertThat(client.describeSecret(r -> r.secretId("scheduled")).deletedDate()).isNotNull();
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> client.getSecretValue(r -> r.secretId("scheduled")))
                .awsErrorDetails().errorMessage())
                .isEqualTo("You can't perform this operation on the secret because it was marked for deletion.");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> client.createSecret(r -> r.name("scheduled").secretString("v"))))
                .isNotNull();
        assertThat(client.listSecrets().secretList()).noneMatch(entry -> entry.name().equals("scheduled"));
    }

    @Test
    void aRecoveryWindowOutsideSevenToThirtyDaysIsAnInvalidParameter() {
        for (long days : new long[] {6, 31}) {
            client.createSecret(r -> r.name("window-" + days).secretString("v"));

            assertThat(catchThrowableOfType(InvalidParameterException.class,
                    () -> client.deleteSecret(r -> r.secretId("window-" + days).recoveryWindowInDays(days)))
                    .awsErrorDetails().errorMessage()).as("%d days", days)
                    .isEqualTo("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        for (long days : new long[] {7, 30}) {
            client.createSecret(r -> r.name("window-" + days).secretString("v"));

            assertThat(client.deleteSecret(r -> r.secretId("window-" + days).recoveryWindowInDays(days)).deletionDate())
                    .as("%d days", days).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(days - 1)));
        }
    }

    @Test
    void speaksJson11WithAwsErrorShapes() throws Exception {
        HttpResponse<String> response = post("secretsmanager.GetSecretValue", "{\"SecretId\":\"nope\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.body()).isEqualTo("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}");
    }

    @Test
    void answersUnknownOperationsAndBrokenJsonWithErrorsNotCrashes() throws Exception {
        assertThat(post("secretsmanager.RotateSecret", "{}").body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(post("secretsmanager.GetSecretValue", "{not json").body()).contains("\"__type\":\"SerializationException\"");
        assertThat(post("dynamodb.GetItem", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void timestampsAreEpochSeconds() throws Exception {
        client.createSecret(r -> r.name("timestamps").secretString("v"));

        String body = post("secretsmanager.DescribeSecret", "{\"SecretId\":\"timestamps\"}").body();

        assertThat(body).containsPattern("\"CreatedDate\":\\d{10}\\.\\d{3}[,}]");
    }

    private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(secretsManager.endpoint() + "/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
