package com.example.localcloud.lambda;

import java.util.concurrent.CompletableFuture;

/** An event on its way through the Runtime API, and the reply the local cloud waits for. */
final class PendingInvocation {

    private final String requestId;
    private final byte[] payload;
    private final long timeoutMillis;
    private final String functionArn;
    private final String traceId = TraceIds.newTraceId();
    private final CompletableFuture<RuntimeApi.RuntimeReply> reply = new CompletableFuture<>();
    private volatile long deliveredAtNanos;
    private volatile long deadlineEpochMillis;

    PendingInvocation(String requestId, byte[] payload, long timeoutMillis, String functionArn) {
        this.requestId = requestId;
        this.payload = payload;
        this.timeoutMillis = timeoutMillis;
        this.functionArn = functionArn;
    }

    /** Called when the runtime receives the event: the invocation's Duration starts here. */
    void delivered() {
        deliveredAtNanos = System.nanoTime();
        deadlineEpochMillis = System.currentTimeMillis() + timeoutMillis;
    }

    String requestId() {
        return requestId;
    }

    byte[] payload() {
        return payload;
    }

    String functionArn() {
        return functionArn;
    }

    /** {@code Lambda-Runtime-Trace-Id}: one X-Ray trace per invocation. */
    String traceId() {
        return traceId;
    }

    long deadlineEpochMillis() {
        return deadlineEpochMillis;
    }

    long deliveredAtNanos() {
        return deliveredAtNanos;
    }

    CompletableFuture<RuntimeApi.RuntimeReply> reply() {
        return reply;
    }
}
