package com.example.accounts;

import java.util.function.Supplier;
import momento.sdk.CacheClient;

/** Cache clients for tests that run without a Momento server. */
public final class TestCaches {
    public static final String CACHE_NAME = "accounts-cache";

    private TestCaches() {
    }

    /** A fresh in-memory cache client. */
    public static Supplier<CacheClient> inMemory() {
        return new InMemoryCache().client();
    }

    /** For tests of code that must not touch the cache: any use fails the test. */
    public static Supplier<CacheClient> none() {
        return () -> {
            throw new AssertionError("this test expects no cache use");
        };
    }
}
