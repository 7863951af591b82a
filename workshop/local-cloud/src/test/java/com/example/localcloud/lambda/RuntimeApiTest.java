package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Runtime API over real HTTP, playing the runtime: headers, results, and the calls Lambda refuses. */
@Timeout(30)
class RuntimeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:fixture-dev-echo";

    private final RuntimeApi api = newRuntimeApi();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void nextEventComesWithTheHeadersLambdaSends() throws Exception {
        PendingInvocation invocation = submit("request-1");
        long before = System.currentTimeMillis();

        HttpResponse<String> next = get("invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"n\":1}");
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).contains("request-1");
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(ARN);
        long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertThat(deadline).isBetween(before + 4_000, System.currentTimeMillis() + 5_000);
        String traceId = next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow();
        assertThat(traceId).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        long traceSeconds = Long.parseLong(traceId.substring("Root=1-".length(), "Root=1-".length() + 8), 16);
        assertThat(traceSeconds).isBetween(before / 1000 - 1, System.currentTimeMillis() / 1000 + 1);
        assertThat(invocation.traceId()).isEqualTo(traceId);
    }

    @Test
    void eachEventGetsItsOwnTraceId() throws Exception {
        submit("request-1");
        String first = get("invocation/next").headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow();
        post("invocation/request-1/response", "{}");
        submit("request-2");
        String second = get("invocation/next").headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aSecondResultForTheSameEventIsAnInvalidStateTransition() throws Exception {
        PendingInvocation invocation = submit("request-1");
        get("invocation/next");

        HttpResponse<String> first = post("invocation/request-1/response", "{\"ok\":true}");
        HttpResponse<String> second = post("invocation/request-1/response", "{\"ok\":false}");
        HttpResponse<String> error = post("invocation/request-1/error", "{\"errorMessage\":\"late\"}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(new String(invocation.reply().get().body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertInvalidStateTransition(second, "State transition from RuntimeResponseSentState to InvocationResponse failed for runtime."
                + " Error: State transition is not allowed");
        assertInvalidStateTransition(error, "State transition from RuntimeResponseSentState to InvocationErrorResponse failed"
                + " for runtime. Error: State transition is not allowed");
    }

    @Test
    void anErrorThenAResponseForTheSameEventIsRefusedToo() throws Exception {
        PendingInvocation invocation = submit("request-1");
        get("invocation/next");

        assertThat(post("invocation/request-1/error", "{\"errorMessage\":\"boom\",\"errorType\":\"E\"}").statusCode()).isEqualTo(202);
        assertThat(post("invocation/request-1/response", "{}").statusCode()).isEqualTo(403);
        assertThat(invocation.reply().get().isError()).isTrue();
    }

    @Test
    void initErrorAfterInitIsAnInvalidStateTransition() throws Exception {
        submit("request-1");
        get("invocation/next");

        HttpResponse<String> initError = post("init/error", "{\"errorMessage\":\"too late\",\"errorType\":\"E\"}");

        assertInvalidStateTransition(initError, "State transition from Running to InitError failed for runtime."
                + " Error: State transition is not allowed");
        assertThat(api.ready()).isCompleted();
    }

    @Test
    void initErrorDuringInitIsAccepted() throws Exception {
        HttpResponse<String> initError = post("init/error", "{\"errorMessage\":\"no config\",\"errorType\":\"E\"}");

        assertThat(initError.statusCode()).isEqualTo(202);
        assertThat(api.ready()).isCompletedExceptionally();
    }

    @Test
    void aResultForAnotherRequestIdIsAnInvalidRequestId() throws Exception {
        submit("request-1");
        get("invocation/next");

        HttpResponse<String> response = post("invocation/someone-else/response", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("errorType").asText()).isEqualTo("InvalidRequestID");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Invalid request ID");
    }

    private static void assertInvalidStateTransition(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("errorType").asText()).isEqualTo("InvalidStateTransition");
        assertThat(error.get("errorMessage").asText()).isEqualTo(message);
        assertThat(error.size()).isEqualTo(2);
    }

    @Test
    void aJvmStoppedByASignalSaysWhichInTheExitThatEveryWaiterGets() {
        PendingInvocation invocation = submit("request-1");

        api.processExited(130); // the terminal's Ctrl-C reaches the environments' JVMs too

        assertThat(invocation.reply()).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().withMessage("exit code 130: stopped by Ctrl-C (SIGINT), as the local cloud is");
        assertThat(RuntimeApi.EnvironmentExitedException.bySignal(137)).contains("kill -9");
        assertThat(RuntimeApi.EnvironmentExitedException.bySignal(1)).as("an exit of its own").isEmpty();
    }

    private PendingInvocation submit(String requestId) {
        PendingInvocation invocation = new PendingInvocation(requestId, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), 5_000, ARN);
        api.submit(invocation);
        return invocation;
    }

    private HttpResponse<String> get(String path) throws Exception {
        CompletableFuture<HttpResponse<String>> response = HTTP.sendAsync(request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.get();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + api.hostAndPort() + "/2018-06-01/runtime/" + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static RuntimeApi newRuntimeApi() {
        try {
            return new RuntimeApi();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
