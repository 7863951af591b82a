package com.example.localcloud.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.iam.FunctionPolicies;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The endpoint's authorization hook, seen through the real SDK: every call is checked against the
 * calling function's statements, and a denial comes back as AWS's AccessDeniedException. (Local
 * endpoint only: moto does not enforce IAM by default.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsManagerAccessCheckTest {

    private static final String ACCOUNT = "000000000000";
    private static final String SECRET_NAME = "accounts/MomentoApiKey";
    private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:";
    private static final String STEP_2_GRANT = ARN_PREFIX + SECRET_NAME + "-??????";
    private static final String ROLE = "momento-accounts-workshop-dev-us-east-1-lambdaRole";

    /** Every question the endpoint asked, to check what it asks. */
    private final List<List<String>> asked = new CopyOnWriteArrayList<>();
    private LocalSecretsManager secretsManager;
    private String secretArn;

    @BeforeAll
    void start() throws Exception {
        AccessCheck functions = FunctionPolicies.builder(ACCOUNT)
                .function("AKIDGETUSER", "momento-accounts-workshop-dev-getUser", ROLE, List.of(
                        Map.of("Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"),
                                "Resource", List.of(STEP_2_GRANT, ARN_PREFIX + "not/created/yet-??????"))))
                .function("AKIDNOSTATEMENT", "momento-accounts-workshop-dev-createUser", ROLE, List.of())
                .function("AKIDDENIED", "momento-accounts-workshop-dev-addMember", ROLE, List.of(
                        Map.of("Effect", "Allow", "Action", "secretsmanager:*", "Resource", "*"),
                        Map.of("Effect", "Deny", "Action", "secretsmanager:GetSecretValue", "Resource", STEP_2_GRANT)))
                .build();
        AccessCheck recording = (accessKeyId, action, resourceArn) -> {
            asked.add(List.of(String.valueOf(accessKeyId), action, resourceArn));
            return functions.check(accessKeyId, action, resourceArn);
        };
        secretsManager = LocalSecretsManager.start("us-east-1", ACCOUNT, recording);
        secretArn = secretsManager.store().createOrUpdate(SECRET_NAME, "{\"MOMENTO_API_KEY\":\"local-key\"}").arn();
    }

    @AfterAll
    void stop() {
        secretsManager.close();
    }

    private SecretsManagerClient clientFor(String accessKeyId) {
        return SecretsManagerClients.forEndpoint(secretsManager.endpoint(), accessKeyId);
    }

    @Test
    void aFunctionGrantedGetSecretValueOnTheSecretReadsIt() {
        try (SecretsManagerClient getUser = clientFor("AKIDGETUSER")) {
            assertThat(getUser.getSecretValue(r -> r.secretId(SECRET_NAME)).secretString()).contains("local-key");
        }
        assertThat(asked).contains(List.of("AKIDGETUSER", "secretsmanager:GetSecretValue", secretArn));
    }

    @Test
    void aFunctionWithoutTheStatementGetsAwsAccessDenied() {
        try (SecretsManagerClient createUser = clientFor("AKIDNOSTATEMENT")) {
            SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class,
                    () -> createUser.getSecretValue(r -> r.secretId(SECRET_NAME)));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + ROLE
                    + "/momento-accounts-workshop-dev-createUser is not authorized to perform: secretsmanager:GetSecretValue"
                    + " on resource: " + secretArn + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
        }
    }

    @Test
    void onlyTheGrantedActionIsAllowed() {
        try (SecretsManagerClient getUser = clientFor("AKIDGETUSER")) {
            SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class,
                    () -> getUser.putSecretValue(r -> r.secretId(SECRET_NAME).secretString("{\"MOMENTO_API_KEY\":\"stolen\"}")));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).contains("secretsmanager:PutSecretValue on resource: " + secretArn);
        }
        assertThat(secretsManager.store().getValue(SECRET_NAME, null, null).value().string()).contains("local-key");
    }

    @Test
    void anExplicitDenyWinsOverAWiderAllow() {
        try (SecretsManagerClient addMember = clientFor("AKIDDENIED")) {
            SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class,
                    () -> addMember.getSecretValue(r -> r.secretId(SECRET_NAME)));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).endsWith(" with an explicit deny in an identity-based policy");
            // the wider Allow still covers what the Deny does not name
            assertThat(addMember.describeSecret(r -> r.secretId(SECRET_NAME)).arn()).isEqualTo(secretArn);
        }
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (SecretsManagerClient stranger = clientFor("AKIDSTRANGER")) {
            SecretsManagerException rejected = catchThrowableOfType(SecretsManagerException.class,
                    () -> stranger.getSecretValue(r -> r.secretId(SECRET_NAME)));

            assertThat(rejected.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(rejected.statusCode()).isEqualTo(400);
            assertThat(rejected.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void aMissingSecretIsNotFoundForACallerAllowedToReadIt() {
        // The grant names "<name>-??????": IAM is asked about the ARN such a secret would have.
        String missing = "not/created/yet";
        try (SecretsManagerClient getUser = clientFor("AKIDGETUSER")) {
            ResourceNotFoundException notFound = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> getUser.getSecretValue(r -> r.secretId(missing)));
            assertThat(notFound).isNotNull();
        }
        List<String> question = asked.get(asked.size() - 1);
        assertThat(question.get(2)).matches(Pattern.quote(ARN_PREFIX + missing + "-") + "[A-Za-z0-9]{6}");
    }

    @Test
    void aMissingSecretIsAccessDeniedForACallerWithoutPermission() {
        try (SecretsManagerClient createUser = clientFor("AKIDNOSTATEMENT")) {
            SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class,
                    () -> createUser.getSecretValue(r -> r.secretId("nothing/here")));

            assertThat(denied).isNotInstanceOf(ResourceNotFoundException.class);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        }
    }

    @Test
    void aClientBuiltForAnotherRegionIsRefusedOnThatRegionsArn() {
        // On AWS it would ask eu-west-1's Secrets Manager, where the secret is not, and the grant
        // names us-east-1's ARNs only: the denial names the region, which tells what went wrong.
        try (SecretsManagerClient getUser = SecretsManagerClients.forEndpoint(secretsManager.endpoint(), "AKIDGETUSER", Region.EU_WEST_1)) {
            SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class,
                    () -> getUser.getSecretValue(r -> r.secretId(SECRET_NAME)));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage())
                    .contains("on resource: arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:" + SECRET_NAME + "-");
        }
    }

    @Test
    void anotherRegionHoldsNoneOfTheRegionsSecretsEvenForACallerAllowedEverywhere() {
        try (SecretsManagerClient addMember = SecretsManagerClients.forEndpoint(secretsManager.endpoint(), "AKIDDENIED", Region.EU_WEST_1)) {
            assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> addMember.getSecretValue(r -> r.secretId(SECRET_NAME))))
                    .as("the secret, read with a client built for eu-west-1").isNotNull();
            assertThat(addMember.listSecrets().secretList()).as("eu-west-1's secrets").isEmpty();
        }
        try (SecretsManagerClient home = SecretsManagerClients.forEndpoint(secretsManager.endpoint(), "AKIDDENIED")) {
            assertThat(home.listSecrets().secretList()).as("us-east-1's secrets").isNotEmpty();
        }
    }

    @Test
    void creatingASecretIsAuthorizedOnTheArnItWillHave() {
        try (SecretsManagerClient addMember = clientFor("AKIDDENIED")) {
            String arn = addMember.createSecret(r -> r.name("created/by-function").secretString("x")).arn();

            assertThat(asked).contains(List.of("AKIDDENIED", "secretsmanager:CreateSecret", arn));
        }
    }

    @Test
    void decisionsOfTheHookAreWhatTheEndpointAnswers() throws IOException {
        AccessCheck denyAll = (key, action, arn) -> new Decision(Decision.Outcome.IMPLICIT_DENY, "arn:aws:sts::" + ACCOUNT + ":assumed-role/r/f", action, arn);
        try (LocalSecretsManager locked = LocalSecretsManager.start("us-east-1", ACCOUNT, denyAll);
             SecretsManagerClient client = SecretsManagerClients.forEndpoint(locked.endpoint(), "AKIDANY")) {
            SecretsManagerException denied = catchThrowableOfType(SecretsManagerException.class, () -> client.listSecrets());

            // ListSecrets applies to no particular secret: AWS's message then has no "on resource"
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/r/f is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action");
        }
    }
}
