package com.example.localcloud.lambda.bootstrap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Max Memory Used" as this JVM sees it: its peak resident memory (Linux), else what it has
 * committed. The local cloud measures the process from outside (any runtime client); it uses this
 * figure only where it cannot, on macOS and Windows, to spare starting a command per invocation.
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
