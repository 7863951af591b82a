package com.example.localcloud.momento;

import static com.example.localcloud.momento.MomentoTestSupport.await;
import static com.example.localcloud.momento.MomentoTestSupport.rawChannel;
import static com.example.localcloud.momento.MomentoTestSupport.rawDataStub;
import static com.example.localcloud.momento.MomentoTestSupport.sdkClient;
import static com.example.localcloud.momento.MomentoTestSupport.sdkErrorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._SetRequest;
import grpc.cache_client._SetResponse;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.config.Configuration;
import momento.sdk.auth.StringCredentialProvider;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.ServerUnavailableException;
import momento.sdk.exceptions.TimeoutException;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import momento.sdk.responses.cache.SetResponse;
import momento.sdk.responses.cache.control.CacheListResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fault injection as tests and demos use it, observed through the real SDK. */
class FaultInjectionTest {

    private static final String CACHE = "faults";

    private static LocalMomento momento;
    private static CacheClient client;

    @BeforeAll
    static void startMomento() throws Exception {
        momento = LocalMomento.start();
        momento.createCache(CACHE);
        client = sdkClient(momento);
        await(client.set(CACHE, "k", "v"));
    }

    @AfterAll
    static void stopMomento() {
        if (client != null) {
            client.close();
        }
        if (momento != null) {
            momento.close();
        }
    }

    @AfterEach
    void clearFaults() {
        momento.faults().clear();
    }

    @Test
    void unavailableUntilClearedThenRecovers() {
        momento.faults().add(FaultRule.on("Get").failWith(Status.Code.UNAVAILABLE));

        for (int call = 1; call <= 2; call++) {
            Throwable error = sdkErrorOf(await(client.get(CACHE, "k")));
            // An UnknownException here once came from a failure sent before the whole request (now fixed).
            assertThat(error).as("call %d; the SDK's cause: %s", call, error.getCause())
                    .isInstanceOf(ServerUnavailableException.class);
        }
        assertThat(await(client.set(CACHE, "other", "v"))).isInstanceOf(SetResponse.Success.class);

        momento.faults().clear();
        assertThat(await(client.get(CACHE, "k"))).isInstanceOf(GetResponse.Hit.class);
    }

    @Test
    void aCountedFaultEndsByItself() {
        // SetIfNotExists is not retried by the SDK, so each failed call is one SDK error.
        momento.faults().add(FaultRule.on("SetIfNotExists").failWith(Status.Code.UNAVAILABLE).times(2));

        assertThat(sdkErrorOf(await(client.setIfNotExists(CACHE, "once", "v"))))
                .isInstanceOf(ServerUnavailableException.class);
        assertThat(sdkErrorOf(await(client.setIfNotExists(CACHE, "once", "v"))))
                .isInstanceOf(ServerUnavailableException.class);
        assertThat(await(client.setIfNotExists(CACHE, "once", "v")))
                .isInstanceOf(SetIfNotExistsResponse.Stored.class);
        assertThat(momento.faults().active()).isEmpty();
    }

    @Test
    void theSdkRetriesAGetThroughAFewUnavailableAnswers() {
        // The SDK retries Get on UNAVAILABLE up to 3 times: two failures never reach the caller,
        // four (1 attempt + 3 retries) make one failed SDK call.
        long before = momento.stats().rpc("Get").injectedFaults();
        momento.faults().add(FaultRule.on("Get").failWith(Status.Code.UNAVAILABLE).times(2));
        assertThat(await(client.get(CACHE, "k"))).isInstanceOf(GetResponse.Hit.class);

        momento.faults().add(FaultRule.on("Get").failWith(Status.Code.UNAVAILABLE).times(4));
        assertThat(sdkErrorOf(await(client.get(CACHE, "k")))).isInstanceOf(ServerUnavailableException.class);
        assertThat(await(client.get(CACHE, "k"))).isInstanceOf(GetResponse.Hit.class);

        assertThat(momento.stats().rpc("Get").injectedFaults() - before).isEqualTo(6);
    }

    @Test
    void aDelayLongerThanTheClientsDeadlineIsTheSdksTimeout() {
        momento.faults().add(FaultRule.on("Get").delayBy(Duration.ofSeconds(5)));
        Configuration impatientConfig = Configurations.Laptop.latest().withTimeout(Duration.ofSeconds(1));
        try (CacheClient impatient = sdkClient(momento.apiKey(), momento.plaintextPort(), impatientConfig)) {
            assertThat(sdkErrorOf(await(impatient.get(CACHE, "k"))))
                    .isInstanceOf(TimeoutException.class);
            momento.faults().clear(); // cleared, not counted: a loaded machine may time a call out before the server saw it
            assertThat(await(impatient.get(CACHE, "k"))).isInstanceOf(GetResponse.Hit.class);
        }
    }

    @Test
    void aFailureAddedOverASimulatedNetworkTimeAppliesAtOnce() {
        momento.faults().add(FaultRule.on(FaultRule.DATA_PLANE).delayBy(Duration.ofMillis(1))); // as --momento-delay installs it
        momento.faults().add(FaultRule.on("Get").failWith(Status.Code.UNAVAILABLE));

        assertThat(sdkErrorOf(await(client.get(CACHE, "k")))).isInstanceOf(ServerUnavailableException.class);
        assertThat(await(client.set(CACHE, "k", "v"))).as("other calls: the network time only")
                .isInstanceOf(SetResponse.Success.class);
    }

    @Test
    void aDelayedFailureArrivesAfterItsDelayNotAtTheClientsDeadline() {
        // SetIfNotExists is not retried by the SDK: one call, one failure. Before, a failure with a
        // delay never reached the client (nothing read the request), which then timed out instead.
        momento.faults().add(FaultRule.on("SetIfNotExists").failWith(Status.Code.UNAVAILABLE).delayBy(Duration.ofMillis(50)));

        assertThat(sdkErrorOf(await(client.setIfNotExists(CACHE, "later", "v"))))
                .isInstanceOf(ServerUnavailableException.class);
    }

    @Test
    void anInjectedFailureIsSentOnlyOnceTheWholeRequestHasCome() throws Exception {
        // Sent as soon as the headers came, it raced the SDK's retry (see FaultInjectionInterceptor).
        momento.faults().add(FaultRule.on("Set").failWith(Status.Code.UNAVAILABLE));
        ManagedChannel channel = rawChannel(momento);
        try {
            String secret = new StringCredentialProvider(momento.apiKey()).getAuthToken();
            ScsGrpc.ScsBlockingStub stub = rawDataStub(channel, secret, CACHE);
            ClientCall<_SetRequest, _SetResponse> call =
                    stub.getChannel().newCall(ScsGrpc.getSetMethod(), stub.getCallOptions());
            CompletableFuture<Status> closed = new CompletableFuture<>();
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onClose(Status status, Metadata trailers) {
                    closed.complete(status);
                }
            }, new Metadata());
            call.request(1);
            call.sendMessage(_SetRequest.newBuilder()
                    .setCacheKey(ByteString.copyFromUtf8("whole"))
                    .setCacheBody(ByteString.copyFromUtf8("v"))
                    .setTtlMilliseconds(60_000)
                    .build());

            Thread.sleep(300);
            assertThat(closed).as("answered before the client had half-closed").isNotDone();
            call.halfClose();
            assertThat(closed.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aShortDelayStillAnswers() {
        momento.faults().add(FaultRule.on("Get").delayBy(Duration.ofMillis(50)).times(1));

        assertThat(await(client.get(CACHE, "k"))).isInstanceOf(GetResponse.Hit.class);
        assertThat(momento.faults().active()).isEmpty();
    }

    @Test
    void theDataPlaneGroupLeavesTheControlPlaneAlone() {
        momento.faults().add(FaultRule.on(FaultRule.DATA_PLANE).failWith(Status.Code.UNAVAILABLE));

        assertThat(sdkErrorOf(await(client.set(CACHE, "k2", "v"))))
                .isInstanceOf(ServerUnavailableException.class);
        assertThat(await(client.listCaches())).isInstanceOf(CacheListResponse.Success.class);
    }

    @Test
    void activeRulesCanBeListedAndRemovedOneByOne() {
        long id = momento.faults().add(FaultRule.on("Get", "Set").failWith(Status.Code.INTERNAL).times(5));

        assertThat(momento.faults().active())
                .singleElement()
                .satisfies(fault -> {
                    assertThat(fault.id()).isEqualTo(id);
                    assertThat(fault.rpcs()).containsExactly("Get", "Set");
                    assertThat(fault.failure()).isEqualTo("INTERNAL");
                    assertThat(fault.remaining()).isEqualTo(5);
                });
        assertThat(momento.faults().remove(id)).isTrue();
        assertThat(momento.faults().active()).isEmpty();
    }

    @Test
    void rulesFromAdminParameters() {
        FaultRule rule = FaultRule.fromParameters(
                Map.of("rpc", "get,Set", "status", "unavailable", "delayMs", "20", "times", "3"));

        assertThat(rule.rpcs()).containsExactlyInAnyOrder("Get", "Set");
        assertThat(rule.failure()).contains(Status.Code.UNAVAILABLE);
        assertThat(rule.delay()).isEqualTo(Duration.ofMillis(20));
        assertThat(rule.times()).isEqualTo(3);

        assertThatThrownBy(() -> FaultRule.fromParameters(Map.of("rpc", "Gett")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown Momento call \"Gett\"")
                .hasMessageContaining("SetIfNotExists");
        assertThatThrownBy(() -> FaultRule.fromParameters(Map.of("rpc", "Get", "status", "BROKEN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNAVAILABLE");
        assertThatThrownBy(() -> momento.faults().add(FaultRule.on("Get")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
