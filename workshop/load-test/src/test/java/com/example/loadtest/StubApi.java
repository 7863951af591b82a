package com.example.loadtest;

import com.example.localcloud.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the accounts API on the JDK's HTTP server: answers each request with whatever
 * {@link Responder} says, and remembers what it received. For tests of the harness itself.
 */
public final class StubApi implements AutoCloseable {

    /** An answer. */
    public record Reply(int status, String body) {
    }

    /** Decides the answer from the method, path and how many requests came before this one (0-based). */
    @FunctionalInterface
    public interface Responder {
        Reply answer(String method, String path, int sequence);
    }

    /** What API Gateway answers for a route it does not have. */
    public static final Reply NO_ROUTE = new Reply(403, "{\"message\":\"Missing Authentication Token\"}");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();

    public StubApi(Responder responder) throws IOException {
        server = LoopbackHttpServer.create(0); // TCP_NODELAY, as the local cloud's servers
        server.setExecutor(threads);
        server.createContext("/", exchange -> respond(exchange, responder));
        server.start();
    }

    private void respond(HttpExchange exchange, Responder responder) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        received.add(method + " " + path);
        Reply reply = responder.answer(method, path, sequence.getAndIncrement());
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** "GET /users/ada" ..., in the order received. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
