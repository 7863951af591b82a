package com.example.localcloud.kinesis;

import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.AwsError;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.iam.SigV4Credential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP side of Kinesis: {@code POST /} with {@code X-Amz-Target: Kinesis_20131202.<Operation>}
 * and a body in CBOR ({@code application/x-amz-cbor-1.1}) or JSON ({@code application/x-amz-json-1.1});
 * answers 200 in the same format, or an error {@code {"__type": ..., "message": ...}}.
 *
 * <p>Order per call, as AWS: read and validate the request, ask the {@link AccessCheck} about the
 * action on the stream's ARN, then (unless a {@link KinesisFaults fault} answers instead) run it.
 * Record data is never logged.
 */
final class KinesisHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(KinesisHttpHandler.class.getName());
    private static final String TARGET_PREFIX = "Kinesis_20131202.";
    /** PutRecords carries up to 5 MiB of data, a third more as base64 in JSON, plus keys and framing. */
    private static final int MAX_BODY_BYTES = 10 << 20;

    private final KinesisApi api;
    private final AccessCheck accessCheck;
    private final KinesisFaults faults;
    private final String accountId;

    KinesisHttpHandler(KinesisApi api, AccessCheck accessCheck, KinesisFaults faults, String accountId) {
        this.api = api;
        this.accessCheck = accessCheck;
        this.faults = faults;
        this.accountId = accountId;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WireFormat format = WireFormat.ofContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
            String operation = operationOf(exchange);
            try {
                answer(exchange, format, operation);
            } catch (KinesisError error) {
                send(exchange, format, error.httpStatus(), format.error(error.type(), "message", error.getMessage()));
            } catch (RuntimeException bug) {
                // Name the operation and the exception type only: messages might quote record data.
                LOG.log(System.Logger.Level.ERROR, "Local Kinesis failed on " + operation + ": " + bug.getClass().getName());
                KinesisError internal = KinesisError.internalFailure();
                send(exchange, format, internal.httpStatus(), format.error(internal.type(), "message", internal.getMessage()));
            }
        }
    }

    private void answer(HttpExchange exchange, WireFormat format, String operation) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw KinesisError.unknownOperation(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        }
        if (operation.isEmpty()) {
            throw KinesisError.unknownOperation("a request without X-Amz-Target: " + TARGET_PREFIX + "<Operation>");
        }
        JsonNode request = readBody(exchange, format);
        KinesisApi.PreparedCall call = api.prepare(operation, RequestMembers.of(request, format), format);
        String accessKeyId = SigV4Credential.accessKeyIdOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Decision decision = accessCheck.check(accessKeyId, call.action(), call.resourceArn());
        if (!decision.isAllowed()) {
            AwsError denial = AwsError.forKinesis(decision);
            send(exchange, format, denial.httpStatus(), format.error(denial.type(), denial.messageKey(), denial.message()));
            return;
        }
        Optional<KinesisFaults.Kind> fault = faults.take(operation);
        if (fault.isPresent()) {
            throw KinesisFaults.errorFor(fault.get(), call.streamName(), call.shardId(), accountId);
        }
        ObjectNode response = call.run().get();
        send(exchange, format, 200, format.write(response));
    }

    private static String operationOf(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
    }

    private static JsonNode readBody(HttpExchange exchange, WireFormat format) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw KinesisError.serialization("Request body too large: more than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode request;
        try {
            request = body.length == 0 ? null : format.read(body);
        } catch (IOException e) {
            throw KinesisError.serialization("The request body is not valid " + format.name());
        }
        if (request == null || request.isMissingNode() || request.isNull()) {
            // an SDK sends {} for a request without members; be as lenient with no body at all
            return JsonNodeFactory.instance.objectNode();
        }
        if (!request.isObject()) {
            throw KinesisError.serialization("The request body must be a " + format.name() + " object");
        }
        return request;
    }

    private static void send(HttpExchange exchange, WireFormat format, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", format.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
