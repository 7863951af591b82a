package com.example.localcloud.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One function of serverless.yml, with the provider's defaults applied.
 *
 * @param name          the key under {@code functions:} (e.g. {@code createUser})
 * @param deployedName  the Lambda function name a deployment gets: {@code <service>-<stage>-<name>}
 * @param handler       {@code com.example.Handler} or {@code com.example.Handler::method}
 * @param runtime       e.g. {@code java21}
 * @param memorySize    MB; the environment JVM gets it as {@code -Xmx}
 * @param timeoutSeconds after this the invocation fails and the environment is replaced
 * @param environment   the provider's environment merged with the function's (the function wins),
 *                      CloudFormation functions resolved
 * @param httpEvents    the API Gateway routes that invoke this function
 * @param iamStatements statements declared on the function itself ({@code iamRoleStatements}, read
 *                      only with the roles-per-function plugin); the role's are in {@link #role()}
 * @param artifact      the jar the function runs (absolute path)
 * @param streamEvents  the DynamoDB/Kinesis streams whose records invoke this function
 * @param role          the role it runs with; null when built by hand (then the service's shared
 *                      role: see {@link ServerlessConfig#roleFor})
 */
public record FunctionConfig(String name, String deployedName, String handler, String runtime, int memorySize,
                             int timeoutSeconds, Map<String, String> environment, List<HttpEvent> httpEvents,
                             List<IamStatement> iamStatements, Path artifact, List<StreamEvent> streamEvents,
                             FunctionRole role) {

    public FunctionConfig {
        environment = Map.copyOf(environment);
        httpEvents = List.copyOf(httpEvents);
        iamStatements = List.copyOf(iamStatements);
        streamEvents = List.copyOf(streamEvents);
    }

    /** A function built by hand, running with the service's shared role. */
    public FunctionConfig(String name, String deployedName, String handler, String runtime, int memorySize,
                          int timeoutSeconds, Map<String, String> environment, List<HttpEvent> httpEvents,
                          List<IamStatement> iamStatements, Path artifact, List<StreamEvent> streamEvents) {
        this(name, deployedName, handler, runtime, memorySize, timeoutSeconds, environment, httpEvents, iamStatements,
                artifact, streamEvents, null);
    }

    /** A function without stream events. */
    public FunctionConfig(String name, String deployedName, String handler, String runtime, int memorySize,
                          int timeoutSeconds, Map<String, String> environment, List<HttpEvent> httpEvents,
                          List<IamStatement> iamStatements, Path artifact) {
        this(name, deployedName, handler, runtime, memorySize, timeoutSeconds, environment, httpEvents, iamStatements,
                artifact, List.of());
    }
}
