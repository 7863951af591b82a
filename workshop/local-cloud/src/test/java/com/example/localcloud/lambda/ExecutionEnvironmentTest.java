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
}
