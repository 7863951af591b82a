package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs an environment with Amazon's own runtime interface client (the one in Lambda's Java base
 * images) instead of the local bootstrap, started as those images start it:
 * {@code java -cp <the runtime's jars> AWSLambda <handler>}. Linux only: the client's native HTTP
 * library in its jar is for Linux.
 */
public final class AmazonsRuntimeClient implements EnvironmentCustomizer {

    private static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.runtimeMainClass(MAIN_CLASS);
        spec.runtimeClasspath().clear();
        spec.runtimeClasspath().addAll(List.of(location(MAIN_CLASS),
                location("com.amazonaws.services.lambda.runtime.Context"),
                location("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"),
                location("software.amazon.awssdk.utilslite.SdkInternalThreadLocal")));
        spec.runtimeArguments().add(function.handler());
    }

    private static String location(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
