package com.example.accounts;

import static org.mockito.Answers.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
import momento.sdk.exceptions.ServerUnavailableException;
import momento.sdk.responses.cache.DeleteResponse;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import momento.sdk.responses.cache.SetResponse;
import org.mockito.invocation.InvocationOnMock;

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
    /** Each set, setIfNotExists and delete sent after {@link #storeEachWriteAfter}, in order: done once stored. */
    public final List<CompletableFuture<?>> delayedWrites = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private volatile Duration writeDelay = Duration.ZERO;
    private final CacheClient client = mock(CacheClient.class, this::answerAsMomentoDoes);

    /**
     * Every overload of get, set, setIfNotExists and delete, whether its key and value are Strings
     * or byte[] (Momento stores the same bytes either way), and with or without a TTL (without one,
     * which only a slip of the guide's edits makes, the client's default applies: recorded as none
     * given). Any other call answers as an unstubbed mock does.
     */
    private Object answerAsMomentoDoes(InvocationOnMock call) throws Throwable {
        Object[] arguments = call.getArguments();
        Duration ttl = arguments.length > 3 ? (Duration) arguments[3] : NO_TTL_GIVEN;
        return switch (call.getMethod().getName()) {
            case "get" -> CompletableFuture.completedFuture(get(text(arguments[1])));
            case "set" -> written(() -> set(text(arguments[1]), text(arguments[2]), ttl));
            case "setIfNotExists" -> written(() -> setIfNotExists(text(arguments[1]), text(arguments[2]), ttl));
            case "delete" -> written(() -> delete(text(arguments[1])));
            default -> RETURNS_DEFAULTS.answer(call);
        };
    }

    /** A key or value as text, whichever form (String or byte[]) the SDK was given it in. */
    public static String text(Object keyOrValue) {
        return keyOrValue instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) keyOrValue;
    }

    public Supplier<CacheClient> client() {
        return () -> client;
    }

    /**
     * From now on each write is stored, and its future completes, {@code delay} after it was sent (a
     * slow network): code that does not wait for a write answers before the cache has it.
     */
    public void storeEachWriteAfter(Duration delay) {
        writeDelay = delay;
    }

    /** A write's answer: at once, or {@link #writeDelay} after it was sent. */
    private <T> CompletableFuture<T> written(Supplier<T> write) {
        if (writeDelay.isZero()) {
            return CompletableFuture.completedFuture(write.get());
        }
        CompletableFuture<T> stored = CompletableFuture.supplyAsync(write,
                CompletableFuture.delayedExecutor(writeDelay.toMillis(), TimeUnit.MILLISECONDS));
        delayedWrites.add(stored);
        return stored;
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
