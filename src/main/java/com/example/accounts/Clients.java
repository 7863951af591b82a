package com.example.accounts;

import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The clients this service uses, created once per Lambda execution environment.
 *
 * <p>Why static: Lambda keeps an environment (its JVM, and so its static fields) alive between
 * invocations. A client built on the first call is reused by every later call that lands in the
 * same environment, so only the cold start pays for building it and opening its connections.
 * Why lazy: a class that needs no client never builds one, and tests can inject their own.
 */
public final class Clients {
    /**
     * The most one DynamoDB call may take, its retries included. The SDK retries a throttled call
     * with growing pauses for longer than the function's 10 s timeout: a lasting fault must end as
     * the handler's 500, not as a timed-out invocation (a 502 from API Gateway, and a cold start).
     */
    private static final Duration DYNAMODB_CALL_TIMEOUT = Duration.ofSeconds(3);

    private static DynamoDbClient dynamoDb;

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
}
