package com.example.localcloud.service;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP client of the local cloud's own AWS SDK clients (its stream pollers, its operator),
 * which call the local DynamoDB and Kinesis on 127.0.0.1 only. The SDK's client takes a proxy from
 * HTTPS_PROXY or -Dhttps.proxyHost, a corporate laptop's settings, without the JDK's exception for
 * loopback: the proxy then answered for the local DynamoDB (a 403), or never, and steps 6 and 7
 * did not start. No proxy can reach this machine's loopback, so these clients use none.
 */
public final class DirectSdkHttp {

    private DirectSdkHttp() {
    }

    /** For a service client's {@code httpClientBuilder}, so that closing the service client closes it too. */
    public static SdkHttpClient.Builder<?> builder() {
        return UrlConnectionHttpClient.builder().proxyConfiguration(ProxyConfiguration.builder()
                .useSystemPropertyValues(false).useEnvironmentVariablesValues(false).build());
    }
}
