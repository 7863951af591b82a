package com.example.localcloud.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reload on edit ({@code -Dwatch=true}): when the stage's {@code src/} or {@code pom.xml} changes,
 * rebuild its jar and retire every execution environment, so the next requests meet new
 * environments (cold starts) running the new code, as after a deploy. A failed build leaves the
 * old code serving. A changed {@code serverless.yml} (routes, roles, tables, variables) redeploys:
 * every service starts again from it, on the same port.
 */
public final class StageWatcher implements AutoCloseable {
    /** Editors save in bursts (write, rename, touch): build once the files have been quiet this long. */
    static final Duration QUIET = Duration.ofMillis(400);

    /** What a reload does: build the jar (throws when the build fails), then retire the old environments. */
    public interface Reload {
        void build();

        void retireEnvironments();

        /** serverless.yml changed: build, then start everything again from it (keeping the old on any error). */
        void redeploy();

        /** The last redeploy stopped the deployment and could not start it again: any change then deploys. */
        default boolean deploymentIsDown() {
            return false;
        }
    }

    private final Path stage;
    private final Reload reload;
    private final Consumer<String> log;
    private final WatchService watcher;
    private final Set<Path> watched = new HashSet<>();
    private final Thread thread;

    StageWatcher(Path stage, Reload reload, Consumer<String> log) throws IOException {
        this.stage = stage;
        this.reload = reload;
        this.log = log;
        this.watcher = FileSystems.getDefault().newWatchService();
        watch(stage);
        if (Files.isDirectory(stage.resolve("src"))) {
            watchTree(stage.resolve("src"));
        }
        this.thread = new Thread(this::run, "stage-watcher");
        this.thread.setDaemon(true);
    }

    public static StageWatcher start(Path stage, Reload reload, Consumer<String> log) throws IOException {
        StageWatcher watcher = new StageWatcher(stage, reload, log);
        watcher.thread.start();
        log.accept("Watching " + stage.relativize(stage.resolve("src")) + "/ and pom.xml: an edit rebuilds the jar, and the next"
                + " requests get new execution environments; an edit of serverless.yml redeploys.");
        return watcher;
    }

    private void run() {
        try {
            while (true) {
                Set<Path> changed = new HashSet<>(changes(watcher.take()));
                // Collect the rest of the burst.
                for (WatchKey more = watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) {
                    changed.addAll(changes(more));
                }
                react(changed);
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // the local cloud is stopping
        }
    }

    void react(Set<Path> changed) {
        if (changed.contains(stage.resolve("serverless.yml"))) {
            reload.redeploy();
            return;
        }
        boolean code = changed.stream().anyMatch(path -> path.startsWith(stage.resolve("src")) || path.equals(stage.resolve("pom.xml")));
        if (!code) {
            return;
        }
        if (reload.deploymentIsDown()) {
            // No environment to retire: deploy again, which builds the new code too.
            reload.redeploy();
            return;
        }
        long started = System.nanoTime();
        log.accept("Change in " + describe(changed) + ": rebuilding...");
        try {
            reload.build();
        } catch (RuntimeException failed) {
            log.accept("The build failed (the output above says why): the previous code keeps serving. " + failed.getMessage());
            return;
        }
        reload.retireEnvironments();
        log.accept(String.format(Locale.ROOT, "Rebuilt in %.1f s: the next requests start new execution environments with the new code.",
                (System.nanoTime() - started) / 1e9));
    }

    private String describe(Set<Path> changed) {
        // What is still there: an editor's temporary files (sed's sedXXXXXX, say) are gone by now.
        Set<Path> files = changed.stream().anyMatch(Files::exists)
                ? changed.stream().filter(Files::exists).collect(Collectors.toSet()) : changed;
        return files.stream().map(path -> stage.relativize(path).toString().replace('\\', '/')).sorted()
                .limit(3).reduce((a, b) -> a + ", " + b).orElse("the stage") + (files.size() > 3 ? ", ..." : "");
    }

    /** The files a key reports, registering directories that appeared (a new package, say). */
    private Set<Path> changes(WatchKey key) {
        Set<Path> changed = new HashSet<>();
        Path directory = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(stage.resolve("src"));
                continue;
            }
            Path path = directory.resolve((Path) event.context());
            if (directory.equals(stage) && !isWatchedTopLevel(path)) {
                continue; // target/, .git/, notes: not the stage's code
            }
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    watchTree(path);
                } catch (IOException e) {
                    log.accept("Cannot watch " + path + ": " + e.getMessage());
                }
            }
        }
        key.reset();
        return changed;
    }

    private boolean isWatchedTopLevel(Path path) {
        return path.equals(stage.resolve("pom.xml")) || path.equals(stage.resolve("serverless.yml"))
                || path.equals(stage.resolve("src"));
    }

    private void watchTree(Path root) throws IOException {
        try (Stream<Path> directories = Files.walk(root)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                watch(directory);
            }
        }
    }

    private void watch(Path directory) throws IOException {
        if (watched.add(directory)) {
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing left to do
        }
        thread.interrupt();
    }
}
