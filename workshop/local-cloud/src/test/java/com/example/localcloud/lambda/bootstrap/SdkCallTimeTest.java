package com.example.localcloud.lambda.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What SdkCallAgent's inlined calls add up (the agent itself: SdkCallTimingEndToEndTest). */
class SdkCallTimeTest {

    @Test
    void aCallMadeInsideAnotherCountsOnce() throws Exception {
        SdkCallTime.startCounting();
        SdkCallTime.take();

        long outer = SdkCallTime.enter();
        long inner = SdkCallTime.enter();
        Thread.sleep(20);
        SdkCallTime.exit(inner);
        SdkCallTime.exit(outer);

        assertThat(inner).as("nested").isEqualTo(-1);
        long counted = SdkCallTime.take();
        assertThat(counted).isBetween(TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(2_000));
        assertThat(SdkCallTime.take()).as("taken").isZero();
    }

    @Test
    void aFutureCallEndsWhenItsFutureCompletesAndTheCallerWaitsForTheCount() throws Exception {
        SdkCallTime.startCounting();
        SdkCallTime.take();
        CompletableFuture<String> answer = new CompletableFuture<>();

        long started = SdkCallTime.enter();
        Object returned = SdkCallTime.exitAsync(answer, started);

        assertThat(SdkCallTime.take()).as("not answered yet").isZero();
        Thread.sleep(20);
        CompletableFuture.runAsync(() -> answer.complete("hit"));
        assertThat(((CompletableFuture<?>) returned).get(5, TimeUnit.SECONDS)).isEqualTo("hit");
        assertThat(SdkCallTime.take()).as("counted before the caller saw the answer")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }
}
