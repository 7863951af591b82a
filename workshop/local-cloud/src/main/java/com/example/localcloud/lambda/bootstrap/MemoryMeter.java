package com.example.localcloud.lambda.bootstrap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Max Memory Used" for the REPORT line. Lambda measures the whole sandbox; the closest here is
 * the process's peak resident memory (Linux), else what the JVM has committed (other systems).
 */
final class MemoryMeter {

    private static final Path STATUS = Path.of("/proc/self/status");

    private MemoryMeter() {
    }

    static long maxUsedMegabytes() {
        if (Files.isReadable(STATUS)) {
            try {
                for (String line : Files.readAllLines(STATUS)) {
                    if (line.startsWith("VmHWM:")) { // peak resident set size, in kB
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to the JVM's own numbers
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()) / (1024 * 1024);
    }
}
