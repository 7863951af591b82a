package com.example.localcloud.service;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.EnvironmentCustomizer;
import com.example.localcloud.lambda.EnvironmentSpec;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the local cloud (DynamoDB, Secrets Manager, Momento, Kinesis, the streams' pollers,
 * IAM, Lambda, API Gateway): how it starts, what it adds to each function's execution environment,
 * its control routes under {@code /_local/<name>/...}, and how it stops. Adding a service means
 * writing one of these and adding its {@link Starter} to the start-up order; nothing else changes.
 */
public interface LocalService extends EnvironmentCustomizer, AutoCloseable {

    /** Starts a service once those before it in the start-up order run (it may use them: {@link ServiceContext#running()}). */
    @FunctionalInterface
    interface Starter {
        /** @return the running service, or {@code null} when this stage does not need it (no Kinesis stream, say) */
        LocalService start(ServiceContext context) throws Exception;
    }

    /** Lower case, as in {@code /_local/<name>/...}, e.g. {@code dynamodb}. */
    String name();

    /**
     * What a function needs to reach this service with the real AWS SDK or Momento client (an
     * {@code AWS_ENDPOINT_URL_*} variable, JVM proxy settings, ...). Called before each
     * environment's JVM starts. Nothing by default.
     */
    @Override
    default void customize(FunctionConfig function, EnvironmentSpec spec) {
    }

    /**
     * Answers a request to {@code /_local/<name>/<path>}: counters, fault injection, ... for guides,
     * tests and live demos. Empty (the default) when this service has no such route.
     */
    default Optional<OutgoingResponse> control(ControlRequest request) {
        return Optional.empty();
    }

    /**
     * Whether {@code request}, answered 2xx, changed something (the live dashboard marks each change
     * on its charts). By default every method but GET and HEAD does; a service whose POST routes
     * can also only read says which.
     */
    default boolean changes(ControlRequest request) {
        return !request.method().equals("GET") && !request.method().equals("HEAD");
    }

    /** What {@code GET /_local/endpoints} tells tools about this service (where it listens, what it holds). */
    default Map<String, Object> endpoints() {
        return Map.of();
    }

    /** The calls this service answered and their time in all, if it measures them (DynamoDB, Momento). */
    default CallTimer.Totals callTimes() {
        return CallTimer.Totals.ZERO;
    }

    /** Stops it; never throws (the services after it must still stop). */
    @Override
    void close();

    /** A part with nothing to add to environments and no routes (API Gateway, say), under a name. */
    static LocalService closing(String name, AutoCloseable part) {
        return new LocalService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                try {
                    part.close();
                } catch (Exception e) {
                    // stopping anyway: the services before it must still stop
                }
            }
        };
    }
}
