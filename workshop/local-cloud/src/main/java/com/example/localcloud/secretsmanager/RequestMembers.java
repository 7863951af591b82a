package com.example.localcloud.secretsmanager;

import com.example.localcloud.awsjson.AwsServiceError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads request members and checks the model's constraints, failing with AWS's validation
 * messages ({@code 1 validation error detected: Value null at 'secretId' failed to satisfy
 * constraint: Member must not be null}). Member values are never quoted in messages: for secret
 * values AWS leaves them out too, and for the others it keeps this code simple.
 */
final class RequestMembers {

    private static final int MAX_SECRET_SIZE = 65_536;

    private RequestMembers() {
    }

    static String requiredString(JsonNode request, String member, int minLength, int maxLength) {
        String value = optionalString(request, member, minLength, maxLength);
        if (value == null) {
            throw violation(member, "Member must not be null");
        }
        return value;
    }

    static String optionalString(JsonNode request, String member, int minLength, int maxLength) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw AwsServiceError.serialization("Member " + member + " must be a string");
        }
        String value = node.asText();
        checkLength(member, value.length(), minLength, maxLength);
        return value;
    }

    static String optionalSecretString(JsonNode request, String member) {
        return optionalString(request, member, 1, MAX_SECRET_SIZE);
    }

    static byte[] optionalSecretBinary(JsonNode request, String member) {
        String base64 = optionalString(request, member, 1, Integer.MAX_VALUE);
        if (base64 == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw AwsServiceError.serialization("Member " + member + " is not valid base64");
        }
        checkLength(member, bytes.length, 1, MAX_SECRET_SIZE);
        return bytes;
    }

    static List<String> optionalStrings(JsonNode request, String member, int minItems, int maxItems) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw AwsServiceError.serialization("Member " + member + " must be a list");
        }
        if (node.size() < minItems || node.size() > maxItems) {
            throw violation(member, "Member must have length between " + minItems + " and " + maxItems);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.asText().isEmpty()) {
                throw violation(member, "Member must contain non-empty strings");
            }
            values.add(element.asText());
        }
        return values;
    }

    private static void checkLength(String member, int length, int min, int max) {
        if (length < min) {
            throw violation(member, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw violation(member, "Member must have length less than or equal to " + max);
        }
    }

    private static SecretsManagerError violation(String member, String constraint) {
        String at = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        String value = constraint.endsWith("not be null") ? "Value null" : "Value";
        return SecretsManagerError.validation("1 validation error detected: " + value + " at '" + at
                + "' failed to satisfy constraint: " + constraint);
    }
}
