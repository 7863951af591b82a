package com.example.loadtest.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Processor time spent per request, by who spent it: the environments' JVMs (this JVM's child
 * processes) and the parts of this JVM (the local cloud's services and the load test's client,
 * told apart by their threads' names). It moves less than latency when other programs share the
 * machine, though still with how fast the processors run that day: compare it within one run.
 *
 * <p>On Linux also the threads' voluntary context switches (a thread that waits and is woken:
 * each hand-over between threads costs one), read from {@code /proc}; a count, so the same on a
 * busy machine as on a quiet one. Linux keeps only a thread name's first 15 characters there, which
 * the groups' patterns allow for.
 */
public final class CpuTime {

    /** Thread names of this JVM, grouped. The first matching group counts a thread; the rest is "other". */
    private static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry("API Gateway (Jetty)", Pattern.compile("api-gateway.*")),
            Map.entry("Runtime API (JDK HTTP server)", Pattern.compile("runtime-api.*|HTTP-Dispatcher")),
            Map.entry("Momento server and its proxy", Pattern.compile("grpc-.*|momento-.*|local-momento-.*")),
            Map.entry("DynamoDB Local", Pattern.compile("dynamodb-local.*|SQLiteQueue.*")),
            Map.entry("load test's HTTP client", Pattern.compile("HttpClient-.*|.*LoadTest.*|com\\.example\\.loa.*|main")));
    static final String ENVIRONMENTS = "environments' JVMs (function code, C1)";
    static final String OTHER = "other threads of the local cloud's JVM";

    private static final Path OWN_THREADS = Path.of("/proc/self/task");

    /** Per group, each thread's (or child process's) processor time: counted per thread, see {@link #since}. */
    private final Map<String, Map<Long, Long>> nanos;
    private final Map<String, Map<Long, Long>> wakeUps;

    private CpuTime(Map<String, Map<Long, Long>> nanos, Map<String, Map<Long, Long>> wakeUps) {
        this.nanos = nanos;
        this.wakeUps = wakeUps;
    }

    /** Now, for every group; processes and threads that end before {@link #since} are not counted. */
    public static CpuTime now() {
        Map<String, Map<Long, Long>> totals = new LinkedHashMap<>();
        GROUPS.forEach(group -> totals.put(group.getKey(), new HashMap<>()));
        totals.put(OTHER, new HashMap<>());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    totals.get(group(info.getThreadName())).put(info.getThreadId(), cpu);
                }
            }
        }
        Map<Long, Long> children = new HashMap<>();
        ProcessHandle.current().descendants().forEach(process ->
                children.put(process.pid(), process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        totals.put(ENVIRONMENTS, children);
        return new CpuTime(totals, wakeUps());
    }

    /** Voluntary context switches per group, this JVM's threads by their (15-character) names; empty without /proc. */
    private static Map<String, Map<Long, Long>> wakeUps() {
        Map<String, Map<Long, Long>> totals = new LinkedHashMap<>();
        if (!Files.isDirectory(OWN_THREADS)) {
            return totals;
        }
        try (Stream<Path> threads = Files.list(OWN_THREADS)) {
            threads.forEach(thread -> totals.computeIfAbsent(group(read(thread.resolve("comm")).strip()), group -> new HashMap<>())
                    .put(Long.parseLong(thread.getFileName().toString()), voluntarySwitches(thread)));
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        Map<Long, Long> children = new HashMap<>();
        ProcessHandle.current().descendants().forEach(process -> {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                children.put(process.pid(), threads.mapToLong(CpuTime::voluntarySwitches).sum());
            } catch (IOException | UncheckedIOException e) {
                // ended meanwhile
            }
        });
        totals.put(ENVIRONMENTS, children);
        return totals;
    }

    private static long voluntarySwitches(Path thread) {
        for (String line : read(thread.resolve("status")).split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    static String group(String threadName) {
        return GROUPS.stream().filter(group -> group.getValue().matcher(threadName).matches())
                .map(Map.Entry::getKey).findFirst().orElse(OTHER);
    }

    /** Milliseconds per request spent since {@code before}, per group, in the order above. */
    public Map<String, Double> since(CpuTime before, long requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        nanos.forEach((group, now) -> perRequest.put(group, growth(now, before.nanos.get(group)) / 1e6 / requests));
        return perRequest;
    }

    /** Thread wake-ups (voluntary context switches) per request since {@code before}, per group; empty without /proc. */
    public Map<String, Double> wakeUpsSince(CpuTime before, long requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        wakeUps.forEach((group, now) -> perRequest.put(group, growth(now, before.wakeUps.get(group)) / (double) requests));
        return perRequest;
    }

    /**
     * What the threads (or processes) alive now added since {@code before}, each against its own
     * earlier figure: a group's total would drop when one of its threads ends, and hide the others' work.
     */
    private static long growth(Map<Long, Long> now, Map<Long, Long> before) {
        long growth = 0;
        for (Map.Entry<Long, Long> each : now.entrySet()) {
            long earlier = before == null ? 0 : before.getOrDefault(each.getKey(), 0L);
            growth += Math.max(0, each.getValue() - earlier);
        }
        return growth;
    }
}
