package com.example.localcloud.streams;

import com.example.localcloud.lambda.InvocationResult;

/** How a poller invokes its function: the local Lambda ({@code LambdaService::invoke}), or a test's stand-in. */
@FunctionalInterface
interface FunctionInvoker {
    InvocationResult invoke(String functionName, byte[] event) throws InterruptedException;
}
