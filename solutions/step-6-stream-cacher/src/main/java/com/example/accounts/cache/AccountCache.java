package com.example.accounts.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
import momento.sdk.responses.cache.DeleteResponse;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import momento.sdk.responses.cache.SetResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's cache of users, organizations and memberships, on Momento: to the cache what
 * AccountRepository is to the table.
 *
 * <p>Read-aside (also called cache-aside): look in the cache first; on a miss, ask the database
 * and keep its answer in the cache for the TTL, "not found" included.
 *
 * <p>Write-aside: after every successful database write, put the new item in the cache, so no
 * read is served an older answer (above all, a cached "not a member") until its TTL ends. And a
 * read-aside fill only adds a missing entry: a slow reader that saw the database before the
 * write must not overwrite what the write just cached.
 *
 * <p>Fan-out: a request that needs many items sends all their cache gets at once, then waits
 * for the answers, so N hits cost about one round trip rather than N.
 *
 * <p>Stream cacher: {@link #replace}, {@link #replaceWithNotFound} and {@link #remove} apply a
 * change read from the table's stream. Unlike the rest, they throw when the cache fails, so the
 * change is retried rather than lost.
 *
 * <p>The cache may make a read faster, never make it fail: when the cache errs, times out or
 * cannot be reached, the failure is logged and the database answers.
 */
public class AccountCache {
    /** Cached for an item the database does not have, so repeated lookups of it stay cheap too. */
    static final String NOT_FOUND = "NOT_FOUND";

    private static final Logger LOG = LoggerFactory.getLogger(AccountCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<CacheClient> cache;
    private final String cacheName;
    /** How long a cached answer is trusted. Also how long a stale answer can live: see step 4. */
    private final Duration ttl;

    /**
     * @param cache     the Momento client, asked for at each use: it may not exist yet (see Clients)
     * @param cacheName the Momento cache's name
     * @param ttl       stated by every set (Dependencies passes Clients.CACHE_TTL)
     */
    public AccountCache(Supplier<CacheClient> cache, String cacheName, Duration ttl) {
        this.cache = cache;
        this.cacheName = cacheName;
        this.ttl = ttl;
    }

    public <T> Optional<T> read(String key, Class<T> type, Supplier<Optional<T>> database) {
        CacheClient client = client();
        if (client == null) {
            return database.get();
        }
        List<CompletableFuture<Void>> fills = new ArrayList<>();
        Optional<T> answer = hitOrFill(client, key, type, get(key, send(client, key)), database, fills);
        fills.forEach(CompletableFuture::join);
        return answer;
    }

    /**
     * Read-aside for many items at once: the fan-out. Every cache get is sent before any answer
     * is awaited (the SDK's calls are asynchronous), so the hits arrive together, in about the
     * time of the slowest one. Then each miss is read from the database, exactly as {@link #read}
     * does, and its fill sent; the fills, too, are awaited together, at the end.
     *
     * @param ids      what to read, e.g. usernames
     * @param keyOf    the cache key of an id
     * @param database the database read of one id
     * @return each id's answer, in the order of {@code ids}
     */
    public <T> Map<String, Optional<T>> readAll(List<String> ids, Function<String, String> keyOf, Class<T> type,
                                                Function<String, Optional<T>> database) {
        Map<String, Optional<T>> answers = new LinkedHashMap<>();
        CacheClient client = client();
        if (client == null) {
            ids.forEach(id -> answers.put(id, database.apply(id)));
            return answers;
        }
        // First send every get, then wait for each answer: the N round trips overlap.
        Map<String, CompletableFuture<GetResponse>> gets = new LinkedHashMap<>();
        ids.forEach(id -> gets.put(id, send(client, keyOf.apply(id))));
        List<CompletableFuture<Void>> fills = new ArrayList<>();
        try {
            gets.forEach((id, pending) -> {
                String key = keyOf.apply(id);
                answers.put(id, hitOrFill(client, key, type, get(key, pending), () -> database.apply(id), fills));
            });
        } finally {
            // A slow cache then costs one wait for all the fills, not one per miss; and when a database
            // read fails, the fills sent before it are not left running into a frozen environment.
            fills.forEach(CompletableFuture::join);
        }
        return answers;
    }

    /** The cached item; or, on a miss, the database's answer, whose fill is sent and added to {@code fills}. */
    private <T> Optional<T> hitOrFill(CacheClient client, String key, Class<T> type, String cached,
                                      Supplier<Optional<T>> database, List<CompletableFuture<Void>> fills) {
        if (NOT_FOUND.equals(cached)) {
            return Optional.empty();
        }
        T value = cached == null ? null : decode(key, cached, type);
        if (value != null) {
            return Optional.of(value);
        }
        Optional<T> answer = database.get();
        fills.add(fill(client, key, answer.map(AccountCache::encode).orElse(NOT_FOUND)));
        return answer;
    }

    /** Write-aside: call after the database write succeeded. */
    public void write(String key, Object value) {
        try {
            // cache.get() throws when there is no client (Secrets Manager down, say): caught below too
            SetResponse response = cache.get().set(cacheName, key, encode(value), ttl).join();
            if (response instanceof SetResponse.Error error) {
                LOG.warn("Cache write of {} failed, entries may stay stale for up to {} s: {}", key, ttl.toSeconds(), error.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cache write of {} failed, entries may stay stale for up to {} s: {}", key, ttl.toSeconds(), e.toString());
        }
    }

    /**
     * Stream cacher: sets the entry to the item as the table now holds it, with the same key,
     * JSON and TTL as every other write.
     *
     * @throws RuntimeException when the cache cannot be written, so the change is retried
     */
    public void replace(String key, Object value) {
        SetResponse response = cache.get().set(cacheName, key, encode(value), ttl).join();
        if (response instanceof SetResponse.Error error) {
            throw error;
        }
    }

    /**
     * Stream cacher: caches "not found" for an item the table no longer has, as a read of it
     * would. Not a delete: a reader that read the item just before it was deleted could then
     * fill the free key with it, for a whole TTL; its setIfNotExists finds this entry instead.
     *
     * @throws RuntimeException when the cache cannot be written, so the change is retried
     */
    public void replaceWithNotFound(String key) {
        SetResponse response = cache.get().set(cacheName, key, NOT_FOUND, ttl).join();
        if (response instanceof SetResponse.Error error) {
            throw error;
        }
    }

    /**
     * Stream cacher: deletes the entry of an item the read path could not parse; the next read
     * asks the database.
     *
     * @throws RuntimeException when the cache cannot be written, so the change is retried
     */
    public void remove(String key) {
        DeleteResponse response = cache.get().delete(cacheName, key).join();
        if (response instanceof DeleteResponse.Error error) {
            throw error;
        }
    }

    /** The client, or null when it cannot be created now (for example, Secrets Manager is down). */
    private CacheClient client() {
        try {
            return cache.get();
        } catch (RuntimeException e) {
            LOG.warn("No cache client, asking DynamoDB: {}", e.toString());
            return null;
        }
    }

    /** Sends a get without waiting for its answer. */
    private CompletableFuture<GetResponse> send(CacheClient client, String key) {
        try {
            return client.get(cacheName, key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // reported, like any failure, when awaited
        }
    }

    /** The cached text, or null on a miss or any failure. */
    private String get(String key, CompletableFuture<GetResponse> pending) {
        try {
            GetResponse response = pending.join();
            if (response instanceof GetResponse.Hit hit) {
                return hit.valueString();
            }
            if (response instanceof GetResponse.Error error) {
                LOG.warn("Cache get of {} failed, asking DynamoDB: {}", key, error.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cache get of {} failed, asking DynamoDB: {}", key, e.toString());
        }
        return null;
    }

    /**
     * Sends a fill, which adds the entry only if the key is absent, so it never replaces a
     * write-aside value. The future it returns never fails: a failed fill is logged.
     */
    private CompletableFuture<Void> fill(CacheClient client, String key, String value) {
        try {
            return client.setIfNotExists(cacheName, key, value, ttl).handle((response, failure) -> {
                if (failure != null) {
                    LOG.warn("Cache fill of {} failed: {}", key, failure.toString());
                } else if (response instanceof SetIfNotExistsResponse.Error error) {
                    LOG.warn("Cache fill of {} failed: {}", key, error.getMessage());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Cache fill of {} failed: {}", key, e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The cached item, or null when the cached text is unreadable (then the database answers). */
    private static <T> T decode(String key, String cached, Class<T> type) {
        try {
            return JSON.readValue(cached, type);
        } catch (JsonProcessingException e) {
            LOG.warn("Cached value of {} is not a {}, asking DynamoDB", key, type.getSimpleName());
            return null;
        }
    }

    private static String encode(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
