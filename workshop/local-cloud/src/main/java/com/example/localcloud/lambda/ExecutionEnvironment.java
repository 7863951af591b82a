package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.InvocationResult.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One Lambda execution environment: a JVM running the function's jar, serving one event at a
 * time through its own {@link RuntimeApi}. Started on its first event (the cold start) and kept
 * for the next ones (warm starts) until it times out, dies or the local cloud stops.
 */
final class ExecutionEnvironment implements AutoCloseable {

    /**
     * Lambda gives the init phase 10 seconds, and if that is not enough it retries init within the
     * first invocation's timeout. Here the JVM gets both at once (many environments starting
     * together on a laptop can be slow).
     */
    static final long INIT_TIMEOUT_MILLIS = 10_000;
    private static final long OUTPUT_WAIT_MILLIS = 1_000;

    private final FunctionConfig function;
    private final int number;
    private final EnvironmentLauncher launcher;
    private final Consumer<String> log;
    private final String functionArn;
    private RuntimeApi runtimeApi;
    private Process process;
    private volatile boolean usable = true;
    private long lastMaxMemoryUsedMb;
    private final Map<String, CountDownLatch> outputEnds = new ConcurrentHashMap<>();

    ExecutionEnvironment(FunctionConfig function, int number, EnvironmentLauncher launcher, String functionArn,
                         Consumer<String> log) {
        this.function = function;
        this.number = number;
        this.launcher = launcher;
        this.functionArn = functionArn;
        this.log = log;
    }

    String id() {
        return function.name() + "#" + number;
    }

    /** False once it timed out or died: the pool drops it. */
    boolean isUsable() {
        return usable && (process == null || process.isAlive());
    }

    /** Runs one event; starts the JVM first if this is the environment's first event. */
    InvocationResult invoke(String requestId, byte[] event) {
        Double initDurationMs = null;
        if (process == null) {
            long initStart = System.nanoTime();
            try {
                long readyAt = start().get(INIT_TIMEOUT_MILLIS + function.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
                initDurationMs = (readyAt - initStart) / 1e6;
            } catch (Exception e) {
                double elapsed = (System.nanoTime() - initStart) / 1e6;
                return initFailed(requestId, elapsed, e);
            }
        }
        PendingInvocation invocation = new PendingInvocation(requestId, event, function.timeoutSeconds() * 1000L, functionArn);
        CountDownLatch bothStreamsEnded = new CountDownLatch(2);
        outputEnds.put(requestId, bothStreamsEnded);
        runtimeApi.submit(invocation);
        try {
            RuntimeApi.RuntimeReply reply = invocation.reply().get(function.timeoutSeconds(), TimeUnit.SECONDS);
            // The handler's log lines first, then the REPORT line (bounded: a handler may close System.out).
            bothStreamsEnded.await(OUTPUT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            lastMaxMemoryUsedMb = reply.maxMemoryUsedMb();
            double durationMs = (reply.receivedAtNanos() - invocation.deliveredAtNanos()) / 1e6;
            Status status = reply.isError() ? Status.FUNCTION_ERROR : Status.SUCCESS;
            return new InvocationResult(status, reply.body(), report(requestId, durationMs, initDurationMs, status));
        } catch (TimeoutException e) {
            log.accept("[" + id() + "] " + String.format(Locale.ROOT, "Task timed out after %d.00 seconds", function.timeoutSeconds()));
            close(); // Lambda does not reuse an environment whose invocation timed out
            return new InvocationResult(Status.TIMEOUT, new byte[0],
                    report(requestId, function.timeoutSeconds() * 1000.0, initDurationMs, Status.TIMEOUT));
        } catch (ExecutionException e) {
            log.accept("[" + id() + "] The environment's JVM exited during the invocation (" + e.getCause().getMessage() + ")");
            close();
            double durationMs = invocation.deliveredAtNanos() == 0 ? 0 : (System.nanoTime() - invocation.deliveredAtNanos()) / 1e6;
            return new InvocationResult(Status.ENVIRONMENT_EXITED, new byte[0],
                    report(requestId, durationMs, initDurationMs, Status.ENVIRONMENT_EXITED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for " + id(), e);
        } finally {
            outputEnds.remove(requestId);
        }
    }

    /** The runtime wrote its end-of-output marker for an invocation on one of its streams. */
    private void outputEnded(String requestId) {
        CountDownLatch latch = outputEnds.get(requestId);
        if (latch != null) {
            latch.countDown();
        }
    }

    private CompletableFuture<Long> start() throws IOException {
        runtimeApi = new RuntimeApi();
        process = launcher.start(function, runtimeApi.hostAndPort());
        OutputEcho.start(process.getInputStream(), id(), log, this::outputEnded);
        OutputEcho.start(process.getErrorStream(), id(), log, this::outputEnded);
        RuntimeApi api = runtimeApi;
        process.onExit().thenAccept(exited -> api.processExited(exited.exitValue()));
        return runtimeApi.ready();
    }

    private InvocationResult initFailed(String requestId, double elapsedMs, Exception failure) {
        Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
        String reason = cause instanceof RuntimeApi.InitErrorException ? "the handler could not be created: " + summary(cause.getMessage())
                : cause instanceof TimeoutException ? "init took longer than " + (INIT_TIMEOUT_MILLIS / 1000 + function.timeoutSeconds()) + " s"
                : cause instanceof RuntimeApi.EnvironmentExitedException ? "the JVM exited (" + cause.getMessage() + ")"
                : String.valueOf(cause);
        log.accept("[" + id() + "] INIT failed: " + reason);
        close();
        byte[] error = cause instanceof RuntimeApi.InitErrorException ? cause.getMessage().getBytes() : new byte[0];
        return new InvocationResult(Status.INIT_ERROR, error, report(requestId, 0, elapsedMs, Status.INIT_ERROR));
    }

    /** "type: message" of a Runtime API error document (the stack trace is in the log already). */
    private static String summary(String errorJson) {
        try {
            JsonNode error = new ObjectMapper().readTree(errorJson);
            return error.path("errorType").asText() + ": " + error.path("errorMessage").asText();
        } catch (IOException e) {
            return errorJson;
        }
    }

    private InvocationReport report(String requestId, double durationMs, Double initDurationMs, Status status) {
        double billed = durationMs + (initDurationMs == null ? 0 : initDurationMs);
        return new InvocationReport(function.name(), number, requestId, durationMs, (long) Math.ceil(billed),
                function.memorySize(), lastMaxMemoryUsedMb, initDurationMs, status);
    }

    /** Destroys the JVM at once: nothing of it must outlive the local cloud. */
    @Override
    public void close() {
        usable = false;
        if (process != null) {
            process.destroyForcibly();
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
    }
}
