package com.example.accounts;

import com.example.accounts.cache.AccountCache;

/** Account caches for tests that run without a Momento server. */
public final class TestCaches {
    public static final String CACHE_NAME = "accounts-cache";

    private TestCaches() {
    }

    /** An account cache on a fresh in-memory cache. */
    public static AccountCache inMemory() {
        return accountCache(new InMemoryCache());
    }

    /** An account cache on {@code memory}, for tests that look at what it holds. */
    public static AccountCache accountCache(InMemoryCache memory) {
        return new AccountCache(memory.client(), CACHE_NAME, Clients.CACHE_TTL);
    }
}
