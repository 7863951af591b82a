package com.example.localcloud.startup;

import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.lambda.EnvironmentCustomizer;
import com.example.localcloud.service.ControlLog;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to start a local cloud (see {@code LocalCloud.Builder} for each option's meaning and default).
 *
 * @param customizers added to every execution environment after the services' own settings
 * @param controlLog  where the {@code /_local} routes write down their changes (kept across redeploys)
 * @param keepIdleEnvironments never stop an execution environment for going without events
 */
public record StartOptions(Path stageDirectory, int port, boolean build, boolean watch, int dynamoDbPort,
                           int maxEnvironmentsPerFunction, LoadOptions loadOptions, List<EnvironmentCustomizer> customizers,
                           boolean enforceIam, Consumer<String> log, ControlLog controlLog, boolean keepIdleEnvironments) {

    public StartOptions {
        customizers = List.copyOf(customizers);
    }

    /** The same, on a known port (a redeploy keeps the port the first start picked). */
    public StartOptions onPort(int knownPort) {
        return new StartOptions(stageDirectory, knownPort, build, watch, dynamoDbPort, maxEnvironmentsPerFunction, loadOptions,
                customizers, enforceIam, log, controlLog, keepIdleEnvironments);
    }
}
