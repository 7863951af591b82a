package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionPoliciesTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts";

    private final FunctionPolicies policies = FunctionPolicies.builder("000000000000")
            .function("AKIDGETUSER", "svc-dev-getUser", "svc-dev-us-east-1-lambdaRole",
                    List.of(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", TABLE)))
            .function("AKIDCREATEUSER", "svc-dev-createUser", "svc-dev-us-east-1-lambdaRole",
                    List.of(Map.of("Effect", "Allow", "Action", "dynamodb:PutItem", "Resource", TABLE)))
            .unrestricted("AKIDADMIN", "arn:aws:iam::000000000000:user/local-cloud")
            .build();

    @Test
    void eachAccessKeyGetsItsOwnFunctionsStatements() {
        assertThat(policies.check("AKIDGETUSER", "dynamodb:GetItem", TABLE).isAllowed()).isTrue();
        assertThat(policies.check("AKIDGETUSER", "dynamodb:PutItem", TABLE).isAllowed()).isFalse();
        assertThat(policies.check("AKIDCREATEUSER", "dynamodb:PutItem", TABLE).isAllowed()).isTrue();
        assertThat(policies.check("AKIDCREATEUSER", "dynamodb:GetItem", TABLE).isAllowed()).isFalse();
    }

    @Test
    void aDenialNamesTheFunctionsAssumedRoleSessionAsAwsDoes() {
        Decision denied = policies.check("AKIDGETUSER", "dynamodb:PutItem", TABLE);

        assertThat(denied.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(denied.message()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/svc-dev-us-east-1-lambdaRole/svc-dev-getUser"
                + " is not authorized to perform: dynamodb:PutItem on resource: " + TABLE
                + " because no identity-based policy allows the dynamodb:PutItem action");
    }

    @Test
    void aDenialSaysWhichResourcesTheRoleAllowsTheActionOnSoThatAResourceThatMissedShows() {
        String secret = "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey";
        FunctionPolicies roles = FunctionPolicies.builder("000000000000")
                .function("AKIDGETUSER", "svc-dev-getUser", "svc-dev-us-east-1-lambdaRole", List.of(
                        Map.of("Effect", "Allow", "Action", "secretsmanager:GetSecretValue", "Resource", secret),
                        Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", TABLE)))
                .build();

        Decision missed = roles.check("AKIDGETUSER", "secretsmanager:GetSecretValue", secret + "-Ab12Cd");
        Decision noStatement = roles.check("AKIDGETUSER", "dynamodb:PutItem", TABLE);

        assertThat(missed.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(missed.allowedOn()).containsExactly(secret);
        assertThat(noStatement.allowedOn()).isEmpty();
        assertThat(roles.check("AKIDGETUSER", "dynamodb:GetItem", TABLE).allowedOn()).as("only a refusal says it").isEmpty();
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClientAndNoKeyIsMissingAuthentication() {
        assertThat(policies.check("AKIDSTRANGER", "dynamodb:GetItem", TABLE).outcome()).isEqualTo(Decision.Outcome.UNRECOGNIZED_CLIENT);
        assertThat(policies.check(null, "dynamodb:GetItem", TABLE).outcome()).isEqualTo(Decision.Outcome.MISSING_AUTHENTICATION);
        assertThat(policies.check("", "dynamodb:GetItem", TABLE).outcome()).isEqualTo(Decision.Outcome.MISSING_AUTHENTICATION);
    }

    @Test
    void anUnrestrictedKeyMayDoAnything() {
        assertThat(policies.check("AKIDADMIN", "secretsmanager:CreateSecret", "arn:aws:secretsmanager:us-east-1:000000000000:secret:x-Ab12Cd")
                .isAllowed()).isTrue();
    }

    @Test
    void aKeyCannotBelongToTwoFunctions() {
        FunctionPolicies.Builder builder = FunctionPolicies.builder("000000000000").function("AKIDONE", "f", "r", List.of());

        assertThatThrownBy(() -> builder.function("AKIDONE", "g", "r", List.of())).hasMessageContaining("AKIDONE");
    }

    @Test
    void aStatementThatCannotBeEvaluatedFailsTheBuildNotTheCall() {
        FunctionPolicies.Builder builder = FunctionPolicies.builder("000000000000");

        assertThatThrownBy(() -> builder.function("AKIDBAD", "f", "r",
                List.of(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", TABLE, "Condition", Map.of()))))
                .isInstanceOf(PolicyException.class);
    }
}
