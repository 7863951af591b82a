package com.example.localcloud.momento;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Accepts a call only if its {@code authorization} metadata is the local API key's secret (the
 * {@code api_key} part of the v1 key, which is what the SDK sends). Anything else gets
 * UNAUTHENTICATED, which the SDK reports as its AuthenticationException.
 */
final class ApiKeyInterceptor implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expectedSecret;

    ApiKeyInterceptor(String expectedSecret) {
        this.expectedSecret = expectedSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        String presented = headers.get(AUTHORIZATION);
        if (presented == null || presented.isEmpty()) {
            return Calls.reject(call, MomentoErrors.unauthenticated("Missing authorization metadata"));
        }
        // Constant-time comparison: don't let response timing reveal how much of the key matched.
        if (!MessageDigest.isEqual(expectedSecret, presented.getBytes(StandardCharsets.UTF_8))) {
            return Calls.reject(call, MomentoErrors.unauthenticated("Invalid API key"));
        }
        return next.startCall(call, headers);
    }
}
