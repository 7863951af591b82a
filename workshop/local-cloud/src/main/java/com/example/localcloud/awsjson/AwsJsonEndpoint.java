package com.example.localcloud.awsjson;

import com.example.localcloud.http.LoopbackHttpServer;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.AwsError;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.iam.SigV4Credential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * AWS's JSON 1.1 protocol over HTTP, for every local service that speaks it (Secrets Manager,
 * Kinesis): {@code POST /} with {@code X-Amz-Target: <prefix><Operation>} and a body in JSON
 * ({@code application/x-amz-json-1.1}) or CBOR ({@code application/x-amz-cbor-1.1}); answers 200
 * in the same format, or an error {@code {"__type": ..., "message": ...}}.
 *
 * <p>Order per call, as AWS: read and validate the request, ask IAM about the action on the
 * resource, then run it. Bodies are never logged: they hold secrets and record data.
 */
public final class AwsJsonEndpoint implements AutoCloseable {

    private static final int THREADS = 4;

    private final AwsJsonProtocol protocol;
    private final AccessCheck accessCheck;
    private final ExecutorService executor;
    private final HttpServer server;
    private final System.Logger log;

    private AwsJsonEndpoint(AwsJsonProtocol protocol, AccessCheck accessCheck, int port) throws IOException {
        this.protocol = protocol;
        this.accessCheck = accessCheck;
        this.log = System.getLogger(AwsJsonEndpoint.class.getName() + "." + protocol.serviceName().replace(" ", ""));
        String threadName = "local-" + protocol.serviceName().toLowerCase(Locale.ROOT).replace(' ', '-');
        this.executor = LoopbackHttpServer.daemonPool(threadName, THREADS);
        try {
            this.server = LoopbackHttpServer.start(port, "/", this::handle, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** Starts on 127.0.0.1 on this port (0 for a free one), every call checked by {@code accessCheck}. */
    public static AwsJsonEndpoint start(AwsJsonProtocol protocol, AccessCheck accessCheck, int port) throws IOException {
        return new AwsJsonEndpoint(protocol, accessCheck, port);
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WireFormat format = WireFormat.ofContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
            String operation = operationOf(exchange);
            try {
                answer(exchange, format, operation);
            } catch (AwsServiceError error) {
                sendError(exchange, format, error);
            } catch (RuntimeException bug) {
                // Name the operation and the exception type only: messages might quote a request.
                log.log(System.Logger.Level.ERROR, "Local " + protocol.serviceName() + " failed on " + operation + ": "
                        + bug.getClass().getName());
                sendError(exchange, format, protocol.internalError());
            }
        }
    }

    private void answer(HttpExchange exchange, WireFormat format, String operation) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw AwsServiceError.unknownOperation(protocol.serviceName(), exchange.getRequestMethod() + " " + exchange.getRequestURI());
        }
        if (operation.isEmpty()) {
            throw AwsServiceError.unknownOperation(protocol.serviceName(),
                    "a request without X-Amz-Target: " + protocol.targetPrefix() + "<Operation>");
        }
        Optional<SigV4Credential> credential =
                SigV4Credential.fromAuthorizationHeader(exchange.getRequestHeaders().getFirst("Authorization"));
        AwsJsonCall call = protocol.prepare(operation, readBody(exchange, format), format,
                credential.map(SigV4Credential::region).orElse(null));
        String accessKeyId = credential.map(SigV4Credential::accessKeyId).orElse(null);
        Decision decision = accessCheck.check(accessKeyId, call.action(), call.resourceArn());
        if (!decision.isAllowed()) {
            AwsError denial = AwsError.forJson11(decision);
            send(exchange, format, denial.httpStatus(), format.error(denial.type(), denial.messageKey(), denial.message()));
            return;
        }
        ObjectNode response = call.run().get();
        send(exchange, format, 200, format.write(response));
    }

    private String operationOf(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return target != null && target.startsWith(protocol.targetPrefix()) ? target.substring(protocol.targetPrefix().length()) : "";
    }

    private JsonNode readBody(HttpExchange exchange, WireFormat format) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(protocol.maxBodyBytes() + 1);
        }
        if (body.length > protocol.maxBodyBytes()) {
            throw AwsServiceError.serialization("Request body too large: more than " + protocol.maxBodyBytes() + " bytes");
        }
        JsonNode request;
        try {
            request = body.length == 0 ? null : format.read(body);
        } catch (IOException e) {
            throw AwsServiceError.serialization("The request body is not valid " + format.name());
        }
        if (request == null || request.isMissingNode() || request.isNull()) {
            // an SDK sends {} for a request without members; be as lenient with no body at all
            return JsonNodeFactory.instance.objectNode();
        }
        if (!request.isObject()) {
            throw AwsServiceError.serialization("The request body must be a " + format.name() + " object");
        }
        return request;
    }

    private void sendError(HttpExchange exchange, WireFormat format, AwsServiceError error) throws IOException {
        send(exchange, format, error.httpStatus(), format.error(error.type(), protocol.errorMessageKey(), error.getMessage()));
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
