package com.example.localcloud.momento;

import io.grpc.Context;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies the {@link FaultInjector}'s rules: fails and/or delays matching calls. A delay does not
 * hold a thread: the call goes on from a timer when it is over, so the server can run every call
 * on its network threads (see {@link LocalMomentoServer}).
 */
final class FaultInjectionInterceptor implements ServerInterceptor {

    /** One daemon thread for every delayed call of every server: each only waits, then answers from memory. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "local-momento-delays");
        thread.setDaemon(true);
        return thread;
    });

    private final FaultInjector faults;
    private final StatsRecorder stats;

    FaultInjectionInterceptor(FaultInjector faults, StatsRecorder stats) {
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Optional<FaultRule> fault = faults.claim(call.getMethodDescriptor());
        if (fault.isEmpty()) {
            return next.startCall(call, headers);
        }
        String rpc = call.getMethodDescriptor().getBareMethodName();
        stats.recordInjectedFault(rpc);
        FaultRule rule = fault.get();
        Status error = rule.failure()
                .map(code -> Status.fromCode(code).withDescription("Fault injected by the local Momento into " + rpc))
                .orElse(null);

        if (error != null) {
            return failAfterTheRequest(call, error, rule);
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onHalfClose() {
                // A unary call is handled when the client half-closes, so going on later delays the work.
                Context context = Context.current(); // the call's: cancellation, and what interceptors put in it
                TIMER.schedule(context.wrap(this::afterTheDelay), rule.delay().toNanos(), TimeUnit.NANOSECONDS);
            }

            private void afterTheDelay() {
                if (Context.current().isCancelled()) {
                    return; // the client gave up (e.g. its deadline passed): nothing left to answer
                }
                super.onHalfClose();
            }
        };
    }

    /**
     * Fails the call once the client has sent its whole request (at its half-close), at once or when
     * the delay is over, as a service's handler would. Failed as soon as the headers came, the SDK's
     * retry could start its next attempt while the caller was still sending the first: SDK 1.21.0
     * then throws "call already half-closed" and the caller gets an UnknownException instead of the
     * injected status (11 calls in 20,000 on a loaded 2-core machine).
     */
    private static <ReqT, RespT> ServerCall.Listener<ReqT> failAfterTheRequest(
            ServerCall<ReqT, RespT> call, Status error, FaultRule rule) {
        call.request(Integer.MAX_VALUE); // nothing is served, so nothing else reads the request: read and drop it
        Context context = Context.current(); // the call's: cancelled when the client gives up
        Runnable fail = () -> {
            if (!context.isCancelled()) {
                call.close(error, new Metadata());
            }
        };
        return new ServerCall.Listener<>() {
            @Override
            public void onHalfClose() {
                if (rule.delay().isZero()) {
                    fail.run();
                } else {
                    TIMER.schedule(context.wrap(fail), rule.delay().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        };
    }
}
