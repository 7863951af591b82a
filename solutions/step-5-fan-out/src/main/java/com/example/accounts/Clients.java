package com.example.accounts;

import java.time.Duration;
import momento.sdk.CacheClient;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.config.Configurations;
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

    private static DynamoDbClient dynamoDb;
    private static CacheClient cacheClient;

    private Clients() {
    }

    public static synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            // Region, credentials and endpoint come from the environment Lambda provides
            // (AWS_REGION, the function's role; AWS_ENDPOINT_URL_DYNAMODB in the local cloud).
            dynamoDb = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return dynamoDb;
    }

    /**
     * The Momento client, created on first use with the API key read from the Secrets Manager
     * secret {@code apiKeySecretId}, then reused. If that fails (Secrets Manager or Momento
     * unreachable), this throws and the next call tries again, so one bad cold start does not
     * leave the environment without a cache for good.
     */
    static synchronized CacheClient cacheClient(String apiKeySecretId) {
        if (cacheClient == null) {
            String apiKey = MomentoApiKey.read(secretsManager(), apiKeySecretId);
            cacheClient = CacheClient.create(
                    CredentialProvider.fromString(apiKey),
                    Configurations.Lambda.latest(), // keepalive off: a frozen environment can't answer pings
                    CACHE_TTL,
                    Duration.ofSeconds(1));         // connect now, during Init, not on the first request
        }
        return cacheClient;
    }

    /** Used once per environment, to read the Momento API key; not kept. */
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
