package com.example.accounts.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
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
        String cached = get(client, key);
        if (NOT_FOUND.equals(cached)) {
            return Optional.empty();
        }
        T value = cached == null ? null : decode(key, cached, type);
        if (value != null) {
            return Optional.of(value);
        }
        Optional<T> answer = database.get();
        fill(client, key, answer.map(AccountCache::encode).orElse(NOT_FOUND));
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

    /** The client, or null when it cannot be created now (for example, Secrets Manager is down). */
    private CacheClient client() {
        try {
            return cache.get();
        } catch (RuntimeException e) {
            LOG.warn("No cache client, asking DynamoDB: {}", e.toString());
            return null;
        }
    }

    /** The cached text, or null on a miss or any failure. */
    private String get(CacheClient client, String key) {
        try {
            GetResponse response = client.get(cacheName, key).join();
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

    /** Adds the entry only if the key is absent, so it never replaces a write-aside value. */
    private void fill(CacheClient client, String key, String value) {
        try {
            SetIfNotExistsResponse response = client.setIfNotExists(cacheName, key, value, ttl).join();
            if (response instanceof SetIfNotExistsResponse.Error error) {
                LOG.warn("Cache fill of {} failed: {}", key, error.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cache fill of {} failed: {}", key, e.toString());
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
