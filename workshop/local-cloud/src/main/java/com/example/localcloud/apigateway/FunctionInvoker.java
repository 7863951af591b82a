package com.example.localcloud.apigateway;

import com.example.localcloud.lambda.InvocationResult;

/**
 * What API Gateway needs of Lambda: a synchronous invoke. The local cloud passes
 * {@code LambdaService::invoke}; tests pass a cheap fake, so the gateway's own behaviour is tested
 * over real HTTP without starting function JVMs.
 */
@FunctionalInterface
public interface FunctionInvoker {

    /** Invokes a function with an event (JSON) and waits for the outcome. */
    InvocationResult invoke(String functionName, byte[] event) throws InterruptedException;
}
