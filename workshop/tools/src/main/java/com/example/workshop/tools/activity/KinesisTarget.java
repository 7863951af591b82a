package com.example.workshop.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * Which Kinesis stream to put on, and how to reach it. In the local cloud, its
 * {@code GET /_local/endpoints} names the local Kinesis and the stage's stream; on AWS, the
 * stream is named on the command line and the usual credentials and region apply (the AWS CLI's
 * profile, environment variables, ...).
 *
 * @param endpoint   the local Kinesis, or null for AWS
 * @param streamName the stream's name
 * @param region     null: the SDK's default region
 * @param accessKeyId the local cloud's operator key, or null for the default credentials
 */
public record KinesisTarget(URI endpoint, String streamName, String region, String accessKeyId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param apiUrl     the accounts API; if it is a local cloud, it says where its Kinesis is
     * @param streamName the stream, or null to take the local cloud's only stream
     * @param region     the region, or null for the default
     */
    public static KinesisTarget find(URI apiUrl, String streamName, String region) throws IOException, InterruptedException {
        JsonNode local = localEndpoints(apiUrl);
        if (local == null || !local.hasNonNull("kinesis")) {
            if (streamName == null) {
                throw new IllegalArgumentException("it is not a local cloud with a Kinesis stream: name the deployed "
                        + "stream with --stream (see the ActivityStreamName output of `serverless info --verbose`)");
            }
            return new KinesisTarget(null, streamName, region, null);
        }
        List<String> streams = new ArrayList<>();
        local.path("kinesisStreams").forEach(name -> streams.add(name.asText()));
        String stream = streamName != null ? streamName : streams.size() == 1 ? streams.get(0) : null;
        if (stream == null) {
            throw new IllegalArgumentException("The local cloud has the streams " + streams + ": name one with --stream");
        }
        return new KinesisTarget(URI.create(local.get("kinesis").asText()), stream, local.path("region").asText(null),
                local.path("operatorAccessKeyId").asText(null));
    }

    /** The local cloud's answer to {@code GET /_local/endpoints}, or null if this is no local cloud. */
    private static JsonNode localEndpoints(URI apiUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl.toString().replaceAll("/+$", "") + "/_local/endpoints"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    public boolean isLocal() {
        return endpoint != null;
    }

    public KinesisClient client() {
        KinesisClientBuilder builder = KinesisClient.builder().httpClientBuilder(endpoint == null ? UrlConnectionHttpClient.builder()
                // An endpoint is only ever the local cloud's (find() takes it from /_local/endpoints): on this
                // machine, which no proxy of the laptop's (HTTPS_PROXY, -Dhttps.proxyHost) can reach; the SDK
                // would send it there all the same.
                : UrlConnectionHttpClient.builder().proxyConfiguration(ProxyConfiguration.builder().useSystemPropertyValues(false)
                        .useEnvironmentVariablesValues(false).build()));
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            // The local cloud does not check signatures: its operator's access key id is enough.
            builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "local")));
        }
        return builder.build();
    }
}
