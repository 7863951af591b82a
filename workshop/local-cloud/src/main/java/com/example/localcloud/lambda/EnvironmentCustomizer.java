package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;

/**
 * Adds to the way execution environments start, e.g. proxy and trust store settings for the
 * local Momento, or {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} for the local Secrets Manager.
 * Called once for each environment, just before its JVM starts.
 */
@FunctionalInterface
public interface EnvironmentCustomizer {

    void customize(FunctionConfig function, EnvironmentSpec spec);
}
