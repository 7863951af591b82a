package com.example.localcloud.lambda.bootstrap;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * A Java agent ({@code -javaagent}, added by {@code SdkCallTiming} for the load test's
 * {@code profile} only) that times the function's SDK calls without touching its code: each public
 * method of the Momento SDK's {@code CacheClient}, and of the AWS SDK's synchronous service
 * clients ({@code DefaultDynamoDbClient}, ...), reports its time to {@link SdkCallTime}.
 *
 * <p>Byte Buddy's {@code Advice} copies the two small methods below into the SDK's methods as the
 * classes load. The agent costs the environment's Init some time (Byte Buddy's own classes), which
 * is why only {@code profile}, which measures warm requests, uses it.
 */
public final class SdkCallAgent {

    private SdkCallAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        SdkCallTime.startCounting();
        new AgentBuilder.Default()
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .type(named("momento.sdk.CacheClient"))
                .transform((builder, type, classLoader, module, domain) -> builder.visit(Advice.to(FutureCall.class)
                        .on(isPublic().and(not(isStatic())).and(returns(named(CompletableFuture.class.getName()))))))
                .type(nameMatches("software\\.amazon\\.awssdk\\.services\\.\\w+\\.Default\\w+Client")
                        .and(not(nameEndsWith("AsyncClient"))))
                .transform((builder, type, classLoader, module, domain) -> builder.visit(Advice.to(BlockingCall.class)
                        .on(isPublic().and(not(isStatic()))
                                .and(not(namedOneOf("close", "serviceName", "serviceClientConfiguration", "utilities", "waiter"))))))
                .installOn(instrumentation);
    }

    /** Copied into each Momento call: it ends when its future completes. */
    static final class FutureCall {
        @Advice.OnMethodEnter
        static long enter() {
            return SdkCallTime.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter long started,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
            returned = SdkCallTime.exitAsync(returned, started);
        }
    }

    /** Copied into each AWS SDK call: it ends when it returns. */
    static final class BlockingCall {
        @Advice.OnMethodEnter
        static long enter() {
            return SdkCallTime.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter long started) {
            SdkCallTime.exit(started);
        }
    }
}
