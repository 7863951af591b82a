package com.example.localcloud.lambda.bootstrap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The main class of every execution environment JVM: a small Java runtime that does what AWS's
 * own Java runtime does, talking to the local cloud through the same Runtime API
 * ({@code AWS_LAMBDA_RUNTIME_API}).
 *
 * <ol>
 *   <li>Init (the cold start): load the {@code _HANDLER} class with the function's own class loader
 *   ({@link FunctionClassLoader}, also the main thread's context class loader, as on AWS) and create
 *   the handler once.</li>
 *   <li>Loop: fetch the next event, call the handler, post its response or error.</li>
 * </ol>
 *
 * <p>Plain Java (JDK, aws-lambda-java-core and aws-lambda-java-serialization only), so it runs the
 * same on Linux, macOS and Windows. It never outlives the local cloud: it exits when its standard
 * input closes (the parent died) or when the Runtime API stops answering.
 */
public final class LambdaBootstrap {

    private LambdaBootstrap() {
    }

    public static void main(String[] args) {
        exitWhenParentDies();
        RuntimeApiClient runtimeApi = new RuntimeApiClient(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        HandlerInvoker handler;
        try {
            ClassLoader functionCode = FunctionClassLoader.of(Path.of(System.getenv("LAMBDA_TASK_ROOT")));
            Thread.currentThread().setContextClassLoader(functionCode);
            handler = HandlerInvoker.load(System.getenv("_HANDLER"), functionCode);
        } catch (Throwable e) {
            Throwable cause = HandlerInvoker.unwrap(e);
            cause.printStackTrace();
            runtimeApi.postInitError(ErrorJson.of(cause));
            System.exit(1);
            return;
        }
        FunctionSettings settings = FunctionSettings.fromEnvironment();
        while (true) {
            RuntimeApiClient.Event event = runtimeApi.nextEvent();
            LocalContext context = new LocalContext(settings, event.requestId(), event.deadlineEpochMillis(),
                    event.invokedFunctionArn(), event.traceId());
            try {
                SdkCallTime.take(); // from now on, this invocation's calls (not Init's)
                byte[] response = handler.invoke(event.payload(), context);
                runtimeApi.postResponse(event.requestId(), response, handler.lastHandlerNanos(), SdkCallTime.take());
            } catch (Throwable e) {
                Throwable cause = HandlerInvoker.unwrap(e);
                cause.printStackTrace(); // as Lambda does: the stack trace goes to the function's log
                runtimeApi.postError(event.requestId(), ErrorJson.of(cause));
                if (cause instanceof VirtualMachineError) {
                    System.exit(1); // the JVM is not trustworthy any more; the local cloud starts a new one
                }
            }
        }
    }

    /**
     * The local cloud keeps our standard input open and never writes to it; end of input means it
     * is gone (even if it was killed without a chance to stop us), so we go too.
     */
    private static void exitWhenParentDies() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; wait for end of input
                }
            } catch (IOException e) {
                // same as end of input
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
