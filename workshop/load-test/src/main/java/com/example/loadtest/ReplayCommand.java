package com.example.loadtest;

import com.example.localcloud.dashboard.DashboardServer;
import com.example.localcloud.dashboard.Timeline;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code replay}: a finished {@code compare --dashboard} run, in the same page, from its results folder. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, version = LoadTest.VERSION,
        description = "Serves the live dashboard again with a finished run (the timeline.json that compare --dashboard "
                + "wrote into its results folder), drawn whole; the page's Replay button plays a timeline.json you choose. Ctrl-C to quit.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<results folder or timeline.json>")
    Path run;

    @Option(names = "--dashboard-port", defaultValue = "0", paramLabel = "<port>",
            description = "Port on localhost (default: any free port).")
    int port;

    private final PrintStream out;
    private final CountDownLatch quit;

    /** @param quit the command serves until this opens (never, from the command line: Ctrl-C ends it) */
    ReplayCommand(PrintStream out, CountDownLatch quit) {
        this.out = out;
        this.quit = quit;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path file = Files.isDirectory(run) ? run.resolve(Timeline.FILE) : run;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + file + ": give a results folder of compare --dashboard, or its timeline.json");
        }
        try (DashboardServer dashboard = DashboardServer.start(port, Timeline.read(file))) {
            out.println("Dashboard: " + dashboard.uri() + "  (the run of " + file + "; Ctrl-C to quit)");
            quit.await();
        }
        return 0;
    }
}
