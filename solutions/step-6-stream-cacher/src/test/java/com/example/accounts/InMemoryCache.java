package com.example.accounts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
import momento.sdk.exceptions.ServerUnavailableException;
import momento.sdk.responses.cache.DeleteResponse;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import momento.sdk.responses.cache.SetResponse;
import org.mockito.quality.Strictness;

/**
 * A Momento {@link CacheClient} stand-in that keeps items in a map, for unit and DynamoDB Local
 * tests that run without a Momento server. The end-to-end tests in the local cloud use the
 * real SDK against a Momento-compatible server instead. TTLs are recorded, not enforced.
 */
public final class InMemoryCache {
    public final Map<String, String> items = new ConcurrentHashMap<>();
    public final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    /** What {@link #ttls} holds for an item set without a TTL (the client's default applies). */
    public static final Duration NO_TTL_GIVEN = Duration.ZERO;
    public final AtomicInteger hits = new AtomicInteger();
    public final AtomicInteger misses = new AtomicInteger();
    private volatile boolean failing;
    private final CacheClient client = mock(CacheClient.class, withSettings().strictness(Strictness.LENIENT));

    public InMemoryCache() {
        when(client.get(anyString(), anyString())).thenAnswer(call -> CompletableFuture.completedFuture(get(call.getArgument(1))));
        when(client.set(anyString(), anyString(), anyString(), any(Duration.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(set(call.getArgument(1), call.getArgument(2), call.getArgument(3))));
        // Also a set with the client's default TTL (recorded as none given), which only a slip of
        // the guide's edits makes, and a delete (a slip until step 6, whose stream cacher deletes),
        // answered as Momento would.
        when(client.set(anyString(), anyString(), anyString())).thenAnswer(call ->
                CompletableFuture.completedFuture(set(call.getArgument(1), call.getArgument(2), NO_TTL_GIVEN)));
        when(client.delete(anyString(), anyString())).thenAnswer(call ->
                CompletableFuture.completedFuture(delete(call.getArgument(1))));
        when(client.setIfNotExists(anyString(), anyString(), anyString(), any(Duration.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(setIfNotExists(call.getArgument(1), call.getArgument(2), call.getArgument(3))));
    }

    public Supplier<CacheClient> client() {
        return () -> client;
    }

    /** From now on every call answers with the SDK's error response, as when Momento is unreachable. */
    public void failEverything() {
        failing = true;
    }

    private GetResponse get(String key) {
        if (failing) {
            return new GetResponse.Error(new ServerUnavailableException(new RuntimeException("injected"), null));
        }
        String value = items.get(key);
        if (value == null) {
            misses.incrementAndGet();
            return new GetResponse.Miss();
        }
        hits.incrementAndGet();
        return new GetResponse.Hit(ByteString.copyFromUtf8(value)); // the SDK's own: every accessor answers
    }

    private DeleteResponse delete(String key) {
        if (failing) {
            return new DeleteResponse.Error(new ServerUnavailableException(new RuntimeException("injected"), null));
        }
        items.remove(key);
        ttls.remove(key);
        return new DeleteResponse.Success();
    }

    private SetResponse set(String key, String value, Duration ttl) {
        if (failing) {
            return new SetResponse.Error(new ServerUnavailableException(new RuntimeException("injected"), null));
        }
        items.put(key, value);
        ttls.put(key, ttl);
        return new SetResponse.Success(ByteString.copyFromUtf8(value));
    }

    private SetIfNotExistsResponse setIfNotExists(String key, String value, Duration ttl) {
        if (failing) {
            return new SetIfNotExistsResponse.Error(new ServerUnavailableException(new RuntimeException("injected"), null));
        }
        if (items.putIfAbsent(key, value) != null) {
            return new SetIfNotExistsResponse.NotStored();
        }
        ttls.put(key, ttl);
        return new SetIfNotExistsResponse.Stored(ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value));
    }
}
