package com.example.localcloud.config;

import java.util.Map;

/**
 * What the command line can say about a deployment, as the Serverless Framework's options do.
 *
 * @param environment what {@code ${env:NAME}} reads (normally {@link System#getenv()})
 * @param stage       {@code --stage}: overrides {@code provider.stage}; null for the default
 * @param region      {@code --region}: overrides {@code provider.region}; null for the default
 */
public record LoadOptions(Map<String, String> environment, String stage, String region) {

    public LoadOptions {
        environment = Map.copyOf(environment);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(System.getenv(), null, null);
    }
}
