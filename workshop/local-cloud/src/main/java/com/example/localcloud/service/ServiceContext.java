package com.example.localcloud.service;

import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.lambda.FunctionCredentials;
import java.util.function.Consumer;

/**
 * What a service gets when it starts.
 *
 * @param config      the stage's serverless.yml, resolved
 * @param credentials each function's access key id (IAM tells functions apart by it)
 * @param iam         the one check every service asks before it runs a function's call
 * @param log         where messages go (standard output by default)
 * @param running     the services started before this one, e.g. Momento for Secrets Manager's key
 */
public record ServiceContext(ServerlessConfig config, FunctionCredentials credentials, AccessCheck iam,
                             Consumer<String> log, RunningServices running) {
}
