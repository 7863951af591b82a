package com.example.localcloud.momento;

import com.example.localcloud.service.CallTimer;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts every call per gRPC method, and the calls that ended in an error, and times each from
 * its headers to its close. Runs first, so it also sees calls that fault injection (its delays
 * too) or the API key check answer.
 */
final class RpcStatsInterceptor implements ServerInterceptor {

    private final StatsRecorder stats;
    private final CallTimer timer;

    RpcStatsInterceptor(StatsRecorder stats, CallTimer timer) {
        this.stats = stats;
        this.timer = timer;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        long started = System.nanoTime();
        String rpc = call.getMethodDescriptor().getBareMethodName();
        stats.recordCall(rpc);
        AtomicBoolean ended = new AtomicBoolean();

        ServerCall<ReqT, RespT> observed = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (ended.compareAndSet(false, true)) {
                    timer.record(System.nanoTime() - started);
                    if (!status.isOk()) {
                        stats.recordError(rpc);
                    }
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<ReqT> listener = next.startCall(observed, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                // The client gave up (e.g. its deadline passed) before the server answered.
                if (ended.compareAndSet(false, true)) {
                    stats.recordError(rpc);
                }
                super.onCancel();
            }
        };
    }
}
