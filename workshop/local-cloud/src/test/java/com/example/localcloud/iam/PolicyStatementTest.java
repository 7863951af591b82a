package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyStatementTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts";

    @Test
    void readsStatementsAsYamlGivesThem() {
        PolicyStatement single = PolicyStatement.fromMap(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", TABLE));
        PolicyStatement lists = PolicyStatement.fromMap(Map.of("Sid", "Reads", "Effect", "Deny",
                "Action", List.of("dynamodb:GetItem", "dynamodb:Query"), "Resource", List.of(TABLE, TABLE + "/index/*")));

        assertThat(single.effect()).isEqualTo(PolicyStatement.Effect.ALLOW);
        assertThat(single.appliesTo("dynamodb:GetItem", TABLE)).isTrue();
        assertThat(lists.effect()).isEqualTo(PolicyStatement.Effect.DENY);
        assertThat(lists.appliesTo("dynamodb:Query", TABLE + "/index/byOrg")).isTrue();
    }

    @Test
    void refusesConditionsRatherThanIgnoringThem() {
        Map<String, Object> statement = new HashMap<>(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", TABLE));
        statement.put("Condition", Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("USER#1"))));

        assertThatThrownBy(() -> PolicyStatement.fromMap(statement))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("'Condition' is not supported");
    }

    @Test
    void effectMustBeExactlyAllowOrDeny() {
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "allow", "Action", "dynamodb:GetItem", "Resource", TABLE)))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("Effect must be Allow or Deny");
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Action", "dynamodb:GetItem", "Resource", TABLE)))
                .isInstanceOf(PolicyException.class);
    }

    @Test
    void needsExactlyOneOfActionOrNotActionAndOfResourceOrNotResource() {
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "Allow", "Resource", TABLE)))
                .hasMessageContaining("exactly one of Action or NotAction");
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem",
                "NotAction", "dynamodb:PutItem", "Resource", TABLE)))
                .hasMessageContaining("exactly one of Action or NotAction");
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem")))
                .hasMessageContaining("exactly one of Resource or NotResource");
    }

    @Test
    void anUnresolvedCloudFormationFunctionIsReportedAsSuch() {
        Map<String, Object> getAtt = Map.of("Fn::GetAtt", List.of("AccountsTable", "Arn"));

        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", getAtt)))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("unresolved CloudFormation function");
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", List.of(getAtt))))
                .hasMessageContaining("unresolved CloudFormation function");
    }

    @Test
    void malformedActionsAndResourcesAreRefused() {
        assertThatThrownBy(() -> PolicyStatement.of("Allow", List.of("GetItem"), List.of(TABLE)))
                .hasMessageContaining("service:Action");
        assertThatThrownBy(() -> PolicyStatement.of("Allow", List.of("dynamodb:GetItem"), List.of("accounts")))
                .hasMessageContaining("must be an ARN or *").hasMessageNotContaining("quotes");
        assertThatThrownBy(() -> PolicyStatement.of("Allow", List.of("dynamodb:PutItem"), List.of("accounts-dev-ActivityTable")))
                .as("a !Ref of the table, resolved: its name").hasMessageEndingWith("got: accounts-dev-ActivityTable (a name,"
                        + " not an ARN: !Ref of a table or a stream gives its name; a statement's Resource needs !GetAtt <its"
                        + " resource>.Arn)");
        assertThatThrownBy(() -> PolicyStatement.of("Allow", List.of("dynamodb:PutItem"), List.of("!GetAtt ActivityTable.Arn")))
                .hasMessageEndingWith("got: !GetAtt ActivityTable.Arn (a CloudFormation function in quotes is plain text to YAML:"
                        + " write it without the quotes)");
        assertThatThrownBy(() -> PolicyStatement.fromMap(Map.of("Effect", "Allow", "Action", List.of(), "Resource", TABLE)))
                .isInstanceOf(PolicyException.class);
    }
}
