package com.example.localcloud.apigateway;

import com.example.localcloud.lambda.InvocationResult;
import com.example.localcloud.lambda.LambdaService;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local API Gateway (REST API with Lambda proxy integrations): an HTTP server on 127.0.0.1
 * that routes each request to a function, as serverless.yml's {@code http} events say.
 *
 * <p>Jetty, because DynamoDB Local brings it anyway, it keeps the names of unknown headers as the
 * client wrote them (the JDK's server rewrites {@code X-Amz-Target} as {@code X-amz-target}), and
 * its connections use TCP_NODELAY.
 */
public final class ApiGateway implements AutoCloseable {

    static final String MISSING_AUTHENTICATION_TOKEN = "{\"message\":\"Missing Authentication Token\"}";
    static final String INTERNAL_SERVER_ERROR = "{\"message\": \"Internal server error\"}";

    private final Server server;
    private final URI baseUri;

    private ApiGateway(Server server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
    }

    /**
     * Starts listening.
     *
     * @param port 0 picks a free port
     * @param log  where API Gateway's own messages go (e.g. why a response was malformed)
     */
    public static ApiGateway start(int port, RouteTable routes, ProxyEventMapper events, LambdaService lambda,
                                   Consumer<String> log) throws Exception {
        return start(port, routes, events, lambda, LocalControl.NONE, log);
    }

    /** Starts listening, with the local cloud's own control endpoints under {@link LocalControl#PREFIX}. */
    public static ApiGateway start(int port, RouteTable routes, ProxyEventMapper events, LambdaService lambda,
                                   LocalControl control, Consumer<String> log) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("api-gateway");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // API Gateway does not say "Server: Jetty"
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new GatewayHandler(routes, events, new ProxyResponseMapper(), lambda, control, log));
        server.start();
        return new ApiGateway(server, URI.create("http://localhost:" + connector.getLocalPort()));
    }

    /** E.g. {@code http://localhost:3000}. */
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    private static final class GatewayHandler extends Handler.Abstract {
        private final RouteTable routes;
        private final ProxyEventMapper events;
        private final ProxyResponseMapper responses;
        private final LambdaService lambda;
        private final LocalControl control;
        private final Consumer<String> log;

        GatewayHandler(RouteTable routes, ProxyEventMapper events, ProxyResponseMapper responses, LambdaService lambda,
                       LocalControl control, Consumer<String> log) {
            this.routes = routes;
            this.events = events;
            this.responses = responses;
            this.lambda = lambda;
            this.control = control;
            this.log = log;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String requestId = UUID.randomUUID().toString();
            OutgoingResponse answer = answer(incoming(request), requestId);
            response.setStatus(answer.status());
            answer.headers().forEach(header -> response.getHeaders().add(header.getKey(), header.getValue()));
            response.getHeaders().put("x-amzn-RequestId", requestId);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            return true;
        }

        private OutgoingResponse answer(IncomingRequest request, String requestId) throws InterruptedException {
            if (request.path().equals(LocalControl.PREFIX) || request.path().startsWith(LocalControl.PREFIX + "/")) {
                Optional<OutgoingResponse> answer = control.answer(request);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            Optional<RouteTable.Match> match = routes.match(request.method(), request.path());
            if (match.isEmpty()) {
                return OutgoingResponse.gatewayError(403, "MissingAuthenticationTokenException", MISSING_AUTHENTICATION_TOKEN);
            }
            byte[] event = events.toJson(events.toEvent(request, match.get(), requestId));
            InvocationResult result = lambda.invoke(match.get().route().functionName(), event);
            if (result.status() != InvocationResult.Status.SUCCESS) {
                log.accept("[api-gateway] " + request.method() + " " + request.path() + ": Lambda invocation failed ("
                        + result.status() + "), answering 502");
                return internalServerError();
            }
            try {
                return responses.toResponse(result.payload());
            } catch (ProxyResponseMapper.MalformedProxyResponseException e) {
                log.accept("[api-gateway] " + request.method() + " " + request.path()
                        + ": Execution failed due to configuration error: Malformed Lambda proxy response: " + e.getMessage());
                return internalServerError();
            }
        }

        private static OutgoingResponse internalServerError() {
            return OutgoingResponse.gatewayError(502, "InternalServerErrorException", INTERNAL_SERVER_ERROR);
        }

        private static IncomingRequest incoming(Request request) throws java.io.IOException {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (HttpField field : request.getHeaders()) {
                headers.add(Map.entry(field.getName(), field.getValue()));
            }
            ByteBuffer content = Content.Source.asByteBuffer(request);
            byte[] body = new byte[content.remaining()];
            content.get(body);
            String host = request.getHeaders().get("Host");
            return new IncomingRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                    headers, body, Request.getRemoteAddr(request), host == null ? "localhost" : host);
        }
    }
}
