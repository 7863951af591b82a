package com.example.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DynamoDB API call as it arrives over HTTP, with what an authorization check needs: the
 * operation ({@code GetItem}), who calls (the access key id from the SigV4 signature: the local
 * cloud gives each function its own) and the tables it touches.
 *
 * @param operation   from {@code X-Amz-Target: DynamoDB_20120810.GetItem}, e.g. {@code GetItem}
 * @param accessKeyId from {@code Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/dynamodb/aws4_request, ...};
 *                    empty if unsigned
 * @param region      the region in the signature's credential scope; empty if unsigned
 * @param body        the JSON request body
 */
public record DynamoDbCall(String operation, String accessKeyId, String region, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/[^/]*/([^/]*)/");

    static DynamoDbCall of(String target, String authorization, byte[] body) {
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        Matcher credential = CREDENTIAL.matcher(authorization == null ? "" : authorization);
        return credential.find()
                ? new DynamoDbCall(operation, credential.group(1), credential.group(2), body)
                : new DynamoDbCall(operation, "", "", body);
    }

    /** The IAM action name, e.g. {@code dynamodb:GetItem}. */
    public String action() {
        return "dynamodb:" + operation;
    }

    /**
     * The table names the request names: {@code TableName}, the keys of a batch's
     * {@code RequestItems}, and each {@code TransactItems[*].<Put|Update|Delete|ConditionCheck|Get>.TableName}.
     */
    public List<String> tableNames() {
        Set<String> names = new LinkedHashSet<>();
        JsonNode request = json();
        if (request.hasNonNull("TableName")) {
            names.add(request.get("TableName").asText());
        }
        for (Iterator<String> it = request.path("RequestItems").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        for (JsonNode item : request.path("TransactItems")) {
            item.forEach(operationInTransaction -> {
                if (operationInTransaction.hasNonNull("TableName")) {
                    names.add(operationInTransaction.get("TableName").asText());
                }
            });
        }
        return new ArrayList<>(names);
    }

    /** The body as a JSON tree (an empty object if it is not JSON). */
    public JsonNode json() {
        try {
            JsonNode tree = JSON.readTree(body);
            return tree == null ? JSON.createObjectNode() : tree;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
