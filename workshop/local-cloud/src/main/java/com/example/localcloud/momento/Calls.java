package com.example.localcloud.momento;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Small helpers shared by the services and interceptors. */
final class Calls {

    private Calls() {}

    /** Answers a unary call with what {@code work} returns, or with the gRPC error it throws. */
    static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    /** For interceptors: closes the call with the error and ignores what the client still sends. */
    static <ReqT> ServerCall.Listener<ReqT> reject(ServerCall<ReqT, ?> call, StatusRuntimeException error) {
        Metadata trailers = error.getTrailers() == null ? new Metadata() : error.getTrailers();
        call.close(error.getStatus(), trailers);
        return new ServerCall.Listener<>() {};
    }
}
