package com.example.localcloud.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one execution environment JVM is started: extra JVM arguments, its environment variables
 * and the runtime client it runs. {@link EnvironmentCustomizer}s change it before each start.
 */
public final class EnvironmentSpec {

    private final List<String> jvmArguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> runtimeClasspath = new ArrayList<>();
    private final List<String> runtimeArguments = new ArrayList<>();
    private String runtimeMainClass;

    /** Extra arguments for the {@code java} command, e.g. {@code -Dhttps.proxyHost=127.0.0.1}; mutable. */
    public List<String> jvmArguments() {
        return jvmArguments;
    }

    /** The environment variables the function sees; mutable. */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * The runtime client's main class: the local bootstrap unless changed, e.g. to Amazon's
     * {@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}.
     */
    public String runtimeMainClass() {
        return runtimeMainClass;
    }

    public void runtimeMainClass(String mainClass) {
        this.runtimeMainClass = mainClass;
    }

    /** The runtime client's class path (the function's code is not on it: the runtime loads it). Mutable. */
    public List<String> runtimeClasspath() {
        return runtimeClasspath;
    }

    /** Arguments for the runtime client's main method (Amazon's takes the handler name); mutable. */
    public List<String> runtimeArguments() {
        return runtimeArguments;
    }
}
