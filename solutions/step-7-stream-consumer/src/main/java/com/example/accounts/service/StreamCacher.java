package com.example.accounts.service;

import com.example.accounts.cache.AccountCache;
import com.example.accounts.cache.CacheKeys;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the table, whoever wrote to it: this service, an admin script or
 * another service. It is fed the changes of the table's DynamoDB stream: a created or changed
 * item is cached as it now is (same key, JSON and TTL as write-aside), a deleted one as "not
 * found".
 *
 * <p>A cache failure is thrown, not logged: the caller reports the change as failed, and Lambda
 * delivers it again.
 */
public class StreamCacher {
    /** What a change did to the cache. */
    public enum Outcome { REFRESHED, REMOVED, IGNORED }

    private static final Logger LOG = LoggerFactory.getLogger(StreamCacher.class);

    private final AccountCache cache;

    public StreamCacher(AccountCache cache) {
        this.cache = cache;
    }

    /**
     * An item was created or changed (INSERT or MODIFY).
     *
     * @param item the item as the table now holds it (its string attributes, PK and SK included)
     */
    public Outcome itemWritten(Map<String, String> item) {
        Optional<String> key = cacheKey(item);
        if (key.isEmpty()) {
            return Outcome.IGNORED; // not a user, organization or membership: nothing of ours is cached
        }
        Optional<Object> value = toModel(item);
        if (value.isEmpty()) {
            // Written by someone who does not know the item's shape: reads could not parse it, so
            // cache nothing for it; drop the entry rather than leave the item's older version cached.
            LOG.warn("Item {} is incomplete, removing it from the cache", key.get());
            cache.remove(key.get());
            return Outcome.REMOVED;
        }
        cache.replace(key.get(), value.get());
        return Outcome.REFRESHED;
    }

    /**
     * An item was deleted (REMOVE).
     *
     * @param keys the deleted item's PK and SK
     */
    public Outcome itemRemoved(Map<String, String> keys) {
        Optional<String> key = cacheKey(keys);
        if (key.isEmpty()) {
            return Outcome.IGNORED;
        }
        cache.replaceWithNotFound(key.get());
        return Outcome.REMOVED;
    }

    /** The cache key of a table item, from its PK and SK (see AccountRepository's key layout). */
    static Optional<String> cacheKey(Map<String, String> item) {
        String pk = item.getOrDefault("PK", "");
        String sk = item.getOrDefault("SK", "");
        if (pk.startsWith("USER#") && pk.equals(sk)) {
            return Optional.of(CacheKeys.user(pk.substring("USER#".length())));
        }
        if (pk.startsWith("ORG#") && pk.equals(sk)) {
            return Optional.of(CacheKeys.organization(pk.substring("ORG#".length())));
        }
        if (pk.startsWith("ORGMEMBERS#") && sk.startsWith("MEMBER#")) {
            return Optional.of(CacheKeys.membership(pk.substring("ORGMEMBERS#".length()), sk.substring("MEMBER#".length())));
        }
        return Optional.empty();
    }

    /** The user, organization or membership an item holds; empty if an attribute is missing. */
    private static Optional<Object> toModel(Map<String, String> item) {
        String pk = item.get("PK");
        if (pk.startsWith("USER#")) {
            return allPresent(item, "username", "firstName", "lastName")
                    ? Optional.of(new User(item.get("username"), item.get("firstName"), item.get("lastName")))
                    : Optional.empty();
        }
        if (pk.startsWith("ORG#")) {
            return allPresent(item, "organizationName", "foundingUser")
                    ? Optional.of(new Organization(item.get("organizationName"), item.get("foundingUser")))
                    : Optional.empty();
        }
        Optional<Role> role = Role.fromLabel(item.get("role"));
        return allPresent(item, "organizationName", "memberUsername") && role.isPresent()
                ? Optional.of(new Membership(item.get("organizationName"), item.get("memberUsername"), role.get()))
                : Optional.empty();
    }

    private static boolean allPresent(Map<String, String> item, String... attributes) {
        for (String attribute : attributes) {
            if (item.get(attribute) == null) {
                return false;
            }
        }
        return true;
    }
}
