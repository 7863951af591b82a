package com.example.localcloud.lambda;

import com.example.localcloud.lambda.bootstrap.EndOfOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies an environment's output to the local cloud's log, one tagged line at a time, and reports
 * the runtime's end-of-output markers ({@link EndOfOutput}) instead of showing them.
 */
final class OutputEcho {

    private OutputEcho() {
    }

    static void start(InputStream output, String tag, Consumer<String> log, Consumer<String> endOfOutput) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(EndOfOutput.PREFIX)) {
                        endOfOutput.accept(line.substring(EndOfOutput.PREFIX.length()));
                    } else {
                        log.accept("[" + tag + "] " + line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "output-" + tag);
        thread.setDaemon(true);
        thread.start();
    }
}
