package com.example.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the Momento API key from AWS Secrets Manager. The secret is JSON:
 * {"MOMENTO_API_KEY": "..."}.
 *
 * <p>Why not an environment variable: anyone who can read the function's configuration (the
 * console, {@code lambda:GetFunctionConfiguration}, CloudFormation templates, CI logs) could read
 * the key there. A secret is readable only by roles granted {@code secretsmanager:GetSecretValue},
 * is encrypted at rest, and can be rotated without redeploying (an environment keeps the key it
 * read at its cold start: the old key must stay valid until the warm environments are gone).
 */
final class MomentoApiKey {
    static final String FIELD = "MOMENTO_API_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MomentoApiKey() {
    }

    static String read(SecretsManagerClient secretsManager, String secretId) {
        String secret = secretsManager.getSecretValue(request -> request.secretId(secretId)).secretString();
        return parse(secret, secretId);
    }

    /** The key from the secret's JSON. Messages name the secret, never its content. */
    static String parse(String secret, String secretId) {
        JsonNode json;
        try {
            json = secret == null ? null : JSON.readTree(secret);
        } catch (JsonProcessingException e) {
            json = null;
        }
        JsonNode key = json == null ? null : json.get(FIELD);
        if (key == null || !key.isTextual() || key.textValue().isBlank()) {
            throw new IllegalStateException("Secret " + secretId + " must be JSON with a non-empty \"" + FIELD + "\" field");
        }
        return key.textValue();
    }
}
