package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What step 2's check says when IAM refused the secret's read, from the local cloud's record of it. */
class Step2MomentoClientTest {
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aResourceThatMissesTheSecretIsNamedWithTheSuffixItLacks() throws Exception {
        JsonNode refusal = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\","
                + "\"allowedOn\":[\"" + SECRET + "\"]}");

        assertThat(Step2MomentoClient.refused(refusal))
                .contains("the role allows it only on " + SECRET + ", which does not match that ARN")
                .contains("ending in -??????");
    }

    @Test
    void withoutAnyStatementForTheActionTheProvidersStatementsAreNamed() throws Exception {
        JsonNode refusal = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\"}");

        assertThat(Step2MomentoClient.refused(refusal))
                .contains("the provider's iam.role.statements")
                .doesNotContain("allows it only on");
    }
}
