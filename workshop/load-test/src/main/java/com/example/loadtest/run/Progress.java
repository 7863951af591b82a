package com.example.loadtest.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live progress line: {@code step-4 load  1200/2000  60%  errors 0  415 req/s  4.8 s}.
 * On a terminal it is rewritten in place every half second; otherwise (CI, a pipe) a new line
 * is printed every five seconds so logs stay readable.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final LongSupplier done;
    private final LongSupplier errors;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    /**
     * @param total how many requests are planned, or 0 when the run is bounded by time
     */
    public Progress(PrintStream out, String label, long total, LongSupplier done, LongSupplier errors, boolean interactive) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.done = done;
        this.errors = errors;
        this.interactive = interactive;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-test-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = interactive ? 500 : 5000;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether standard output looks like a terminal, where a line can be rewritten with '\r': not a
     * pipe or a file, and not a terminal that says it cannot (TERM=dumb: Emacs's shell, some
     * screen-reader set-ups, where each rewrite is a new line read out again).
     */
    public static boolean terminal() {
        java.io.Console console = System.console();
        return terminal(console != null && isTerminal(console), System.getenv("TERM"));
    }

    static boolean terminal(boolean consoleIsATerminal, String term) {
        return consoleIsATerminal && !"dumb".equals(term);
    }

    /** JDK 22 and later give a Console for a pipe too, and say whether it is a terminal (Console.isTerminal). */
    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException before22) {
            return true; // before JDK 22 there is a Console only for a terminal
        }
    }

    String line() {
        long count = done.getAsLong();
        double seconds = Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s %7d", label, count));
        if (total > 0) {
            line.append(String.format(Locale.ROOT, "/%d  %3d%%", total, Math.min(100, count * 100 / total)));
        }
        line.append(String.format(Locale.ROOT, "  errors %d  %5.0f req/s  %.1f s",
                errors.getAsLong(), seconds > 0 ? count / seconds : 0, seconds));
        return line.toString();
    }

    private synchronized void print() {
        if (interactive) {
            out.print("\r" + line() + "   ");
        } else {
            out.println(line());
        }
        out.flush();
    }

    /** Stops the timer and prints the final line. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (interactive) {
            out.println("\r" + line() + "   ");
        } else {
            out.println(line());
        }
        out.flush();
    }
}
