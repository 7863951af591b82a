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
import grpc.cache_client._DictionaryFetchRequest;
import grpc.cache_client._KeysExistRequest;
import grpc.cache_client._SetIfRequest;
import grpc.cache_client._SetIfResponse;
import grpc.common.Absent;
import grpc.common.Equal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import momento.sdk.CacheClient;
import momento.sdk.auth.StringCredentialProvider;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.AuthenticationException;
import momento.sdk.exceptions.BadRequestException;
import momento.sdk.exceptions.CacheAlreadyExistsException;
import momento.sdk.exceptions.CacheNotFoundException;
import momento.sdk.exceptions.LimitExceededException;
import momento.sdk.responses.cache.DeleteResponse;
import momento.sdk.responses.cache.GetBatchResponse;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.IncrementResponse;
import momento.sdk.responses.cache.SetBatchResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import momento.sdk.responses.cache.SetResponse;
import momento.sdk.responses.cache.control.CacheCreateResponse;
import momento.sdk.responses.cache.control.CacheDeleteResponse;
import momento.sdk.responses.cache.control.CacheFlushResponse;
import momento.sdk.responses.cache.control.CacheInfo;
import momento.sdk.responses.cache.control.CacheListResponse;
import momento.sdk.responses.cache.dictionary.DictionaryFetchResponse;
import momento.sdk.responses.cache.ttl.DecreaseTtlResponse;
import momento.sdk.responses.cache.ttl.IncreaseTtlResponse;
import momento.sdk.responses.cache.ttl.ItemGetTtlResponse;
import momento.sdk.responses.cache.ttl.UpdateTtlResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Momento SDK 1.21.0 against the local server, in process over the plaintext listener.
 * One server for the class; each test uses its own cache so counters do not mix.
 */
class LocalMomentoSdkTest {

    private static LocalMomento momento;
    private static CacheClient client;
    private String cache;

    @BeforeAll
    static void startMomento() throws Exception {
        momento = LocalMomento.start();
        client = sdkClient(momento);
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

    @BeforeEach
    void newCache() {
        cache = "test-" + UUID.randomUUID();
        assertThat(momento.createCache(cache)).isTrue();
    }

    @Test
    void setThenGetIsAHitAndAnUnknownKeyIsAMiss() {
        assertThat(await(client.set(cache, "user#ada", "{\"firstName\":\"Ada\"}")))
                .isInstanceOf(SetResponse.Success.class);

        GetResponse hit = await(client.get(cache, "user#ada"));
        assertThat(hit).isInstanceOf(GetResponse.Hit.class);
        assertThat(((GetResponse.Hit) hit).valueString()).isEqualTo("{\"firstName\":\"Ada\"}");
        assertThat(await(client.get(cache, "user#nobody"))).isInstanceOf(GetResponse.Miss.class);
    }

    @Test
    void deleteRemovesTheItem() {
        await(client.set(cache, "k", "v"));

        assertThat(await(client.delete(cache, "k"))).isInstanceOf(DeleteResponse.Success.class);

        assertThat(await(client.get(cache, "k"))).isInstanceOf(GetResponse.Miss.class);
        assertThat(await(client.delete(cache, "never-set"))).isInstanceOf(DeleteResponse.Success.class);
    }

    @Test
    void setIfNotExistsStoresOnlyTheFirstValue() {
        assertThat(await(client.setIfNotExists(cache, "k", "first")))
                .isInstanceOf(SetIfNotExistsResponse.Stored.class);
        assertThat(await(client.setIfNotExists(cache, "k", "second")))
                .isInstanceOf(SetIfNotExistsResponse.NotStored.class);

        assertThat(((GetResponse.Hit) await(client.get(cache, "k"))).valueString()).isEqualTo("first");
    }

    @Test
    void keysExistAnswersPerKey() {
        // SDK 1.21.0 has no keysExist, newer SDKs do: call the RPC directly.
        await(client.set(cache, "present", "v"));
        ManagedChannel channel = rawChannel(momento);
        try {
            ScsGrpc.ScsBlockingStub stub = rawDataStub(channel, secret(), cache);
            _KeysExistRequest request = _KeysExistRequest.newBuilder()
                    .addCacheKeys(utf8("present"))
                    .addCacheKeys(utf8("absent"))
                    .build();
            List<Boolean> exists = stub.keysExist(request).getExistsList();
            assertThat(exists).containsExactly(true, false);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void setIfWithAbsentAndEqualConditions() {
        // SetIf is what newer SDKs use for setIfAbsent / setIfEqual.
        ManagedChannel channel = rawChannel(momento);
        try {
            ScsGrpc.ScsBlockingStub stub = rawDataStub(channel, secret(), cache);
            _SetIfRequest.Builder ifAbsent = _SetIfRequest.newBuilder()
                    .setCacheKey(utf8("k"))
                    .setCacheBody(utf8("v1"))
                    .setTtlMilliseconds(60_000)
                    .setAbsent(Absent.getDefaultInstance());
            assertThat(stub.setIf(ifAbsent.build()).getResultCase())
                    .isEqualTo(_SetIfResponse.ResultCase.STORED);
            assertThat(stub.setIf(ifAbsent.build()).getResultCase())
                    .isEqualTo(_SetIfResponse.ResultCase.NOT_STORED);

            _SetIfRequest ifEqual = ifAbsent
                    .setCacheBody(utf8("v2"))
                    .setEqual(Equal.newBuilder().setValueToCheck(utf8("v1")))
                    .build();
            assertThat(stub.setIf(ifEqual).getResultCase()).isEqualTo(_SetIfResponse.ResultCase.STORED);
        } finally {
            channel.shutdownNow();
        }
        assertThat(((GetResponse.Hit) await(client.get(cache, "k"))).valueString()).isEqualTo("v2");
    }

    @Test
    void itemGetTtlAndTtlUpdates() {
        await(client.set(cache, "k", "v", Duration.ofSeconds(60)));

        ItemGetTtlResponse ttl = await(client.itemGetTtl(cache, "k"));
        assertThat(ttl).isInstanceOf(ItemGetTtlResponse.Hit.class);
        assertThat(((ItemGetTtlResponse.Hit) ttl).remainingTtl())
                .isLessThanOrEqualTo(Duration.ofSeconds(60))
                .isGreaterThan(Duration.ofSeconds(30));
        assertThat(await(client.itemGetTtl(cache, "missing")))
                .isInstanceOf(ItemGetTtlResponse.Miss.class);

        assertThat(await(client.updateTtl(cache, "k", Duration.ofSeconds(600))))
                .isInstanceOf(UpdateTtlResponse.Set.class);
        assertThat(await(client.increaseTtl(cache, "k", Duration.ofSeconds(10))))
                .isInstanceOf(IncreaseTtlResponse.NotSet.class);
        assertThat(await(client.decreaseTtl(cache, "k", Duration.ofSeconds(10))))
                .isInstanceOf(DecreaseTtlResponse.Set.class);
        assertThat(((ItemGetTtlResponse.Hit) await(client.itemGetTtl(cache, "k"))).remainingTtl())
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(await(client.updateTtl(cache, "missing", Duration.ofSeconds(10))))
                .isInstanceOf(UpdateTtlResponse.Miss.class);
    }

    @Test
    void itemsExpireAfterTheirTtl() throws InterruptedException {
        await(client.set(cache, "short-lived", "v", Duration.ofSeconds(1)));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        GetResponse response = await(client.get(cache, "short-lived"));
        while (response instanceof GetResponse.Hit && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = await(client.get(cache, "short-lived"));
        }
        assertThat(response).isInstanceOf(GetResponse.Miss.class);
        assertThat(await(client.itemGetTtl(cache, "short-lived")))
                .isInstanceOf(ItemGetTtlResponse.Miss.class);
    }

    @Test
    void itemsOverOneMegabyteAreRejectedWithTheSdksLimitError() {
        byte[] tooBig = new byte[MomentoErrors.MAX_ITEM_BYTES + 1];
        byte[] fits = new byte[MomentoErrors.MAX_ITEM_BYTES - 1024];

        SetResponse rejected = await(client.set(cache, "big".getBytes(StandardCharsets.UTF_8), tooBig));
        assertThat(sdkErrorOf(rejected))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Item size limit exceeded");
        assertThat(await(client.set(cache, "fits".getBytes(StandardCharsets.UTF_8), fits)))
                .isInstanceOf(SetResponse.Success.class);
        assertThat(await(client.get(cache, "big"))).isInstanceOf(GetResponse.Miss.class);
    }

    @Test
    void anUnknownCacheIsTheSdksCacheNotFound() {
        assertThat(sdkErrorOf(await(client.get("no-such-cache", "k"))))
                .isInstanceOf(CacheNotFoundException.class);
        assertThat(sdkErrorOf(await(client.set("no-such-cache", "k", "v"))))
                .isInstanceOf(CacheNotFoundException.class);
        assertThat(momento.stats().cachesNotFound()).as("the names asked for, for whoever wonders which")
                .contains("no-such-cache");
    }

    @Test
    void aWrongKeyIsTheSdksAuthenticationError() {
        String wrongKey = MomentoApiKey.of(LocalMomento.ENDPOINT, "not-the-key").v1Token();
        try (CacheClient wrong = sdkClient(wrongKey, momento.plaintextPort(), Configurations.Laptop.latest())) {
            assertThat(sdkErrorOf(await(wrong.get(cache, "k"))))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(sdkErrorOf(await(wrong.listCaches())))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void controlPlaneCreatesListsFlushesAndDeletesCaches() {
        String name = "control-" + UUID.randomUUID();

        assertThat(await(client.createCache(name))).isInstanceOf(CacheCreateResponse.Success.class);
        assertThat(sdkErrorOf(await(client.createCache(name))))
                .isInstanceOf(CacheAlreadyExistsException.class);
        CacheListResponse list = await(client.listCaches());
        assertThat(((CacheListResponse.Success) list).getCaches())
                .extracting(CacheInfo::name)
                .contains(name, cache);

        await(client.set(name, "k", "v"));
        assertThat(await(client.flushCache(name))).isInstanceOf(CacheFlushResponse.Success.class);
        assertThat(await(client.get(name, "k"))).isInstanceOf(GetResponse.Miss.class);

        assertThat(await(client.deleteCache(name))).isInstanceOf(CacheDeleteResponse.Success.class);
        assertThat(sdkErrorOf(await(client.get(name, "k")))).isInstanceOf(CacheNotFoundException.class);
        assertThat(sdkErrorOf(await(client.deleteCache(name))))
                .isInstanceOf(CacheNotFoundException.class);
        assertThat(sdkErrorOf(await(client.flushCache(name))))
                .isInstanceOf(CacheNotFoundException.class);
    }

    @Test
    void callsNotImplementedSaySoAndNameTheCall() {
        DictionaryFetchResponse response = await(client.dictionaryFetch(cache, "dict"));
        Throwable error = sdkErrorOf(response);
        assertThat(error).isInstanceOf(BadRequestException.class); // how SDK 1.21.0 maps UNIMPLEMENTED
        assertThat(error.getCause()).hasMessageContaining("DictionaryFetch");

        ManagedChannel channel = rawChannel(momento);
        try {
            ScsGrpc.ScsBlockingStub stub = rawDataStub(channel, secret(), cache);
            _DictionaryFetchRequest request = _DictionaryFetchRequest.newBuilder().setDictionaryName(utf8("d")).build();
            assertThatThrownBy(() -> stub.dictionaryFetch(request))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                        assertThat(e.getStatus().getDescription())
                                .contains("cache_client.Scs/DictionaryFetch");
                    });
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void incrementCountsFromZeroAndRefusesNonNumbers() {
        assertThat(((IncrementResponse.Success) await(client.increment(cache, "n", 1))).valueNumber())
                .isEqualTo(1);
        assertThat(((IncrementResponse.Success) await(client.increment(cache, "n", 2))).valueNumber())
                .isEqualTo(3);
        assertThat(((GetResponse.Hit) await(client.get(cache, "n"))).valueString()).isEqualTo("3");

        await(client.set(cache, "text", "abc"));
        assertThat(sdkErrorOf(await(client.increment(cache, "text", 1))))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void batchCallsWork() {
        SetBatchResponse set = await(client.setBatch(cache, Map.of("a", "1", "b", "2")));
        assertThat(set).isInstanceOf(SetBatchResponse.Success.class);

        GetBatchResponse get = await(client.getBatch(cache, Arrays.asList("a", "b", "c")));
        assertThat(((GetBatchResponse.Success) get).valueMapStringString())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    }

    @Test
    void countersPerCacheAndPerCall() {
        MomentoStats before = momento.stats();

        await(client.set(cache, "k", "v"));
        await(client.get(cache, "k"));
        await(client.get(cache, "missing"));
        await(client.delete(cache, "k"));

        MomentoStats after = momento.stats();
        assertThat(after.cache(cache)).isEqualTo(new MomentoStats.CacheCounters(2, 1, 1, 1, 1));
        assertThat(after.cache(cache).hitRatio()).isEqualTo(0.5);
        assertThat(after.rpc("Get").calls() - before.rpc("Get").calls()).isGreaterThanOrEqualTo(2);
        assertThat(after.rpc("Set").calls() - before.rpc("Set").calls()).isGreaterThanOrEqualTo(1);
        assertThat(after.allCaches().gets()).isGreaterThanOrEqualTo(2);

        // errors are counted per call too
        await(client.get("no-such-cache", "k"));
        assertThat(momento.stats().rpc("Get").errors()).isGreaterThan(before.rpc("Get").errors());
    }

    private static String secret() {
        return new StringCredentialProvider(momento.apiKey()).getAuthToken();
    }

    private static ByteString utf8(String text) {
        return ByteString.copyFromUtf8(text);
    }
}
