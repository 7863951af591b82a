package com.example.accounts;

import com.example.accounts.cache.AccountCache;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.repository.ActivityRepository;
import com.example.accounts.service.AccountService;
import com.example.accounts.service.ActivityConsumer;
import com.example.accounts.service.StreamCacher;
import java.util.concurrent.CompletableFuture;
import momento.sdk.CacheClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the service from the function's environment variables, for the handlers' no-argument constructors. */
public final class Dependencies {
    private static final Logger LOG = LoggerFactory.getLogger(Dependencies.class);

    private Dependencies() {
    }

    public static AccountService accountService() {
        CompletableFuture<Void> cacheClientCreated = createCacheClientDuringInit();
        AccountRepository repository = new AccountRepository(Clients.dynamoDb(), requiredEnv("TABLE_NAME"));
        cacheClientCreated.join(); // Init waits until the cache client is built or its failure logged
        return new AccountService(repository, accountCache());
    }

    /** The cache, on the Momento client created during Init; every set states Clients.CACHE_TTL. */
    private static AccountCache accountCache() {
        return new AccountCache(Dependencies::cacheClient, requiredEnv("CACHE_NAME"), Clients.CACHE_TTL);
    }

    /** For the stream cacher, which needs the cache only, not the table. */
    public static StreamCacher streamCacher() {
        createCacheClientDuringInit().join();
        return new StreamCacher(accountCache());
    }

    /** For the activity consumer, which reads the accounts table through the cache and writes the activity table. */
    public static ActivityConsumer activityConsumer() {
        CompletableFuture<Void> cacheClientCreated = createCacheClientDuringInit();
        AccountRepository accounts = new AccountRepository(Clients.dynamoDb(), requiredEnv("TABLE_NAME"));
        ActivityRepository activities = new ActivityRepository(Clients.dynamoDb(), requiredEnv("ACTIVITY_TABLE_NAME"));
        cacheClientCreated.join(); // Init waits until the cache client is built or its failure logged
        return new ActivityConsumer(accounts, activities, accountCache());
    }

    /**
     * Handlers are built during Lambda's Init phase, so building the cache client here makes the
     * cold start, not the first request, pay for it. It is built on a thread of its own: reading
     * the key and connecting wait on the network, and meanwhile the caller can build its DynamoDB
     * client. A new thread rather than a pool's, because it inherits the caller's context class
     * loader: in Lambda, the one that loaded the function's jar. A failure is not fatal: the next
     * use of the client tries again, and DynamoDB still answers.
     */
    private static CompletableFuture<Void> createCacheClientDuringInit() {
        return CompletableFuture.runAsync(() -> {
            try {
                cacheClient();
            } catch (RuntimeException e) {
                LOG.warn("Momento client not created during Init, will retry on use: {}", e.toString());
            }
        }, task -> new Thread(task, "momento-client").start());
    }

    /** The Momento client, with its API key from the secret that MOMENTO_API_KEY_SECRET_ID names. */
    private static CacheClient cacheClient() {
        return Clients.cacheClient(requiredEnv("MOMENTO_API_KEY_SECRET_ID"));
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set: see serverless.yml");
        }
        return value;
    }
}
