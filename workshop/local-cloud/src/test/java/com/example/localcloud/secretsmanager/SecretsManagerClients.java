package com.example.localcloud.secretsmanager;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real AWS SDK v2 client, pointed at a local endpoint with throwaway credentials. */
final class SecretsManagerClients {

    private SecretsManagerClients() {
    }

    static SecretsManagerClient forEndpoint(URI endpoint, String accessKeyId) {
        return forEndpoint(endpoint, accessKeyId, Region.US_EAST_1);
    }

    /** A client built for this region, as code that names one does: it signs its requests for it. */
    static SecretsManagerClient forEndpoint(URI endpoint, String accessKeyId, Region region) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "local-secret-key")))
                .httpClient(UrlConnectionHttpClient.create())
                // one attempt: a test should see the first answer, and not wait for retries
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
