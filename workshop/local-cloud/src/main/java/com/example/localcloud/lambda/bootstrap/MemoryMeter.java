package com.example.localcloud.lambda.bootstrap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Max Memory Used" as this JVM sees it, for the local cloud where it cannot measure the process
 * from outside (macOS, Windows): what the JVM has committed. Where {@code /proc} exists (Linux) the
 * local cloud reads the peak resident memory itself, so nothing is measured or sent here: reading
 * {@code /proc/self/status} on every invocation cost about 0.2 ms of the invocation's Duration
 * (workshop/DESIGN-NOTES.md, "The warm path").
 */
final class MemoryMeter {

    /** Checked once: the local cloud measures from outside wherever this exists. */
    private static final boolean MEASURED_FROM_OUTSIDE = Files.isDirectory(Path.of("/proc/self"));

    private MemoryMeter() {
    }

    /** The figure to send, or -1 when the local cloud measures it itself. */
    static long maxUsedMegabytes() {
        if (MEASURED_FROM_OUTSIDE) {
            return -1;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()) / (1024 * 1024);
    }
}
