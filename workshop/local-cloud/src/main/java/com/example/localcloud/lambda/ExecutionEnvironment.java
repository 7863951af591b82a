package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.InvocationResult.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Environments of this local cloud's JVM that are starting now: on a laptop they share its few processors. */
    private static final AtomicInteger STARTING = new AtomicInteger();

    private final FunctionConfig function;
    private final int number;
    private final EnvironmentLauncher launcher;
    private final Consumer<String> log;
    private final String functionArn;
    private RuntimeApi runtimeApi;
    private Process process;
    private EnvironmentSandbox sandbox;
    private EnvironmentOutput output;
    private ProcessMemory.Meter memory;
    private boolean cleanedUp;
    private volatile boolean usable = true;
    /** What the JVM's launcher printed when it could not start the runtime (a bad option, no memory), if it did. */
    private volatile String launchFailure;
    private long maxMemoryUsedMb;

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
            int startingTogether = STARTING.incrementAndGet();
            try {
                long readyAt = start().get(INIT_TIMEOUT_MILLIS + function.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
                initDurationMs = (readyAt - initStart) / 1e6;
            } catch (Exception e) {
                double elapsed = (System.nanoTime() - initStart) / 1e6;
                return initFailed(requestId, elapsed, e, Math.max(startingTogether, STARTING.get()));
            } finally {
                STARTING.decrementAndGet();
            }
        }
        PendingInvocation invocation = new PendingInvocation(requestId, event, function.timeoutSeconds() * 1000L, functionArn);
        // As in CloudWatch: what the environment printed so far (on a cold start, its Init) comes before START.
        output.catchUp();
        log.accept("[" + id() + "] START RequestId: " + requestId + " Version: $LATEST");
        runtimeApi.submit(invocation);
        try {
            RuntimeApi.RuntimeReply reply = invocation.reply().get(function.timeoutSeconds(), TimeUnit.SECONDS);
            output.catchUp(); // the handler's lines first, then the REPORT line; nothing to wait for
            maxMemoryUsedMb = Math.max(maxMemoryUsedMb, memory.maxUsedMegabytes(reply.maxMemoryUsedMb()));
            double durationMs = (reply.receivedAtNanos() - invocation.deliveredAtNanos()) / 1e6;
            Status status = reply.isError() ? Status.FUNCTION_ERROR : Status.SUCCESS;
            Double handlerMs = reply.handlerMicros() < 0 ? null : reply.handlerMicros() / 1e3;
            Double sdkCallsMs = reply.sdkCallsMicros() < 0 ? null : reply.sdkCallsMicros() / 1e3;
            return new InvocationResult(status, reply.body(),
                    report(requestId, durationMs, initDurationMs, status, handlerMs, sdkCallsMs));
        } catch (TimeoutException e) {
            output.catchUp();
            log.accept("[" + id() + "] " + String.format(Locale.ROOT, "Task timed out after %d.00 seconds", function.timeoutSeconds()));
            heldUp(invocation).ifPresent(note -> log.accept("[" + id() + "] " + note));
            close(); // Lambda does not reuse an environment whose invocation timed out
            return new InvocationResult(Status.TIMEOUT, new byte[0],
                    report(requestId, function.timeoutSeconds() * 1000.0, initDurationMs, Status.TIMEOUT, null));
        } catch (ExecutionException e) {
            close();
            log.accept("[" + id() + "] The environment's JVM exited during the invocation (" + e.getCause().getMessage() + ")");
            double durationMs = invocation.deliveredAtNanos() == 0 ? 0 : (System.nanoTime() - invocation.deliveredAtNanos()) / 1e6;
            return new InvocationResult(Status.ENVIRONMENT_EXITED, new byte[0],
                    report(requestId, durationMs, initDurationMs, Status.ENVIRONMENT_EXITED, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for " + id(), e);
        }
    }

    private CompletableFuture<Long> start() throws IOException {
        runtimeApi = new RuntimeApi();
        sandbox = EnvironmentSandbox.create(id());
        process = launcher.start(function, runtimeApi.hostAndPort(), sandbox);
        output = EnvironmentOutput.follow(sandbox.outputFile(), id(), line -> {
            if (launchFailure == null && JVM_LAUNCH_FAILURES.stream().anyMatch(line::contains)) {
                launchFailure = line.substring(line.indexOf("] ") + 2);
            }
            log.accept(line);
        });
        memory = ProcessMemory.meter(process.pid());
        RuntimeApi api = runtimeApi;
        process.onExit().thenAccept(exited -> {
            api.processExited(exited.exitValue());
            cleanUp();
        });
        return runtimeApi.ready();
    }

    /**
     * A timeout far past the function's limit was not the function's: the whole local cloud was
     * stopped (a laptop suspended, Ctrl-Z) or starved, and nothing could answer in time.
     */
    private Optional<String> heldUp(PendingInvocation invocation) {
        long waitedSeconds = invocation.deliveredAtNanos() == 0 ? 0
                : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - invocation.deliveredAtNanos());
        return heldUp(waitedSeconds, function.timeoutSeconds());
    }

    static Optional<String> heldUp(long waitedSeconds, long timeoutSeconds) {
        return waitedSeconds < 2 * timeoutSeconds ? Optional.empty()
                : Optional.of("(noticed after " + waitedSeconds + " s, not " + timeoutSeconds + ": the local cloud was"
                        + " held up, as when the machine sleeps or is swamped, so the function's code may not be the cause)");
    }

    /** What a JVM prints when it stops before the runtime's main method: the local cloud's fault, or the machine's. */
    private static final List<String> JVM_LAUNCH_FAILURES = List.of("Error: Could not find or load main class",
            "Error: Could not create the Java Virtual Machine", "Error occurred during initialization of VM",
            "There is insufficient memory for the Java Runtime Environment", "Unrecognized VM option", "Unrecognized option:");

    private InvocationResult initFailed(String requestId, double elapsedMs, Exception failure, int startingTogether) {
        Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
        String reason = cause instanceof RuntimeApi.InitErrorException ? "the handler could not be created: " + summary(cause.getMessage())
                : cause instanceof TimeoutException ? initTooLong(INIT_TIMEOUT_MILLIS / 1000 + function.timeoutSeconds(),
                        startingTogether, Runtime.getRuntime().availableProcessors())
                        + heldUp((long) (elapsedMs / 1000), INIT_TIMEOUT_MILLIS / 1000 + function.timeoutSeconds())
                                .map(note -> " " + note).orElse("")
                : cause instanceof RuntimeApi.EnvironmentExitedException ? "the JVM exited (" + cause.getMessage() + ")"
                : String.valueOf(cause);
        close(); // first, so that what the runtime printed comes before the reason
        if (cause instanceof RuntimeApi.EnvironmentExitedException && launchFailure != null) {
            // Nothing of the function ran: its code is not the cause, whatever the caller tries next.
            reason = "the local cloud could not start the environment's JVM (\"" + launchFailure + "\"): not the function's code";
        }
        log.accept("[" + id() + "] INIT failed: " + reason);
        byte[] error = cause instanceof RuntimeApi.InitErrorException ? cause.getMessage().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return new InvocationResult(Status.INIT_ERROR, error, report(requestId, 0, elapsedMs, Status.INIT_ERROR, null));
    }

    /** The reason of an Init that timed out: with others starting beside it, the likeliest cause is the shared processors. */
    static String initTooLong(long seconds, int startingTogether, int processors) {
        String reason = "init took longer than " + seconds + " s";
        if (startingTogether < 2) {
            return reason;
        }
        return reason + ", with " + startingTogether + " environments starting at once on " + processors + " processor"
                + (processors == 1 ? "" : "s") + ": JVMs that start together share them (on AWS each has its own);"
                + " fewer requests at a time start fewer";
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

    private InvocationReport report(String requestId, double durationMs, Double initDurationMs, Status status, Double handlerMs) {
        return report(requestId, durationMs, initDurationMs, status, handlerMs, null);
    }

    private InvocationReport report(String requestId, double durationMs, Double initDurationMs, Status status, Double handlerMs,
                                    Double sdkCallsMs) {
        double billed = durationMs + (initDurationMs == null ? 0 : initDurationMs);
        return new InvocationReport(function.name(), number, requestId, durationMs, (long) Math.ceil(billed),
                function.memorySize(), maxMemoryUsedMb, initDurationMs, status, handlerMs, sdkCallsMs);
    }

    /** Destroys the JVM at once (nothing of it must outlive the local cloud), then its sandbox. */
    @Override
    public void close() {
        usable = false;
        if (process != null) {
            process.destroyForcibly(); // before the Runtime API goes: the runtime must not see it gone and complain
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
        if (process == null) {
            cleanUp(); // it never started
        } else {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
                cleanUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the exit hook cleans up once it is gone
            }
        }
    }

    /** Once the process is gone: echo its last output, delete its /tmp and output file. */
    private synchronized void cleanUp() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        if (output != null) {
            output.close();
        }
        if (memory != null) {
            memory.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
