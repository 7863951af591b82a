package com.example.loadtest.live;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What the load test prints, also shown on the page while the stages start: each line goes to the
 * terminal as usual and to {@code status}. (A progress line rewritten with '\r' counts as its last version.)
 */
public final class StatusLines extends OutputStream {
    private final PrintStream terminal;
    private final Consumer<String> status;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private StatusLines(PrintStream terminal, Consumer<String> status) {
        this.terminal = terminal;
        this.status = status;
    }

    public static PrintStream tee(PrintStream terminal, Consumer<String> status) {
        return new PrintStream(new StatusLines(terminal, status), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        terminal.write(b);
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            text = text.substring(text.lastIndexOf('\r') + 1).strip();
            if (!text.isEmpty()) {
                status.accept(text);
            }
        } else {
            line.write(b);
        }
    }

    @Override
    public void flush() {
        terminal.flush();
    }
}
