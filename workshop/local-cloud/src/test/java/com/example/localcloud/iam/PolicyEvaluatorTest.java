package com.example.localcloud.iam;

import static com.example.localcloud.iam.Decision.Outcome.ALLOWED;
import static com.example.localcloud.iam.Decision.Outcome.EXPLICIT_DENY;
import static com.example.localcloud.iam.Decision.Outcome.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluatorTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-Ab12Cd";

    private static Decision.Outcome evaluate(List<PolicyStatement> statements, String action, String resource) {
        return PolicyEvaluator.evaluate(statements, action, resource);
    }

    private static PolicyStatement allow(String action, String resource) {
        return PolicyStatement.of("Allow", List.of(action), List.of(resource));
    }

    private static PolicyStatement deny(String action, String resource) {
        return PolicyStatement.of("Deny", List.of(action), List.of(resource));
    }

    @Test
    void withoutStatementsEverythingIsImplicitlyDenied() {
        assertThat(evaluate(List.of(), "dynamodb:GetItem", TABLE)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void anAllowCoversExactlyItsActionAndResource() {
        List<PolicyStatement> statements = List.of(allow("dynamodb:GetItem", TABLE));

        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE)).isEqualTo(ALLOWED);
        assertThat(evaluate(statements, "dynamodb:PutItem", TABLE)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE + "2")).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE + "/index/byName")).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void anExplicitDenyWinsWhereverItStands() {
        PolicyStatement allowAll = allow("*", "*");
        PolicyStatement denyDelete = deny("dynamodb:DeleteItem", TABLE);

        assertThat(evaluate(List.of(allowAll, denyDelete), "dynamodb:DeleteItem", TABLE)).isEqualTo(EXPLICIT_DENY);
        assertThat(evaluate(List.of(denyDelete, allowAll), "dynamodb:DeleteItem", TABLE)).isEqualTo(EXPLICIT_DENY);
        assertThat(evaluate(List.of(denyDelete, allowAll), "dynamodb:PutItem", TABLE)).isEqualTo(ALLOWED);
    }

    @Test
    void aDenyAloneDeniesExplicitlyAndAllowsNothingElse() {
        List<PolicyStatement> statements = List.of(deny("dynamodb:*", "*"));

        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE)).isEqualTo(EXPLICIT_DENY);
        assertThat(evaluate(statements, "secretsmanager:GetSecretValue", SECRET)).isEqualTo(IMPLICIT_DENY);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "dynamodb:GetItem,   dynamodb:GetItem,      true",
            "dynamodb:*,         dynamodb:GetItem,      true",
            "*,                  dynamodb:GetItem,      true",
            "dynamodb:Get*,      dynamodb:GetItem,      true",
            "dynamodb:Get*,      dynamodb:BatchGetItem, false",
            "dynamodb:*Item,     dynamodb:BatchGetItem, true",
            "dynamodb:?etItem,   dynamodb:GetItem,      true",
            "dynamodb:?etItem,   dynamodb:PutItems,     false",
            "dynamodb:GetItem,   dynamodb:GetItems,     false",
            "DynamoDB:getitem,   dynamodb:GetItem,      true",
            "dynamodb:GETITEM,   DYNAMODB:getItem,      true",
            "dynamodb:GetItem,   dynamodbx:GetItem,     false",
            "secretsmanager:*,   dynamodb:GetItem,      false",
    })
    void actionsMatchWithWildcardsAndIgnoreCase(String pattern, String action, boolean covered) {
        Decision.Outcome outcome = evaluate(List.of(allow(pattern, "*")), action, TABLE);

        assertThat(outcome).isEqualTo(covered ? ALLOWED : IMPLICIT_DENY);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "arn:aws:dynamodb:us-east-1:000000000000:table/accounts, arn:aws:dynamodb:us-east-1:000000000000:table/accounts, true",
            "arn:aws:dynamodb:us-east-1:000000000000:table/Accounts, arn:aws:dynamodb:us-east-1:000000000000:table/accounts, false",
            "arn:aws:dynamodb:*:*:table/accounts,                    arn:aws:dynamodb:us-east-1:000000000000:table/accounts, true",
            "arn:aws:dynamodb:us-east-1:000000000000:table/acc*,     arn:aws:dynamodb:us-east-1:000000000000:table/accounts, true",
            "arn:aws:dynamodb:us-east-1:000000000000:table/*,        arn:aws:dynamodb:us-east-1:000000000000:table/accounts/index/byOrg, true",
            "arn:aws:dynamodb:us-east-1:000000000000:table/accounts, arn:aws:dynamodb:us-east-1:000000000000:table/accounts/index/byOrg, false",
            "arn:aws:dynamodb:us-east-1:*,                           arn:aws:dynamodb:us-east-1:000000000000:table/accounts, true",
            "arn:aws:dynamodb:us*0:table/accounts,                   arn:aws:dynamodb:us-east-1:000000000000:table/accounts, false",
            "arn:aws:dynamodb:us-????-1:*:table/accounts,            arn:aws:dynamodb:us-east-1:000000000000:table/accounts, true",
            "arn:aws:dynamodb:us-????-1:*:table/accounts,            arn:aws:dynamodb:us-west-2:000000000000:table/accounts, false",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-??????, arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-Ab12Cd, true",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-??????, arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-Ab12C, false",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-??????, arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-Ab12Cde, false",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey,        arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-Ab12Cd, false",
            "*, arn:aws:secretsmanager:us-east-1:000000000000:secret:anything-Ab12Cd, true",
            "arn:aws:dynamodb:us-east-1:000000000000:table/a.b,      arn:aws:dynamodb:us-east-1:000000000000:table/aXb, false",
    })
    void resourcesMatchWithWildcardsCaseSensitivelyAndSegmentBySegment(String pattern, String resource, boolean covered) {
        Decision.Outcome outcome = evaluate(List.of(allow("dynamodb:GetItem", pattern)), "dynamodb:GetItem", resource);

        assertThat(outcome).isEqualTo(covered ? ALLOWED : IMPLICIT_DENY);
    }

    @Test
    void listsOfActionsAndResourcesCoverEachOfTheirEntries() {
        List<PolicyStatement> statements = List.of(PolicyStatement.of("Allow",
                List.of("dynamodb:GetItem", "dynamodb:PutItem"), List.of(TABLE, TABLE + "/index/*")));

        assertThat(evaluate(statements, "dynamodb:PutItem", TABLE)).isEqualTo(ALLOWED);
        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE + "/index/byOrg")).isEqualTo(ALLOWED);
        assertThat(evaluate(statements, "dynamodb:Query", TABLE)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void notActionAndNotResourceApplyToEverythingTheyDoNotName() {
        List<PolicyStatement> statements = PolicyStatement.fromMaps(List.of(
                Map.of("Effect", "Allow", "NotAction", "dynamodb:DeleteItem", "Resource", "*"),
                Map.of("Effect", "Deny", "Action", "dynamodb:*", "NotResource", TABLE)));

        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE)).isEqualTo(ALLOWED);
        assertThat(evaluate(statements, "dynamodb:DeleteItem", TABLE)).isEqualTo(IMPLICIT_DENY);
        assertThat(evaluate(statements, "dynamodb:GetItem", TABLE + "2")).isEqualTo(EXPLICIT_DENY);
        assertThat(evaluate(statements, "secretsmanager:GetSecretValue", SECRET)).isEqualTo(ALLOWED);
    }
}
