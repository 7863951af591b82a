package com.example.localcloud.lambda.bootstrap;

/** The function's settings, read from the environment variables Lambda sets. */
record FunctionSettings(String functionName, String functionVersion, int memoryLimitMb, String logGroupName,
                        String logStreamName) {

    static FunctionSettings fromEnvironment() {
        return new FunctionSettings(
                System.getenv("AWS_LAMBDA_FUNCTION_NAME"),
                System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")),
                System.getenv("AWS_LAMBDA_LOG_GROUP_NAME"),
                System.getenv("AWS_LAMBDA_LOG_STREAM_NAME"));
    }
}
