package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.WireFormat;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * The real AWS SDK v2 Kinesis client, pointed at a local endpoint with throwaway credentials, in
 * the wire format asked for.
 *
 * <p>The SDK chooses CBOR or JSON when the client is built, from the system property
 * {@code aws.cborEnabled} (default true; the environment variable is {@code CBOR_ENABLED}), so the
 * property is set around {@code build()} only.
 */
final class KinesisClients {

    /** The Content-Type of every request the client sent and every answer it got. */
    static final class SeenContentTypes implements ExecutionInterceptor {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> responses = new CopyOnWriteArrayList<>();

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
            requests.add(context.httpRequest().firstMatchingHeader("Content-Type").orElse("(none)"));
            responses.add(context.httpResponse().firstMatchingHeader("Content-Type").orElse("(none)"));
        }
    }

    private KinesisClients() {
    }

    /** One attempt per call: a test should see the first answer, and not wait for retries. */
    static KinesisClient forEndpoint(URI endpoint, String accessKeyId, WireFormat format, SeenContentTypes seen) {
        return build(builder(endpoint, accessKeyId, seen)
                .overrideConfiguration(config -> config.addExecutionInterceptor(seen)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())), format);
    }

    /** With the SDK's default retries (3 attempts, backing off, for throttling and 5xx). */
    static KinesisClient withDefaultRetries(URI endpoint, String accessKeyId, WireFormat format, SeenContentTypes seen) {
        return build(builder(endpoint, accessKeyId, seen)
                .overrideConfiguration(config -> config.addExecutionInterceptor(seen)), format);
    }

    private static KinesisClientBuilder builder(URI endpoint, String accessKeyId, SeenContentTypes seen) {
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "local-secret-key")))
                .httpClient(UrlConnectionHttpClient.create());
    }

    private static synchronized KinesisClient build(KinesisClientBuilder builder, WireFormat format) {
        String previous = System.getProperty("aws.cborEnabled");
        System.setProperty("aws.cborEnabled", Boolean.toString(format == WireFormat.CBOR));
        try {
            return builder.build();
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }
}
