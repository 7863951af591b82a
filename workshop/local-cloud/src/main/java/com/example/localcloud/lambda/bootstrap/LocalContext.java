package com.example.localcloud.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The {@link Context} a handler receives, with the same values Lambda gives. */
final class LocalContext implements Context {

    private static final LambdaLogger LOGGER = new StandardOutputLogger();

    private final FunctionSettings settings;
    private final String requestId;
    private final long deadlineEpochMillis;
    private final String invokedFunctionArn;
    private final String traceId;

    LocalContext(FunctionSettings settings, String requestId, long deadlineEpochMillis, String invokedFunctionArn,
                 String traceId) {
        this.settings = settings;
        this.requestId = requestId;
        this.deadlineEpochMillis = deadlineEpochMillis;
        this.invokedFunctionArn = invokedFunctionArn;
        this.traceId = traceId;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return settings.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return settings.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return settings.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return settings.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineEpochMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return settings.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return LOGGER;
    }

    @Override
    public String getXrayTraceId() {
        return traceId;
    }

    /** Lambda's logger writes to the function's log; here that is standard output, which the local cloud echoes. */
    private static final class StandardOutputLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            System.out.print(message.endsWith("\n") ? message : message + "\n");
            System.out.flush();
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
