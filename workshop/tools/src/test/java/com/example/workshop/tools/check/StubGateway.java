package com.example.workshop.tools.check;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** The local cloud's front door for a probe's test: each request answered as the test says, on a free port. */
public final class StubGateway implements AutoCloseable {
    /** A status and a JSON body. */
    public record Answer(int status, String json) {
    }

    /** How the test answers a request. */
    public interface Responder {
        Answer answer(String method, String path);
    }

    private final HttpServer server;

    public StubGateway(Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Answer answer = responder.answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The service behind this gateway, with what the local cloud logged as {@code log} gives it. */
    public LocalService service(Supplier<List<String>> log) {
        return new LocalService(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), log);
    }

    /** The same, for a working copy whose files the probes read (serverless.yml, the sources). */
    public LocalService service(Supplier<List<String>> log, java.nio.file.Path workingCopy) {
        return new LocalService(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), log, workingCopy);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
