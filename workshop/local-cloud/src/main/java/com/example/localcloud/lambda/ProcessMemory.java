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

    /** Peak resident set size, in kB. */
    private static final String PEAK_RESIDENT = "VmHWM:";

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

    /**
     * The {@code VmHWM:} line of {@code /proc/<pid>/status} ("VmHWM:    151236 kB"). Read after
     * every invocation, before the REPORT line, so it looks for that one line in the bytes instead
     * of splitting the file into lines and stripping each with a regular expression
     * (workshop/DESIGN-NOTES.md, "The warm path").
     */
    static OptionalLong fromProcStatus(Path status) {
        try {
            String text = "\n" + new String(Files.readAllBytes(status), StandardCharsets.US_ASCII);
            int line = text.indexOf("\n" + PEAK_RESIDENT);
            if (line < 0) {
                return OptionalLong.empty();
            }
            int start = line + 1 + PEAK_RESIDENT.length();
            while (start < text.length() && !Character.isDigit(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            return end == start ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text, start, end, 10) / 1024);
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // the process is gone
        }
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
