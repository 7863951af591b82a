package com.example.localcloud.momento;

import java.time.Duration;
import momento.sdk.CacheClient;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.config.Configurations;
import momento.sdk.responses.cache.GetResponse;

/**
 * Runs in a child JVM started like a Lambda execution environment: it does exactly what a stage's
 * code does (key from the environment, {@code CredentialProvider.fromString}, TLS to
 * cache.momento.local:443) and prints what happened, one line per call.
 */
public final class TlsClientMain {

    public static void main(String[] args) {
        String cache = args[0];
        // From the environment, not the command line: command lines are visible to other users.
        CredentialProvider credentials = CredentialProvider.fromString(System.getenv("MOMENTO_API_KEY"));
        try (CacheClient client = CacheClient.create(
                credentials, Configurations.Laptop.latest(), Duration.ofMinutes(5), Duration.ofSeconds(10))) {
            System.out.println("SET " + describe(client.set(cache, "greeting", "hello through TLS").join()));
            System.out.println("GET " + describe(client.get(cache, "greeting").join()));
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
            System.exit(2);
        }
    }

    private static String describe(Object response) {
        if (response instanceof GetResponse.Hit hit) {
            return "Hit " + hit.valueString();
        }
        if (response instanceof Throwable error) {
            return "Error " + error.getCause().getClass().getSimpleName();
        }
        return response.getClass().getSimpleName();
    }
}
