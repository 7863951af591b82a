package com.example.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** -DstopWith: the local cloud stops when the process that started it ends, however it ended. */
class StopWithTest {

    @Test
    void stopsWhenTheOwnerEnds() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        CountDownLatch stopped = new CountDownLatch(1);

        Main.stopWith(String.valueOf(owner.pid()), stopped::countDown);
        owner.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());

        assertThat(stopped.await(30, TimeUnit.SECONDS)).as("stopped once the owner ended").isTrue();
    }

    @Test
    void aLivingOwnerKeepsItRunningAndNoOptionMeansNoWatch() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);

        long living = ProcessHandle.current().parent().orElseThrow().pid(); // the build that runs this test
        Main.stopWith(String.valueOf(living), stopped::countDown);
        Main.stopWith(null, stopped::countDown);

        assertThat(stopped.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }
}
