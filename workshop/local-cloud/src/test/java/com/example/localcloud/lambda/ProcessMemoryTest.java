package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Max Memory Used" from {@code /proc/<pid>/status}: the peak resident size, VmHWM, in MB. */
class ProcessMemoryTest {

    @TempDir
    Path dir;

    @Test
    void readsThePeakResidentSizeNotTheCurrentOne() {
        String status = """
                Name:\tjava
                VmPeak:\t 5023188 kB
                VmSize:\t 4958676 kB
                VmHWM:\t  154236 kB
                VmRSS:\t  120004 kB
                Threads:\t30
                """;

        assertThat(ProcessMemory.peakFromStatus(status)).hasValue(154236 / 1024);
    }

    @Test
    void findsTheFieldOnTheFirstLineToo() {
        assertThat(ProcessMemory.peakFromStatus("VmHWM:\t2048 kB\nVmRSS:\t1024 kB\n")).hasValue(2);
    }

    @Test
    void isEmptyWithoutTheField() {
        assertThat(ProcessMemory.peakFromStatus("Name:\tkthreadd\nState:\tS (sleeping)\nNotVmHWM:\t99999 kB\n")).isEmpty();
        assertThat(ProcessMemory.peakFromStatus("")).isEmpty();
    }

    @Test
    void aMeterWhoseFileIsGoneGivesTheRuntimesFigure() {
        try (ProcessMemory.Meter meter = new ProcessMemory.Meter(1, dir.resolve("gone"))) {
            assertThat(meter.maxUsedMegabytes(77)).isEqualTo(77);
        }
    }

    @Test
    void aMeterReadsTheFileAfreshEachTime() throws IOException {
        Path status = write("Name:\tjava\nVmHWM:\t  102400 kB\n");
        try (ProcessMemory.Meter meter = new ProcessMemory.Meter(1, status)) {
            assertThat(meter.maxUsedMegabytes(-1)).isEqualTo(100);

            write("Name:\tjava\nVmHWM:\t  204800 kB\n"); // the same file, rewritten, as the kernel does

            assertThat(meter.maxUsedMegabytes(-1)).isEqualTo(200);
        }
    }

    @Test
    void aMeterFallsBackToTheRuntimesFigureWhenTheFileSaysNothing() throws IOException {
        try (ProcessMemory.Meter meter = new ProcessMemory.Meter(1, write("Name:\tjava\n"))) {
            assertThat(meter.maxUsedMegabytes(77)).isEqualTo(77);
        }
    }

    @Test
    void aMeterMeasuresThisJvmOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc here (not Linux)");

        try (ProcessMemory.Meter meter = ProcessMemory.meter(ProcessHandle.current().pid())) {
            assertThat(meter.maxUsedMegabytes(-1))
                    .isGreaterThan(10)
                    .isLessThan(Runtime.getRuntime().maxMemory() / (1024 * 1024) + 4096);
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("status"), text);
    }
}
