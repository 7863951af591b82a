package com.example.localcloud.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.example.localcloud.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API of one execution environment, as AWS defines it
 * ({@code GET /2018-06-01/runtime/invocation/next}, {@code POST .../{id}/response} and
 * {@code .../{id}/error}, {@code POST .../init/error}), with its headers, error documents and
 * state checks ({@link RuntimeState}). Like each Lambda sandbox, each environment has its own
 * endpoint: a small JDK HTTP server on 127.0.0.1. An invocation ends when its result arrives.
 *
 * <p>Nothing here waits on a thread of its own: a {@code /next} that finds no event is parked, and
 * the thread that submits the next event answers it; every request is handled on the server's
 * dispatcher thread. Each hand-over between threads costs a wake-up on every invocation, which a
 * busy machine makes slow (workshop/DESIGN-NOTES.md, "The warm path").
 */
final class RuntimeApi implements AutoCloseable {

    /** Not AWS's: the local bootstrap's own figure, used where the process cannot be measured from outside. */
    static final String MAX_MEMORY_USED_HEADER = "Lambda-Local-Max-Memory-Used-Mb";
    /** Not AWS's: the local bootstrap's time in the handler itself; other runtime clients do not send it. */
    static final String HANDLER_MICROS_HEADER = "Lambda-Local-Handler-Micros";
    /** Not AWS's: the handler's time in SDK calls, sent only by an environment started with {@link SdkCallTiming}. */
    static final String SDK_CALLS_MICROS_HEADER = "Lambda-Local-Sdk-Calls-Micros";
    private static final String INVALID_STATE_TRANSITION = "InvalidStateTransition";
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern RESULT = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");
    /** Handlers never block (see above), so they run on the server's own dispatcher thread. */
    private static final Executor ON_DISPATCHER_THREAD = Runnable::run;

    private final HttpServer server;
    /** Events submitted while no {@code /next} waits; guarded by {@code this}. */
    private final Queue<PendingInvocation> events = new ArrayDeque<>();
    /** A {@code /next} waiting for an event; guarded by {@code this}. */
    private HttpExchange waitingForEvent;
    private boolean closed;
    /** Completes (with System.nanoTime()) when the runtime first asks for an event: init is over. */
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final RuntimeState state = new RuntimeState();
    private volatile PendingInvocation current;

    RuntimeApi() throws IOException {
        server = LoopbackHttpServer.start(0, PREFIX, this::handle, ON_DISPATCHER_THREAD);
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<Long> ready() {
        return ready;
    }

    /** Hands an event to the runtime: the waiting {@code /invocation/next} or the next one returns it. */
    void submit(PendingInvocation invocation) {
        HttpExchange waiting;
        synchronized (this) {
            waiting = waitingForEvent;
            waitingForEvent = null;
            if (waiting == null) {
                events.add(invocation);
                return;
            }
        }
        deliver(waiting, invocation);
    }

    /** The environment's process ended: whatever waits on it fails now. */
    void processExited(int exitCode) {
        EnvironmentExitedException exited = new EnvironmentExitedException(exitCode);
        ready.completeExceptionally(exited);
        PendingInvocation invocation = current;
        if (invocation != null) {
            invocation.reply().completeExceptionally(exited);
        }
        synchronized (this) {
            events.forEach(waiting -> waiting.reply().completeExceptionally(exited));
            events.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.equals(PREFIX + "invocation/next")) {
            nextEvent(exchange); // answers now, or later from submit(): closes the exchange itself
            return;
        }
        try (exchange) {
            String method = exchange.getRequestMethod();
            Matcher result = RESULT.matcher(path);
            if (method.equals("POST") && result.matches()) {
                receiveResult(exchange, result.group(1), result.group(2).equals("error"));
            } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                receiveInitError(exchange);
            } else {
                respond(exchange, 404, error("Unknown Runtime API path", "NotFound"));
            }
        }
    }

    private void nextEvent(HttpExchange exchange) throws IOException {
        Optional<String> refused = state.next();
        if (refused.isPresent()) {
            try (exchange) {
                respond(exchange, 403, error(refused.get(), INVALID_STATE_TRANSITION));
            }
            return;
        }
        ready.complete(System.nanoTime());
        PendingInvocation invocation;
        synchronized (this) {
            invocation = closed ? null : events.poll();
            if (invocation == null && !closed) {
                waitingForEvent = exchange; // an idle environment waits here, as in Lambda
                return;
            }
        }
        if (invocation == null) {
            shuttingDown(exchange);
        } else {
            deliver(exchange, invocation);
        }
    }

    /** Answers a waiting {@code /next} with the event; if the runtime is gone, so is the invocation. */
    private void deliver(HttpExchange exchange, PendingInvocation invocation) {
        try (exchange) {
            current = invocation;
            state.running();
            invocation.delivered();
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", invocation.traceId());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, invocation.payload().length == 0 ? -1 : invocation.payload().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(invocation.payload());
            }
        } catch (IOException e) {
            invocation.reply().completeExceptionally(e); // the runtime hung up: the environment is going
        }
    }

    private static void shuttingDown(HttpExchange exchange) {
        try (exchange) {
            respond(exchange, 410, error("The environment is shutting down", "Shutdown"));
        } catch (IOException e) {
            // the runtime is gone already
        }
    }

    private void receiveResult(HttpExchange exchange, String requestId, boolean isError) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        PendingInvocation invocation = current;
        synchronized (state) { // the id check and the move are one step: two results racing get one 202
            if (state.phase() == RuntimeState.Phase.RUNNING && (invocation == null || !invocation.requestId().equals(requestId))) {
                respond(exchange, 400, error("Invalid request ID", "InvalidRequestID"));
                return;
            }
            Optional<String> refused = state.result(isError);
            if (refused.isPresent()) {
                respond(exchange, 403, error(refused.get(), INVALID_STATE_TRANSITION));
                return;
            }
        }
        String memory = exchange.getRequestHeaders().getFirst(MAX_MEMORY_USED_HEADER);
        String handlerMicros = exchange.getRequestHeaders().getFirst(HANDLER_MICROS_HEADER);
        String sdkCallsMicros = exchange.getRequestHeaders().getFirst(SDK_CALLS_MICROS_HEADER);
        current = null;
        invocation.reply().complete(new RuntimeReply(isError, body, memory == null ? 0 : Long.parseLong(memory),
                handlerMicros == null ? -1 : Long.parseLong(handlerMicros),
                sdkCallsMicros == null ? -1 : Long.parseLong(sdkCallsMicros), System.nanoTime()));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void receiveInitError(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Optional<String> refused = state.initError();
        if (refused.isPresent()) {
            respond(exchange, 403, error(refused.get(), INVALID_STATE_TRANSITION));
            return;
        }
        ready.completeExceptionally(new InitErrorException(new String(body, StandardCharsets.UTF_8)));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** The Runtime API's error document: {@code {"errorMessage": "...", "errorType": "..."}}. */
    private static String error(String message, String type) {
        return "{\"errorMessage\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errorType\":\"" + type + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        HttpExchange waiting;
        synchronized (this) {
            closed = true;
            waiting = waitingForEvent;
            waitingForEvent = null;
        }
        if (waiting != null) {
            shuttingDown(waiting);
        }
        server.stop(0);
    }

    /** What the runtime posted back for one invocation. */
    record RuntimeReply(boolean isError, byte[] body, long maxMemoryUsedMb, long handlerMicros, long sdkCallsMicros,
                        long receivedAtNanos) {
    }

    static final class InitErrorException extends RuntimeException {
        InitErrorException(String errorJson) {
            super(errorJson);
        }
    }

    static final class EnvironmentExitedException extends RuntimeException {
        EnvironmentExitedException(int exitCode) {
            super("exit code " + exitCode + bySignal(exitCode));
        }

        /**
         * What a JVM's exit code says of a signal that stopped it (128 + the signal's number). Ctrl-C in
         * the terminal reaches the environments' JVMs too, so their exits come with "Stopping ...".
         */
        static String bySignal(int exitCode) {
            return switch (exitCode) {
                case 129 -> ": its terminal closed (SIGHUP)";
                case 130 -> ": stopped by Ctrl-C (SIGINT), as the local cloud is";
                case 137 -> ": killed (SIGKILL: by the local cloud as it stopped, by kill -9, or as the machine ran out of memory)";
                case 143 -> ": stopped (SIGTERM)";
                default -> "";
            };
        }
    }
}
