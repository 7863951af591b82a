package com.example.localcloud.apigateway;

import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.InvocationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real local API Gateway (Jetty on a free port) in front of a fake Lambda that records each
 * event and answers with a result the test chose: the gateway's behaviour over real HTTP, with
 * no function JVM to start.
 */
final class FakeFunctions implements FunctionInvoker, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<byte[]> events = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile byte[] result = json(Map.of("statusCode", 200, "body", "ok"));
    private final ApiGateway gateway;

    /** A gateway with {@code GET /}, {@code ANY /items/{id}} and {@code POST /upload}, stage dev. */
    FakeFunctions(List<String> binaryMediaTypes) throws Exception {
        RouteTable routes = new RouteTable(List.of(new Route("GET", "/", "root"), new Route("ANY", "/items/{id}", "items"),
                new Route("POST", "/upload", "upload")));
        Consumer<String> logLine = log::add;
        gateway = ApiGateway.start(0, routes, new ProxyEventMapper("dev", "000000000000", binaryMediaTypes), this, logLine);
    }

    FakeFunctions() throws Exception {
        this(List.of());
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] event) {
        events.add(event);
        InvocationReport report = new InvocationReport(functionName, 1, "request", 1.0, 1, 128, 64, null,
                InvocationResult.Status.SUCCESS, null);
        return new InvocationResult(InvocationResult.Status.SUCCESS, result, report);
    }

    /** What the function returns from now on (its serialized result). */
    void returns(byte[] functionResult) {
        this.result = functionResult;
    }

    int port() {
        return gateway.baseUri().getPort();
    }

    java.net.URI uri(String path) {
        return java.net.URI.create(gateway.baseUri() + path);
    }

    List<byte[]> events() {
        return events;
    }

    JsonNode lastEvent() {
        try {
            return JSON.readTree(events.get(events.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> log() {
        return log;
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
