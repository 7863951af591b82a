package com.example.localcloud.lambda.bootstrap;

/**
 * A line the runtime writes to standard output and error after each invocation, before it posts
 * the result. The local cloud does not show it: it waits for it, so that an invocation's log
 * lines always come before its REPORT line, as in CloudWatch.
 */
public final class EndOfOutput {

    public static final String PREFIX = "\u0000local-cloud-end-of-output ";

    private EndOfOutput() {
    }

    static void write(String requestId) {
        System.out.println(PREFIX + requestId);
        System.out.flush();
        System.err.println(PREFIX + requestId);
        System.err.flush();
    }
}
