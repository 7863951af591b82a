package com.example.localcloud.lambda;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
     * Without {@code /proc}: a runtime's own figure ({@code reportedMb > 0}, the local bootstrap
     * sends one) saves starting a command; else the resident memory now, from {@code ps} or
     * {@code tasklist} (the caller keeps the largest value seen).
     */
    private static long withoutProc(long pid, long reportedMb) {
        if (reportedMb > 0) {
            return reportedMb;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        OptionalLong resident = os.startsWith("windows")
                ? kilobytesToMegabytes(run("tasklist", "/FI", "PID eq " + pid, "/FO", "CSV", "/NH"), "\"([\\d.,\\s\u00a0]+) K\"")
                : kilobytesToMegabytes(run("ps", "-o", "rss=", "-p", Long.toString(pid)), "^\\s*(\\d+)\\s*$");
        return resident.orElse(reportedMb);
    }

    /**
     * The {@code VmHWM:} line of {@code /proc/<pid>/status} ("VmHWM:    151236 kB") in MB. Read
     * after every invocation, before the REPORT line, so it looks for that one line in the text
     * instead of splitting it into lines (workshop/DESIGN-NOTES.md, "The warm path").
     */
    static OptionalLong peakFromStatus(String status) {
        String text = "\n" + status;
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
    }

    /** Measures one process after each of its invocations. */
    static Meter meter(long pid) {
        return new Meter(pid, Path.of("/proc", Long.toString(pid), "status"));
    }

    /**
     * Where {@code /proc} exists (Linux), keeps the process's status file open and reads it from
     * its start each time (the kernel writes it afresh): a third of the cost of opening it per
     * invocation. Elsewhere, or if it cannot be opened, {@link #withoutProc}.
     */
    static final class Meter implements AutoCloseable {
        private final long pid;
        private final FileChannel status;
        private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);

        Meter(long pid, Path statusFile) {
            this.pid = pid;
            FileChannel opened;
            try {
                opened = FileChannel.open(statusFile, StandardOpenOption.READ);
            } catch (IOException | UnsupportedOperationException e) {
                opened = null; // no /proc (macOS, Windows), or the process is gone
            }
            this.status = opened;
        }

        /** For the REPORT line after an invocation: the peak, or the runtime's own figure where that cannot be read. */
        synchronized long maxUsedMegabytes(long reportedMb) {
            if (status == null) {
                return withoutProc(pid, reportedMb);
            }
            try {
                buffer.clear();
                int read = status.read(buffer, 0);
                String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII);
                return peakFromStatus(text).orElse(reportedMb);
            } catch (IOException e) {
                return reportedMb; // the process is gone
            }
        }

        @Override
        public synchronized void close() {
            if (status != null) {
                try {
                    status.close();
                } catch (IOException e) {
                    // nothing to release then
                }
            }
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
