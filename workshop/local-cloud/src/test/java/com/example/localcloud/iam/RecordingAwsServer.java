package com.example.localcloud.iam;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stand-in AWS endpoint for tests: records the last request (target, Authorization header,
 * body) and answers whatever it was told to, so the real SDK can be checked on both sides: what
 * it sends, and how it reads an answer.
 */
final class RecordingAwsServer implements AutoCloseable {

    /** One request as the SDK sent it. */
    record Recorded(String target, String authorization, byte[] body) {
    }

    private final HttpServer server;
    private volatile Recorded last;
    private volatile int status = 200;
    private volatile String contentType = "application/x-amz-json-1.0";
    private volatile byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    private volatile Function<Recorded, Optional<AwsError>> gate = request -> Optional.empty();

    RecordingAwsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Recorded request = new Recorded(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                        exchange.getRequestHeaders().getFirst("Authorization"), in.readAllBytes());
                last = request;
                Optional<AwsError> refusal = gate.apply(request);
                int answerStatus = refusal.map(AwsError::httpStatus).orElse(status);
                byte[] answerBody = refusal.map(AwsError::jsonBody).orElse(answer);
                exchange.getResponseHeaders().set("Content-Type", refusal.map(AwsError::contentType).orElse(contentType));
                exchange.sendResponseHeaders(answerStatus, answerBody.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answerBody);
                }
            }
        });
        server.start();
    }

    void answer(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.answer = body;
    }

    /** Puts a check in front of the fixed answer, as a local AWS front puts IAM in front of its service. */
    void gate(Function<Recorded, Optional<AwsError>> gate) {
        this.gate = gate;
    }

    void answer(AwsError error) {
        answer(error.httpStatus(), error.contentType(), error.jsonBody());
    }

    Recorded last() {
        return last;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
