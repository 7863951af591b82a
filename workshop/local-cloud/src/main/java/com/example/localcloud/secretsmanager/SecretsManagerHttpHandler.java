package com.example.localcloud.secretsmanager;

import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.AwsError;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.iam.SigV4Credential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * The HTTP side of the AWS JSON 1.1 protocol: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.<Operation>} and a JSON body; answers 200 with JSON, or 400
 * with {@code {"__type": ..., "Message": ...}}.
 *
 * <p>Order per call: read and validate the request, ask the {@link AccessCheck} about the action
 * on the secret's ARN, then run it. Request and response bodies are never logged: they hold
 * secret values.
 */
final class SecretsManagerHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SecretsManagerHttpHandler.class.getName());
    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final int MAX_BODY_BYTES = 1 << 20; // secrets are at most 64 KB; JSON and base64 add some
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerApi api;
    private final AccessCheck accessCheck;

    SecretsManagerHttpHandler(SecretsManagerApi api, AccessCheck accessCheck) {
        this.api = api;
        this.accessCheck = accessCheck;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String operation = operationOf(exchange);
            try {
                answer(exchange, operation);
            } catch (SecretsManagerError error) {
                send(exchange, error.httpStatus(), errorBody(error.type(), error.getMessage()));
            } catch (RuntimeException bug) {
                // Name the operation and the exception type only: messages might quote a request.
                LOG.log(System.Logger.Level.ERROR, "Local Secrets Manager failed on " + operation + ": " + bug.getClass().getName());
                SecretsManagerError internal = SecretsManagerError.internal();
                send(exchange, internal.httpStatus(), errorBody(internal.type(), internal.getMessage()));
            }
        }
    }

    private void answer(HttpExchange exchange, String operation) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw SecretsManagerError.unknownOperation(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        }
        if (operation.isEmpty()) {
            throw SecretsManagerError.unknownOperation("a request without X-Amz-Target: secretsmanager.<Operation>");
        }
        JsonNode request = readJson(exchange);
        SecretsManagerApi.PreparedCall call = api.prepare(operation, request);
        String accessKeyId = SigV4Credential.accessKeyIdOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Decision decision = accessCheck.check(accessKeyId, call.action(), call.resourceArn());
        if (!decision.isAllowed()) {
            AwsError denial = AwsError.forSecretsManager(decision);
            send(exchange, denial.httpStatus(), denial.jsonBody());
            return;
        }
        ObjectNode response = call.run().get();
        send(exchange, 200, JSON.writeValueAsBytes(response));
    }

    private static String operationOf(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw SecretsManagerError.validation("Request body too large");
        }
        JsonNode request;
        try {
            request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw SecretsManagerError.serialization("The request body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw SecretsManagerError.serialization("The request body must be a JSON object");
        }
        return request;
    }

    private static byte[] errorBody(String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("Message", message);
        return JSON.writeValueAsBytes(body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", AwsError.SECRETS_MANAGER_CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
