package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import grpc.cache_client.ScsGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.config.Configuration;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.SdkException;

/** Shared helpers: SDK clients on the plaintext port, raw stubs, and error unwrapping. */
final class MomentoTestSupport {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private MomentoTestSupport() {}

    static CacheClient sdkClient(LocalMomento momento) {
        return sdkClient(momento.apiKey(), momento.plaintextPort(), Configurations.Laptop.latest());
    }

    static CacheClient sdkClient(String v1ApiKey, int port, Configuration configuration) {
        PlaintextKeyProvider credentials = new PlaintextKeyProvider(v1ApiKey, port);
        return CacheClient.create(credentials, configuration, DEFAULT_TTL, Duration.ofSeconds(5));
    }

    static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    /**
     * The SDK answers failures with an Error response wrapping its mapped exception
     * (CacheNotFoundException, AuthenticationException, ...): returns that exception.
     */
    static Throwable sdkErrorOf(Object response) {
        assertThat(response).isInstanceOf(SdkException.class);
        return ((Throwable) response).getCause();
    }

    /** A plaintext channel for raw gRPC calls (calls SDK 1.21.0 cannot make). */
    static ManagedChannel rawChannel(LocalMomento momento) {
        return NettyChannelBuilder.forAddress("127.0.0.1", momento.plaintextPort()).usePlaintext().build();
    }

    /** A data-plane stub that sends the key and cache headers as the SDK does. */
    static ScsGrpc.ScsBlockingStub rawDataStub(ManagedChannel channel, String secret, String cache) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), secret);
        headers.put(Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER), cache);
        return ScsGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }
}
