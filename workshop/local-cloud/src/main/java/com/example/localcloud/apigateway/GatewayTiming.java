package com.example.localcloud.apigateway;

/**
 * Where the local API Gateway's time went on one request that reached a function: the local
 * cloud's part of a request's time budget (the load test's {@code profile} prints it).
 *
 * @param functionName    the function the route invoked
 * @param lambdaRequestId the invocation's request id, as in its REPORT line
 * @param gatewayMs       from reading the request to handing the response to the HTTP server
 * @param invokeMs        the part of it spent invoking Lambda (finding an environment, the Runtime
 *                        API both ways, the function's Duration)
 * @param status          the HTTP status API Gateway answered with (502 when the invocation failed)
 */
public record GatewayTiming(String functionName, String lambdaRequestId, double gatewayMs, double invokeMs, int status) {
}
