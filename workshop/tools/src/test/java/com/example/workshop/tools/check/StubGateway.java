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

    /** How the test answers a request whose query it reads too (a look into the cache: {@code contains=user#alice}). */
    public interface QueryResponder {
        Answer answer(String method, String path, String query);
    }

    private final HttpServer server;

    public StubGateway(Responder responder) throws IOException {
        this((method, path, query) -> responder.answer(method, path));
    }

    /** @param responder given the decoded query, "" where there is none */
    public StubGateway(QueryResponder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            Answer answer = responder.answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query == null ? "" : query);
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /**
     * Step 6's local cloud with Momento down while the table changes: the stream cacher's batch goes
     * through (no failed record reported) and AccountCache's WARN, added to {@code log}, says that it
     * logged the failed write.
     */
    public static StubGateway withAStreamCacherThatLogsItsFailedWrite(List<String> log) throws IOException {
        return new StubGateway((method, path) -> {
            if (method.equals("POST") && path.equals("/users")) {
                return new Answer(201, "{}");
            }
            if (path.equals("/_local/dynamodb/UpdateItem")) {
                log.add("[streamCacher#1] 12:00:00.000 WARN AccountCache - Cache write of user#bob failed: UNAVAILABLE");
                log.add("Stream streamCacher <- arn:aws:dynamodb:us-east-1:000000000000:table/accounts-dev-AccountsTable/stream:"
                        + " batch of 1 record processed");
            }
            return new Answer(200, path.equals("/_local/endpoints") ? "{\"tables\":[\"accounts-dev-AccountsTable\"]}"
                    : path.equals("/_local/streams") ? "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100,"
                    + " LATEST, ReportBatchItemFailures)\"]" : "{}");
        });
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
