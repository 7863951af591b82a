package com.example.localcloud.startup;

import com.example.localcloud.apigateway.ApiGateway;
import com.example.localcloud.apigateway.RouteTable;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.lambda.FunctionCredentials;
import com.example.localcloud.lambda.LambdaService;
import com.example.localcloud.service.RunningServices;

/**
 * A local cloud once every part runs.
 *
 * @param services every part, in start-up order (closing it stops them all, newest first)
 */
public record StartedCloud(ServerlessConfig config, RouteTable routes, FunctionCredentials credentials,
                           RunningServices services, LambdaService lambda, ApiGateway apiGateway) {
}
