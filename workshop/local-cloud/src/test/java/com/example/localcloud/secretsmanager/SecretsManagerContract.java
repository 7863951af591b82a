package com.example.localcloud.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * What any Secrets Manager must do for the real SDK v2 client, written once and run against
 * every target: the local endpoint ({@link LocalSecretsManagerContractTest}) and, where it is
 * installed, moto ({@link MotoSecretsManagerContractTest}). Only what real AWS does belongs here;
 * where the targets differ (moto answers "not found" with HTTP 404, AWS with 400) the subclass says
 * what it checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecretsManagerContract {

    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";

    private SecretsManagerClient client;
    /** Why the target cannot run here (e.g. moto is not installed), or {@code null}. */
    private String unavailable;

    /** Starts the target and returns its endpoint; aborts with an assumption if it cannot run here. */
    abstract URI startTarget() throws Exception;

    abstract void stopTarget() throws Exception;

    /** Checks the HTTP status of a "not found" answer, where this target is known to match AWS. */
    abstract void checkNotFoundStatus(int statusCode);

    @BeforeAll
    void startTargetAndClient() throws Exception {
        try {
            client = SecretsManagerClients.forEndpoint(startTarget(), "AKIDCONTRACTTEST");
        } catch (TestAbortedException cannotRunHere) {
            // Reported per test below: an aborted @BeforeAll would hide the reason in the reports.
            unavailable = cannotRunHere.getMessage().replaceFirst("^Assumption failed: ", "");
        }
    }

    @BeforeEach
    void skipWhereTheTargetCannotRun() {
        assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    void stopTargetAndClient() throws Exception {
        if (client != null) {
            client.close();
        }
        stopTarget();
    }

    /** Every test uses its own secrets, so tests share one target without seeing each other. */
    private static String uniqueName(String purpose) {
        return "contract/" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private CreateSecretResponse create(String name, String value) {
        return client.createSecret(r -> r.name(name).secretString(value));
    }

    @Test
    void createGivesAnArnInAwsFormatWithARandomSuffix() {
        String name = uniqueName("arn");

        CreateSecretResponse created = create(name, "v1");

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:\\d{12}:secret:" + Pattern.quote(name) + "-[A-Za-z0-9]{6}");
        assertThat(created.versionId()).isNotBlank();
    }

    @Test
    void getSecretValueByNameReturnsTheCurrentVersion() {
        String name = uniqueName("get");
        CreateSecretResponse created = create(name, "{\"MOMENTO_API_KEY\":\"k1\"}");

        GetSecretValueResponse value = client.getSecretValue(r -> r.secretId(name));

        assertThat(value.secretString()).isEqualTo("{\"MOMENTO_API_KEY\":\"k1\"}");
        assertThat(value.name()).isEqualTo(name);
        assertThat(value.arn()).isEqualTo(created.arn());
        assertThat(value.versionId()).isEqualTo(created.versionId());
        assertThat(value.versionStages()).containsExactly(CURRENT);
        assertThat(value.createdDate()).isNotNull();
        assertThat(value.secretBinary()).isNull();
    }

    @Test
    void secretIdMayBeTheFullArnOrTheArnWithoutItsSuffix() {
        String name = uniqueName("by-arn");
        String arn = create(name, "by-arn-value").arn();
        String partialArn = arn.substring(0, arn.length() - "-XXXXXX".length());

        assertThat(client.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("by-arn-value");
        assertThat(client.getSecretValue(r -> r.secretId(partialArn)).secretString()).isEqualTo("by-arn-value");
        assertThat(client.describeSecret(r -> r.secretId(arn)).name()).isEqualTo(name);
    }

    @Test
    void putSecretValueMakesTheNewVersionCurrentAndTheOldOnePrevious() {
        String name = uniqueName("put");
        String first = create(name, "one").versionId();

        PutSecretValueResponse put = client.putSecretValue(r -> r.secretId(name).secretString("two"));

        assertThat(put.versionId()).isNotEqualTo(first);
        assertThat(put.versionStages()).containsExactly(CURRENT);
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
        GetSecretValueResponse previous = client.getSecretValue(r -> r.secretId(name).versionStage(PREVIOUS));
        assertThat(previous.secretString()).isEqualTo("one");
        assertThat(previous.versionId()).isEqualTo(first);
        assertThat(client.getSecretValue(r -> r.secretId(name).versionId(first)).secretString()).isEqualTo("one");
        assertThat(client.describeSecret(r -> r.secretId(name)).versionIdsToStages())
                .containsOnly(Map.entry(first, List.of(PREVIOUS)), Map.entry(put.versionId(), List.of(CURRENT)));
    }

    @Test
    void aThirdVersionTakesAwsPreviousFromTheFirst() {
        String name = uniqueName("third");
        String first = create(name, "one").versionId();
        String second = client.putSecretValue(r -> r.secretId(name).secretString("two")).versionId();
        String third = client.putSecretValue(r -> r.secretId(name).secretString("three")).versionId();

        GetSecretValueResponse previous = client.getSecretValue(r -> r.secretId(name).versionStage(PREVIOUS));

        assertThat(previous.versionId()).isEqualTo(second);
        assertThat(client.getSecretValue(r -> r.secretId(name)).versionId()).isEqualTo(third);
        // the first version has no label left, but can still be read by its id
        assertThat(client.getSecretValue(r -> r.secretId(name).versionId(first)).secretString()).isEqualTo("one");
    }

    @Test
    void aClientRequestTokenBecomesTheVersionIdAndRepeatingTheCallChangesNothing() {
        String name = uniqueName("token");
        create(name, "one");
        String token = UUID.randomUUID().toString();

        PutSecretValueResponse first = client.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));
        PutSecretValueResponse retry = client.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));

        assertThat(first.versionId()).isEqualTo(token);
        assertThat(retry.versionId()).isEqualTo(token);
        assertThat(client.getSecretValue(r -> r.secretId(name).versionStage(PREVIOUS)).secretString()).isEqualTo("one");
    }

    @Test
    void theSameTokenWithAnotherValueIsRejectedBecauseVersionsAreImmutable() {
        String name = uniqueName("token-conflict");
        create(name, "one");
        String token = UUID.randomUUID().toString();
        client.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));

        assertThatThrownBy(() -> client.putSecretValue(r -> r.secretId(name).secretString("other").clientRequestToken(token)))
                .isInstanceOf(ResourceExistsException.class);
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
    }

    @Test
    void aVersionPutWithAnotherStageLeavesTheCurrentVersionAlone() {
        String name = uniqueName("pending");
        create(name, "one");

        PutSecretValueResponse pending = client.putSecretValue(r -> r.secretId(name).secretString("next").versionStages("AWSPENDING"));

        assertThat(pending.versionStages()).containsExactly("AWSPENDING");
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("one");
        assertThat(client.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING")).secretString()).isEqualTo("next");
    }

    @Test
    void binarySecretsRoundTrip() {
        String name = uniqueName("binary");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
        client.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));

        GetSecretValueResponse value = client.getSecretValue(r -> r.secretId(name));

        assertThat(value.secretBinary().asByteArray()).containsExactly(bytes);
        assertThat(value.secretString()).isNull();
    }

    @Test
    void aSecretCreatedWithoutAValueHasNoCurrentVersionUntilOneIsPut() {
        String name = uniqueName("empty");
        CreateSecretResponse created = client.createSecret(r -> r.name(name).description("filled in later"));

        assertThat(created.versionId()).isNull();
        ResourceNotFoundException noValue = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.getSecretValue(r -> r.secretId(name)));
        assertThat(noValue.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");

        PutSecretValueResponse put = client.putSecretValue(r -> r.secretId(name).secretString("now").versionStages("AWSPENDING"));

        assertThat(put.versionStages()).contains(CURRENT); // the first version always becomes current
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("now");
    }

    @Test
    void describeSecretShowsMetadataAndLabelledVersions() {
        String name = uniqueName("describe");
        CreateSecretResponse created = client.createSecret(r -> r.name(name).description("the Momento key").secretString("v"));

        DescribeSecretResponse described = client.describeSecret(r -> r.secretId(name));

        assertThat(described.arn()).isEqualTo(created.arn());
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.description()).isEqualTo("the Momento key");
        assertThat(described.createdDate()).isNotNull();
        assertThat(described.lastChangedDate()).isNotNull();
        assertThat(described.deletedDate()).isNull();
        assertThat(described.versionIdsToStages()).containsOnly(Map.entry(created.versionId(), List.of(CURRENT)));
    }

    @Test
    void creatingASecretThatExistsFailsWithResourceExists() {
        String name = uniqueName("exists");
        create(name, "first");

        ResourceExistsException exists = catchThrowableOfType(ResourceExistsException.class, () -> create(name, "second"));

        assertThat(exists.awsErrorDetails().errorCode()).isEqualTo("ResourceExistsException");
        assertThat(exists.statusCode()).isEqualTo(400);
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("first");
    }

    @Test
    void aMissingSecretIsResourceNotFoundForEveryOperation() {
        String missing = uniqueName("missing");

        for (Runnable call : List.<Runnable>of(
                () -> client.getSecretValue(r -> r.secretId(missing)),
                () -> client.putSecretValue(r -> r.secretId(missing).secretString("x")),
                () -> client.describeSecret(r -> r.secretId(missing)))) {
            ResourceNotFoundException notFound = catchThrowableOfType(ResourceNotFoundException.class, call::run);
            assertThat(notFound).as("ResourceNotFoundException").isNotNull();
            assertThat(notFound.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(notFound.awsErrorDetails().errorMessage()).isEqualTo("Secrets Manager can't find the specified secret.");
            checkNotFoundStatus(notFound.statusCode());
        }
    }

    @Test
    void anUnknownStagingLabelIsResourceNotFound() {
        String name = uniqueName("label");
        create(name, "v");

        assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name).versionStage("NO-SUCH-LABEL")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listSecretsIncludesCreatedSecrets() {
        String name = uniqueName("list");
        String arn = create(name, "v").arn();

        List<SecretListEntry> listed = client.listSecrets().secretList();

        assertThat(listed).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo(name);
            assertThat(entry.arn()).isEqualTo(arn);
        });
    }

    @Test
    void aSecretDeletedWithoutRecoveryIsGone() {
        String name = uniqueName("delete");
        create(name, "v");

        client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));

        assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name))).isInstanceOf(ResourceNotFoundException.class);
        create(name, "again"); // the name is free again
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("again");
    }
}
