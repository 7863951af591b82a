package com.example.localcloud.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one execution environment JVM is started: extra JVM arguments and its environment
 * variables. {@link EnvironmentCustomizer}s change it before each start.
 */
public final class EnvironmentSpec {

    private final List<String> jvmArguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** Extra arguments for the {@code java} command, e.g. {@code -Dhttps.proxyHost=127.0.0.1}; mutable. */
    public List<String> jvmArguments() {
        return jvmArguments;
    }

    /** The environment variables the function sees; mutable. */
    public Map<String, String> environment() {
        return environment;
    }
}
