package com.example.localcloud.lambda;

/** Told about every invocation once it is over (e.g. by a load test counting cold starts). */
@FunctionalInterface
public interface InvocationListener {

    void invocationFinished(InvocationReport report);
}
