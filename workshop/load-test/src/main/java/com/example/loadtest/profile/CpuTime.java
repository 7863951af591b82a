package com.example.loadtest.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Processor time spent per request, by who spent it: the environments' JVMs (this JVM's child
 * processes) and the parts of this JVM (the local cloud's services and the load test's client,
 * told apart by their threads' names). Unlike latency, processor time hardly changes when other
 * programs share the machine, so it shows whether a change made a hop cheaper even on a busy one.
 */
public final class CpuTime {

    /** Thread names of this JVM, grouped. The first matching group counts a thread; the rest is "other". */
    private static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry("API Gateway (Jetty)", Pattern.compile("api-gateway.*")),
            Map.entry("Runtime API (JDK HTTP server)", Pattern.compile("runtime-api.*|HTTP-Dispatcher")),
            Map.entry("Momento server and its proxy", Pattern.compile("grpc-.*|momento-.*")),
            Map.entry("DynamoDB Local", Pattern.compile("dynamodb-local.*|SQLiteQueue.*")),
            Map.entry("load test's HTTP client", Pattern.compile("HttpClient-.*|.*LoadTest.*|main")));
    static final String ENVIRONMENTS = "environments' JVMs (function code, C1)";
    static final String OTHER = "other threads of the local cloud's JVM";

    private final Map<String, Long> nanos;

    private CpuTime(Map<String, Long> nanos) {
        this.nanos = nanos;
    }

    /** Now, for every group; processes and threads that end before {@link #since} are not counted. */
    public static CpuTime now() {
        Map<String, Long> totals = new LinkedHashMap<>();
        GROUPS.forEach(group -> totals.put(group.getKey(), 0L));
        totals.put(OTHER, 0L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    totals.merge(group(info.getThreadName()), cpu, Long::sum);
                }
            }
        }
        long children = ProcessHandle.current().descendants()
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        totals.put(ENVIRONMENTS, children);
        return new CpuTime(totals);
    }

    static String group(String threadName) {
        return GROUPS.stream().filter(group -> group.getValue().matcher(threadName).matches())
                .map(Map.Entry::getKey).findFirst().orElse(OTHER);
    }

    /** Milliseconds per request spent since {@code before}, per group, in the order above. */
    public Map<String, Double> since(CpuTime before, long requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        nanos.forEach((group, total) -> perRequest.put(group,
                Math.max(0, total - before.nanos.getOrDefault(group, 0L)) / 1e6 / requests));
        return perRequest;
    }
}
