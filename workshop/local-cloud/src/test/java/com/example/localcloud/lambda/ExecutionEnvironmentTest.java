package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutionEnvironmentTest {

    @Test
    void anInitThatTimedOutAloneSaysOnlySo() {
        assertThat(ExecutionEnvironment.initTooLong(20, 1, 2)).isEqualTo("init took longer than 20 s");
    }

    @Test
    void anInitThatTimedOutBesideOthersNamesTheSharedProcessors() {
        assertThat(ExecutionEnvironment.initTooLong(20, 7, 2)).isEqualTo("init took longer than 20 s, with 7 environments"
                + " starting at once on 2 processors: JVMs that start together share them (on AWS each has its own);"
                + " fewer requests at a time start fewer");
        assertThat(ExecutionEnvironment.initTooLong(13, 2, 1)).contains("on 1 processor:");
    }

    /** A local cloud stopped as a whole (a laptop that slept) notices a timeout long after it: that is said, not blamed on the code. */
    @Test
    void aTimeoutNoticedFarPastTheLimitSaysTheLocalCloudWasHeldUp() {
        assertThat(ExecutionEnvironment.heldUp(10, 10)).isEmpty();
        assertThat(ExecutionEnvironment.heldUp(19, 10)).isEmpty();
        assertThat(ExecutionEnvironment.heldUp(121, 10)).hasValue("(noticed after 121 s, not 10: the local cloud was held up,"
                + " as when the machine sleeps or is swamped, so the function's code may not be the cause)");
    }
}
