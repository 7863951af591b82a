package com.example.accounts;

import java.time.Duration;
import momento.sdk.CacheClient;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.config.Configuration;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.ConnectionFailedException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The clients this service uses, created once per Lambda execution environment.
 *
 * <p>Why static: Lambda keeps an environment (its JVM, and so its static fields) alive between
 * invocations. A client built on the first call is reused by every later call that lands in the
 * same environment, so only the cold start pays for building it and opening its connections.
 * Why lazy: a class that needs no client never builds one, and tests can inject their own.
 */
public final class Clients {
    /** How long an item stays in the cache: the client's default, and from step 3 on stated by every set. */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    /** Secrets Manager is called during a cold start: fail fast rather than stall it. */
    private static final Duration SECRETS_MANAGER_TIMEOUT = Duration.ofSeconds(1);
    /**
     * How long Init waits for Momento's connection, in whole seconds: the SDK drops a fraction, and
     * with less than a second it does not connect during Init at all.
     */
    private static final Duration CONNECT_DURING_INIT = Duration.ofSeconds(1);
    /** Keepalive off: a frozen execution environment cannot answer pings. */
    private static final Configuration MOMENTO_CONFIGURATION = Configurations.Lambda.latest();
    /** After a failed attempt, how long cacheClient fails at once rather than ask Secrets Manager again. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    /**
     * The most one DynamoDB call may take, its retries included. The SDK retries a throttled call
     * with growing pauses for longer than the function's 10 s timeout: a lasting fault must end as
     * the handler's 500, not as a timed-out invocation (a 502 from API Gateway, and a cold start).
     */
    private static final Duration DYNAMODB_CALL_TIMEOUT = Duration.ofSeconds(3);

    private static DynamoDbClient dynamoDb;
    private static CacheClient cacheClient;
    /** Guards cacheClient. Not the class's lock: Init builds the DynamoDB client while this one connects. */
    private static final Object CACHE_CLIENT_LOCK = new Object();
    /** Why the last attempt failed (null if none did) and when, by System.nanoTime(). */
    private static String lastFailure;
    private static long lastFailedAt;

    private Clients() {
    }

    public static synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            // Region, credentials and endpoint come from the environment Lambda provides
            // (AWS_REGION, the function's role; AWS_ENDPOINT_URL_DYNAMODB in the local cloud).
            dynamoDb = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(config -> config.apiCallTimeout(DYNAMODB_CALL_TIMEOUT))
                    .build();
        }
        return dynamoDb;
    }

    /**
     * The Momento client, created on first use with the API key read from the Secrets Manager
     * secret {@code apiKeySecretId}, then reused. If reading the key fails (Secrets Manager
     * unreachable, the secret missing or unreadable), this throws, and so does every call of the
     * next five seconds, without trying: a slow Secrets Manager would cost each cache call its
     * wait. The first call after that tries again, so one bad cold start does not leave the
     * environment without a cache. (Momento itself unreachable is no failure here: see connect.)
     */
    static CacheClient cacheClient(String apiKeySecretId) {
        synchronized (CACHE_CLIENT_LOCK) {
            if (cacheClient == null) {
                if (lastFailure != null && System.nanoTime() - lastFailedAt < RETRY_AFTER_FAILURE.toNanos()) {
                    throw new IllegalStateException("not tried again within " + RETRY_AFTER_FAILURE.toSeconds()
                            + " s of the last failure: " + lastFailure);
                }
                try {
                    String apiKey = readApiKey(apiKeySecretId);
                    cacheClient = connect(CredentialProvider.fromString(apiKey));
                } catch (RuntimeException e) {
                    lastFailure = e.toString();
                    lastFailedAt = System.nanoTime();
                    throw e;
                }
            }
            return cacheClient;
        }
    }

    /** Connects now, during Init, so the first request does not pay for it. */
    private static CacheClient connect(CredentialProvider credentials) {
        try {
            return CacheClient.create(credentials, MOMENTO_CONFIGURATION, CACHE_TTL, CONNECT_DURING_INIT);
        } catch (ConnectionFailedException slow) {
            // Not connected within a second (a cold JVM's first TLS handshake on a busy host), or at
            // once refused (an unknown host): keep a client that connects on first use, rather than none.
            return CacheClient.builder(credentials, MOMENTO_CONFIGURATION, CACHE_TTL).build();
        }
    }

    /** Reads the key with a Secrets Manager client of its own, closed once read: one read per environment. */
    private static String readApiKey(String secretId) {
        try (SecretsManagerClient secretsManager = secretsManager()) {
            return MomentoApiKey.read(secretsManager, secretId);
        }
    }

    private static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(SECRETS_MANAGER_TIMEOUT)
                        .socketTimeout(SECRETS_MANAGER_TIMEOUT)
                        .build())
                .overrideConfiguration(config -> config.apiCallTimeout(SECRETS_MANAGER_TIMEOUT.multipliedBy(2)))
                .build();
    }
}
