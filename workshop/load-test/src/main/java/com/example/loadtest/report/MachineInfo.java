package com.example.loadtest.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine the figures were measured on, read at run time (never written down by hand).
 *
 * @param cpuModel    from /proc/cpuinfo where there is one, else "unknown"
 * @param memoryBytes physical memory, or 0 if the JVM cannot tell
 */
public record MachineInfo(String os, String osVersion, String arch, int cpus, String cpuModel, long memoryBytes,
                          String javaVersion, String javaVendor) {

    public static MachineInfo current() {
        return new MachineInfo(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), readCpuModel().orElse("unknown"), readMemory(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")), System.getProperty("java.vendor"));
    }

    /** E.g. {@code Linux 6.1.0 (amd64), 2 CPUs (Intel Xeon ...), 23.4 GB, Java 17.0.15+6 (Debian)}. */
    public String summary() {
        return os + " " + osVersion + " (" + arch + "), " + cpus + " CPU" + (cpus == 1 ? "" : "s")
                + ("unknown".equals(cpuModel) ? "" : " (" + cpuModel + ")")
                + (memoryBytes > 0 ? ", " + Numbers.decimal(memoryBytes / 1e9, 1) + " GB memory" : "")
                + ", Java " + javaVersion + " (" + javaVendor + ")";
    }

    private static Optional<String> readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip().replaceAll("\\s+", " "))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long readMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
