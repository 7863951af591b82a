package com.example.localcloud.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Copies an environment's output (standard output and error, merged into one file as Lambda
 * merges them into one log stream) to the local cloud's log, one tagged line at a time.
 *
 * <p>A file rather than a pipe, because its size says exactly how much the runtime has written:
 * when a result arrives, {@link #catchUp()} echoes everything printed before it, so the
 * handler's lines come before the REPORT line without waiting for any signal from the runtime
 * (Amazon's runtime client sends none). Between invocations a shared thread looks for new output
 * every few milliseconds.
 */
final class EnvironmentOutput implements AutoCloseable {

    private static final long POLL_MILLIS = 25;
    private static final ScheduledExecutorService FOLLOWER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "environment-output");
        thread.setDaemon(true);
        return thread;
    });

    private final FileChannel file;
    private final String tag;
    private final Consumer<String> log;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ScheduledFuture<?> follower;
    private long position;
    private boolean closed;

    private EnvironmentOutput(FileChannel file, String tag, Consumer<String> log) {
        this.file = file;
        this.tag = tag;
        this.log = log;
        this.follower = FOLLOWER.scheduleWithFixedDelay(this::echoCompleteLines, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts echoing {@code file}, which the environment's process writes to. */
    static EnvironmentOutput follow(Path file, String tag, Consumer<String> log) throws IOException {
        return new EnvironmentOutput(FileChannel.open(file, StandardOpenOption.READ), tag, log);
    }

    /** Echoes everything written so far, a last unfinished line too (the runtime is waiting, not writing). */
    synchronized void catchUp() {
        echo(true);
    }

    private synchronized void echoCompleteLines() {
        echo(false);
    }

    private void echo(boolean includingUnfinishedLine) {
        if (closed) {
            return;
        }
        try {
            while (true) {
                buffer.clear();
                int read = file.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                position += read;
                for (int i = 0; i < read; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        emitLine();
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException e) {
            return; // the file is gone: the environment was cleaned up
        }
        if (includingUnfinishedLine && line.size() > 0) {
            emitLine();
        }
    }

    private void emitLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        log.accept("[" + tag + "] " + (text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
    }

    /** Echoes what is left and stops following. */
    @Override
    public synchronized void close() {
        follower.cancel(false);
        echo(true);
        closed = true;
        try {
            file.close();
        } catch (IOException e) {
            // nothing more to read
        }
    }
}
