package com.example.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.dynamodb.DynamoDbRequestFilter;
import com.example.localcloud.dynamodb.LocalDynamoDb;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A corporate laptop's -Dhttp.proxyHost, with nothing answering there, as on a laptop taken home. (Its
 * HTTPS_PROXY, which a test JVM cannot set, takes the same switch: tried by hand.)
 */
class DirectSdkHttpTest {

    @Test
    void theLocalCloudsOwnSdkClientsReachLoopbackWhateverProxyTheSystemPropertiesName() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(deadPort));
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(0, DynamoDbRequestFilter.ALLOW_ALL)) {
            try (DynamoDbClient direct = client(dynamoDb, DirectSdkHttp.builder())) {
                assertThat(direct.listTables().tableNames()).isEmpty();
            }
            try (DynamoDbClient proxied = client(dynamoDb, UrlConnectionHttpClient.builder())) { // the SDK's default
                assertThatThrownBy(proxied::listTables).as("the proxy it was sent to").isInstanceOf(SdkClientException.class);
            }
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
        }
    }

    private static DynamoDbClient client(LocalDynamoDb dynamoDb, SdkHttpClient.Builder<?> http) {
        return DynamoDbClient.builder().httpClientBuilder(http).endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("LOCALTEST", "local")))
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)
                        .apiCallTimeout(java.time.Duration.ofSeconds(10)))
                .build();
    }
}
