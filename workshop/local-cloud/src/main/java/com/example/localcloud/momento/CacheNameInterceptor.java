package com.example.localcloud.momento;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Data-plane calls name their cache in the {@code cache} metadata header (the request messages do
 * not carry it); this puts it into the gRPC {@link Context} where the service can read it.
 */
final class CacheNameInterceptor implements ServerInterceptor {

    static final Context.Key<String> CACHE_NAME = Context.key("momento-cache-name");

    private static final Metadata.Key<String> CACHE_HEADER = Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Context context = Context.current().withValue(CACHE_NAME, headers.get(CACHE_HEADER));
        return Contexts.interceptCall(context, call, headers, next);
    }
}
