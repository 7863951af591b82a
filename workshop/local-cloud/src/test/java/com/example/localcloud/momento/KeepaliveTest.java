package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import grpc.control_client.ScsControlGrpc;
import grpc.control_client._ListCachesRequest;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;
import momento.sdk.auth.StringCredentialProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An idle connection that sends keepalive pings, as the SDK's Laptop configuration does, must
 * stay up. A gRPC server with default settings answers the third idle ping with GOAWAY
 * "too_many_pings" (after about 20 s) and the channel drops to IDLE.
 *
 * <p>Takes 25 s, so it only runs with {@code -Dlocalcloud.slowTests=true}.
 */
@EnabledIfSystemProperty(named = "localcloud.slowTests", matches = "true",
        disabledReason = "idles 25 s; run with -Dlocalcloud.slowTests=true")
class KeepaliveTest {

    @Test
    void idleConnectionsWithKeepalivePingsStayUp() throws Exception {
        try (LocalMomento momento = LocalMomento.start()) {
            // What the SDK's Laptop config asks for (5 s; gRPC raises anything under 10 s to 10 s).
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", momento.plaintextPort())
                    .usePlaintext()
                    .keepAliveTime(5, TimeUnit.SECONDS)
                    .keepAliveTimeout(1, TimeUnit.SECONDS)
                    .keepAliveWithoutCalls(true)
                    .build();
            try {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                        new StringCredentialProvider(momento.apiKey()).getAuthToken());
                ScsControlGrpc.ScsControlBlockingStub stub = ScsControlGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
                stub.listCaches(_ListCachesRequest.getDefaultInstance());

                Thread.sleep(25_000);

                assertThat(channel.getState(false)).isEqualTo(ConnectivityState.READY);
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
