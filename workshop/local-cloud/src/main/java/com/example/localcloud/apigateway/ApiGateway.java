package com.example.localcloud.apigateway;

import com.example.localcloud.http.QueryString;
import com.example.localcloud.lambda.InvocationResult;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
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

    /**
     * REST API quotas: "Total combined size of all header values, including header names, values,
     * any line terminators, and whitespaces: 10240 Bytes" (and a Regional API's URL up to 10240
     * characters). Jetty counts the request line with the headers and answers 431 (or 414 for the
     * URL) beyond it, in JSON (see {@link JsonErrorHandler}).
     */
    static final int MAX_REQUEST_LINE_AND_HEADERS_BYTES = 10240;

    private final Server server;
    private final URI baseUri;
    private final List<Consumer<GatewayTiming>> timingListeners;

    private ApiGateway(Server server, URI baseUri, List<Consumer<GatewayTiming>> timingListeners) {
        this.server = server;
        this.baseUri = baseUri;
        this.timingListeners = timingListeners;
    }

    /**
     * Starts listening.
     *
     * @param port 0 picks a free port
     * @param log  where API Gateway's own messages go (e.g. why a response was malformed)
     */
    public static ApiGateway start(int port, RouteTable routes, ProxyEventMapper events, FunctionInvoker lambda,
                                   Consumer<String> log) throws Exception {
        return start(port, routes, events, lambda, LocalControl.NONE, log);
    }

    /** Starts listening, with the local cloud's own control endpoints under {@link LocalControl#PREFIX}. */
    public static ApiGateway start(int port, RouteTable routes, ProxyEventMapper events, FunctionInvoker lambda,
                                   LocalControl control, Consumer<String> log) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("api-gateway");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // API Gateway does not say "Server: Jetty"
        http.setRequestHeaderSize(MAX_REQUEST_LINE_AND_HEADERS_BYTES);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler()); // Jetty's own refusals in JSON, as API Gateway's
        List<Consumer<GatewayTiming>> timingListeners = new CopyOnWriteArrayList<>();
        server.setHandler(new GatewayHandler(routes, events, new ProxyResponseMapper(), lambda, control, log, timingListeners));
        server.start();
        return new ApiGateway(server, URI.create("http://localhost:" + connector.getLocalPort()), timingListeners);
    }

    /** E.g. {@code http://localhost:3000}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Told, for each request that invoked a function, where the gateway's time went (for time budgets). */
    public void addTimingListener(Consumer<GatewayTiming> listener) {
        timingListeners.add(listener);
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
        private final FunctionInvoker lambda;
        private final LocalControl control;
        private final Consumer<String> log;
        private final List<Consumer<GatewayTiming>> timingListeners;

        GatewayHandler(RouteTable routes, ProxyEventMapper events, ProxyResponseMapper responses, FunctionInvoker lambda,
                       LocalControl control, Consumer<String> log, List<Consumer<GatewayTiming>> timingListeners) {
            this.timingListeners = timingListeners;
            this.routes = routes;
            this.events = events;
            this.responses = responses;
            this.lambda = lambda;
            this.control = control;
            this.log = log;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long started = System.nanoTime();
            String requestId = UUID.randomUUID().toString();
            Optional<byte[]> body = RequestBody.read(request);
            Invocation invocation = new Invocation();
            OutgoingResponse answer = body.isPresent()
                    ? answer(incoming(request, body.get()), requestId, invocation)
                    : tooLong(request, "the body is over API Gateway's " + PayloadLimits.MAX_REQUEST_BODY_BYTES + " bytes");
            response.setStatus(answer.status());
            answer.headers().forEach(header -> response.getHeaders().add(header.getKey(), header.getValue()));
            response.getHeaders().put("x-amzn-RequestId", requestId);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            if (invocation.result != null && !timingListeners.isEmpty()) {
                GatewayTiming timing = new GatewayTiming(invocation.result.report().functionName(),
                        invocation.result.report().requestId(), (System.nanoTime() - started) / 1e6, invocation.nanos / 1e6, answer.status());
                timingListeners.forEach(listener -> listener.accept(timing));
            }
            return true;
        }

        /** The Lambda invocation a request made, if it made one, and how long it took. */
        private static final class Invocation {
            private InvocationResult result;
            private long nanos;
        }

        private OutgoingResponse answer(IncomingRequest request, String requestId, Invocation invocation) throws InterruptedException {
            if (!QueryString.isWellFormed(request.query())) { // "?x=%" or "%zz": API Gateway answers 400, no function runs
                log.accept("[api-gateway] " + request.method() + " " + request.path() + ": malformed query string, answering 400");
                return GatewayResponses.of(400, "BadRequestException", "Bad Request");
            }
            if (request.path().equals(LocalControl.PREFIX) || request.path().startsWith(LocalControl.PREFIX + "/")) {
                Optional<OutgoingResponse> answer = control.answer(request);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            if (MalformedPath.isMalformed(request.path())) {
                log.accept("[api-gateway] " + request.method() + " " + request.path() + ": malformed URI, answering 400");
                return GatewayResponses.of(400, "BadRequestException", "Bad Request");
            }
            Optional<RouteTable.Match> match = routes.match(request.method(), request.path());
            if (match.isEmpty()) {
                return GatewayResponses.missingAuthenticationToken();
            }
            byte[] event = events.toJson(events.toEvent(request, match.get(), requestId));
            if (event.length > PayloadLimits.MAX_EVENT_BYTES) {
                // Lambda refuses the invoke (RequestEntityTooLargeException) and API Gateway answers 413
                log.accept("[api-gateway] " + request.method() + " " + request.path() + ": Lambda refused the event of "
                        + event.length + " bytes (Request must be smaller than " + PayloadLimits.MAX_EVENT_BYTES
                        + " bytes for the InvokeFunction operation), answering 413");
                return GatewayResponses.requestTooLong();
            }
            long invoked = System.nanoTime();
            InvocationResult result = lambda.invoke(match.get().route().functionName(), event);
            invocation.nanos = System.nanoTime() - invoked;
            invocation.result = result;
            if (result.status() != InvocationResult.Status.SUCCESS) {
                log.accept("[api-gateway] " + request.method() + " " + request.path() + ": Lambda invocation failed ("
                        + result.status() + "), answering 502");
                return GatewayResponses.internalServerError();
            }
            if (result.payload().length > PayloadLimits.MAX_RESPONSE_BYTES) {
                log.accept("[api-gateway] " + request.method() + " " + request.path() + ": Lambda invocation failed"
                        + " (Function.ResponseSizeTooLarge: Response payload size exceeded maximum allowed payload size ("
                        + PayloadLimits.MAX_RESPONSE_BYTES + " bytes)), answering 502");
                return GatewayResponses.internalServerError();
            }
            try {
                return responses.toResponse(result.payload());
            } catch (ProxyResponseMapper.MalformedProxyResponseException e) {
                log.accept("[api-gateway] " + request.method() + " " + request.path()
                        + ": Execution failed due to configuration error: Malformed Lambda proxy response: " + e.getMessage());
                return GatewayResponses.internalServerError();
            }
        }

        private OutgoingResponse tooLong(Request request, String why) {
            log.accept("[api-gateway] " + request.getMethod() + " " + request.getHttpURI().getPath() + ": " + why
                    + ", answering 413");
            return GatewayResponses.requestTooLong();
        }

        private static IncomingRequest incoming(Request request, byte[] body) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (HttpField field : request.getHeaders()) {
                headers.add(Map.entry(field.getName(), field.getValue()));
            }
            String host = request.getHeaders().get("Host");
            return new IncomingRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                    headers, body, Request.getRemoteAddr(request), host == null ? "localhost" : host);
        }
    }
}
