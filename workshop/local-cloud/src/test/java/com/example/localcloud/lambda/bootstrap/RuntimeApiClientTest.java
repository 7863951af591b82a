package com.example.localcloud.lambda.bootstrap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bootstrap's Runtime API client against a server that closed a kept-alive connection while
 * the handler ran (as the JDK's server does to a connection idle for long): the result must still
 * arrive. The client sends results buffered, not streamed, which saves a check of the connection
 * that waits 1 ms on every invocation; so it writes to the closed connection first, and the JDK
 * must then send it again on a new one. Were that not so, the environment would exit.
 */
@Timeout(30)
class RuntimeApiClientTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)\\s*$");

    @Test
    void aResultReachesTheServerOnANewConnectionWhenTheKeptOneWasClosed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            // A thread of its own: the common pool's may be busy with another test's work, which run beside this one.
            java.util.concurrent.ExecutorService serverThread = java.util.concurrent.Executors.newSingleThreadExecutor();
            CompletableFuture<Requests> received = CompletableFuture.supplyAsync(() -> answerNextThenCloseTheConnection(server),
                    serverThread);
            serverThread.shutdown();
            // A failure here must fail this test, not end the test JVM as it ends an environment's.
            RuntimeApiClient client = new RuntimeApiClient("127.0.0.1:" + server.getLocalPort(), () -> { });

            RuntimeApiClient.Event event = client.nextEvent();
            client.postResponse(event.requestId(), "{\"statusCode\":200}".getBytes(UTF_8), 1_000, -1);

            assertThat(event.payload()).asString(UTF_8).isEqualTo("{\"event\":1}");
            Requests requests = received.get(10, TimeUnit.SECONDS);
            assertThat(requests.onClosedConnection()).as("the client tried the kept connection first")
                    .startsWith("POST /2018-06-01/runtime/invocation/request-1/response HTTP/1.1");
            assertThat(requests.onNewConnection()).startsWith("POST /2018-06-01/runtime/invocation/request-1/response HTTP/1.1");
            assertThat(requests.onNewConnection()).endsWith("\r\n\r\n{\"statusCode\":200}");
        }
    }

    /** What came on the connection the server had closed, and on the new one. */
    private record Requests(String onClosedConnection, String onNewConnection) {
    }

    /**
     * Serves {@code /next} on the first connection, then closes its side (as an idle timeout
     * does) and answers nothing more there; answers the request that comes on a second connection.
     */
    private static Requests answerNextThenCloseTheConnection(ServerSocket server) {
        try (Socket first = server.accept()) {
            readRequest(first.getInputStream());
            byte[] event = "{\"event\":1}".getBytes(UTF_8);
            write(first.getOutputStream(), "HTTP/1.1 200 OK\r\n"
                    + "Lambda-Runtime-Aws-Request-Id: request-1\r\n"
                    + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 60_000) + "\r\n"
                    + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:f\r\n"
                    + "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + event.length + "\r\n\r\n{\"event\":1}");
            first.shutdownOutput(); // the client keeps the connection for its next call, but it is closed now
            String onClosedConnection = readRequest(first.getInputStream());
            try (Socket second = server.accept()) {
                String onNewConnection = readRequest(second.getInputStream());
                write(second.getOutputStream(), "HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}");
                return new Requests(onClosedConnection, onNewConnection);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP/1.1 request: its head up to the blank line, then Content-Length bytes of body; empty if none came. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        while (!request.toString(US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0 && request.size() == 0) {
                return ""; // the client closed the connection without sending anything
            }
            if (b < 0) {
                throw new IOException("connection closed inside the request head: " + request.toString(US_ASCII));
            }
            request.write(b);
        }
        Matcher length = CONTENT_LENGTH.matcher(request.toString(US_ASCII));
        if (length.find()) {
            request.write(in.readNBytes(Integer.parseInt(length.group(1))));
        }
        return request.toString(UTF_8);
    }

    private static void write(OutputStream out, String response) throws IOException {
        out.write(response.getBytes(UTF_8));
        out.flush();
    }
}
