package com.example.localcloud.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * "Max Memory Used" of an environment, measured from outside its process so that it is right
 * whatever runtime client runs in it. Lambda measures the sandbox; the closest here is the
 * process's resident memory.
 *
 * <ul>
 *   <li>Linux: the peak resident set size, {@code VmHWM} in {@code /proc/<pid>/status}, as Lambda's figure is a peak.</li>
 *   <li>macOS: the resident size now ({@code ps -o rss=}); the caller keeps the largest value seen.</li>
 *   <li>Windows: the working set now ({@code tasklist}); the caller keeps the largest value seen.</li>
 * </ul>
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /**
     * For the REPORT line after an invocation. Where {@code /proc} is missing, a runtime's own
     * figure ({@code reportedMb > 0}, the local bootstrap sends one) saves starting a command.
     */
    static long maxUsedMegabytes(long pid, long reportedMb) {
        if (reportedMb > 0 && !Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            return reportedMb;
        }
        return residentMegabytes(pid).orElse(reportedMb);
    }

    /** The process's resident memory in MB (peak on Linux), or empty if it cannot be told. */
    static OptionalLong residentMegabytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (Files.isReadable(status)) {
            return fromProcStatus(status);
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return kilobytesToMegabytes(run("tasklist", "/FI", "PID eq " + pid, "/FO", "CSV", "/NH"), "\"([\\d.,\\s\u00a0]+) K\"");
        }
        return kilobytesToMegabytes(run("ps", "-o", "rss=", "-p", Long.toString(pid)), "^\\s*(\\d+)\\s*$");
    }

    static OptionalLong fromProcStatus(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) { // peak resident set size, in kB
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone
        }
        return OptionalLong.empty();
    }

    private static OptionalLong kilobytesToMegabytes(String output, String pattern) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.MULTILINE).matcher(output);
        if (!matcher.find()) {
            return OptionalLong.empty();
        }
        String digits = matcher.group(1).replaceAll("\\D", "");
        return digits.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(digits) / 1024);
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            process.waitFor(5, TimeUnit.SECONDS);
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
