package com.example.localcloud.lambda.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The client side of the Lambda Runtime API ({@code /2018-06-01/runtime/...}). Any failure to
 * reach the API means the local cloud is gone, and the environment exits.
 */
final class RuntimeApiClient {

    /** Not part of AWS's API: this JVM's own memory figure, which the local cloud uses where it cannot measure it. */
    static final String MAX_MEMORY_USED_HEADER = "Lambda-Local-Max-Memory-Used-Mb";
    /** Not AWS's either: how long the handler itself ran, for the local cloud's time budget. */
    static final String HANDLER_MICROS_HEADER = "Lambda-Local-Handler-Micros";
    /** Not AWS's: the handler's time in SDK calls, when the environment runs with SdkCallAgent. */
    static final String SDK_CALLS_MICROS_HEADER = "Lambda-Local-Sdk-Calls-Micros";

    record Event(String requestId, long deadlineEpochMillis, String invokedFunctionArn, String traceId, byte[] payload) {
    }

    private final String base;
    /** What a failure to reach the API does: the environment's JVM ends (a test's must not). */
    private final Runnable whenTheLocalCloudIsGone;

    RuntimeApiClient(String hostAndPort) {
        this(hostAndPort, () -> Runtime.getRuntime().halt(0));
    }

    RuntimeApiClient(String hostAndPort, Runnable whenTheLocalCloudIsGone) {
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime/";
        this.whenTheLocalCloudIsGone = whenTheLocalCloudIsGone;
    }

    /** Waits for the next event (the local cloud answers when there is one). */
    Event nextEvent() {
        try {
            HttpURLConnection connection = open("invocation/next", "GET");
            connection.setReadTimeout(0); // as long as it takes: an idle environment waits here
            byte[] payload;
            try (InputStream in = connection.getInputStream()) {
                payload = in.readAllBytes();
            }
            return new Event(connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"),
                    Long.parseLong(connection.getHeaderField("Lambda-Runtime-Deadline-Ms")),
                    connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
                    connection.getHeaderField("Lambda-Runtime-Trace-Id"),
                    payload);
        } catch (IOException | RuntimeException e) {
            throw exitBecauseParentIsGone(e);
        }
    }

    void postResponse(String requestId, byte[] response, long handlerNanos, long sdkCallsNanos) {
        post("invocation/" + requestId + "/response", response, null, handlerNanos, sdkCallsNanos);
    }

    void postError(String requestId, String errorJson) {
        post("invocation/" + requestId + "/error", errorJson.getBytes(StandardCharsets.UTF_8), "Unhandled", -1, -1);
    }

    void postInitError(String errorJson) {
        post("init/error", errorJson.getBytes(StandardCharsets.UTF_8), "Unhandled", -1, -1);
    }

    private void post(String path, byte[] body, String errorType, long handlerNanos, long sdkCallsNanos) {
        try {
            HttpURLConnection connection = open(path, "POST");
            // No streaming mode (setFixedLengthStreamingMode): for a streaming POST on a kept-alive
            // connection the JDK first checks the connection with a read that waits 1 ms, which
            // made every invocation's Duration about 1.4 ms longer (workshop/DESIGN-NOTES.md, "The
            // warm path"). Buffered, the body goes out with the headers in one write, and a
            // connection the server closed meanwhile is retried on a new one.
            connection.setDoOutput(true);
            long memoryMb = MemoryMeter.maxUsedMegabytes();
            if (memoryMb >= 0) {
                connection.setRequestProperty(MAX_MEMORY_USED_HEADER, Long.toString(memoryMb));
            }
            if (handlerNanos >= 0) {
                connection.setRequestProperty(HANDLER_MICROS_HEADER, Long.toString(handlerNanos / 1_000));
            }
            if (sdkCallsNanos >= 0) {
                connection.setRequestProperty(SDK_CALLS_MICROS_HEADER, Long.toString(sdkCallsNanos / 1_000));
            }
            if (errorType != null) {
                connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes(); // read to the end so that the connection is kept for the next call
            }
        } catch (IOException e) {
            throw exitBecauseParentIsGone(e);
        }
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection(java.net.Proxy.NO_PROXY);
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        return connection;
    }

    private RuntimeException exitBecauseParentIsGone(Exception e) {
        System.err.println("Runtime API unreachable (" + e + "); the local cloud is gone, exiting.");
        whenTheLocalCloudIsGone.run();
        return new IllegalStateException("the Runtime API is unreachable", e); // reached only where nothing halts
    }
}
