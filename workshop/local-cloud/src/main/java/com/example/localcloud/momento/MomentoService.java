package com.example.localcloud.momento;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.EnvironmentSpec;
import com.example.localcloud.service.CallTimer;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.LocalService;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local Momento, set up the way a workshop attendee sets up the real one: the cache each
 * function names in {@code CACHE_NAME} exists. The stage's code runs unchanged: it dials Momento
 * with its key, and the environment JVM's proxy settings route that to the local server.
 *
 * <pre>
 *   GET    /_local/momento/stats          the counters (hits, misses, ... per cache and call)
 *   POST   /_local/momento/stats/reset    zero them
 *   POST   /_local/momento/faults?rpc=data&amp;status=UNAVAILABLE[&amp;delayMs=200][&amp;times=4]
 *                                         make Momento calls fail or slow down
 *   GET    /_local/momento/faults         the faults in force
 *   DELETE /_local/momento/faults         clear every fault
 *   POST   /_local/momento/flush          empty every cache (as FlushCache does): readers start cold
 *   GET    /_local/momento/items[?contains=user%23alice][&amp;cache=name]
 *                                         what a cache holds: each live item's key, value and remaining TTL
 *   GET    /_local/momento/connections    connections the clients opened so far (one per client that connected)
 *   POST   /_local/momento/connect-delay?ms=3000
 *                                         hold each new connection this long (a slow network at a cold start);
 *                                         ms=0 or DELETE /_local/momento/faults removes it
 * </pre>
 */
public final class MomentoService implements LocalService {
    static final String CACHE_NAME_VARIABLE = "CACHE_NAME";
    /** The most items one look into a cache shows (sorted by key; narrow it with contains). */
    static final int ITEMS_SHOWN = 100;
    /** Longer than any client waits to connect. */
    private static final Duration MAX_CONNECT_DELAY = Duration.ofSeconds(60);

    private final LocalMomento momento;
    private final List<String> caches;

    private MomentoService(LocalMomento momento, List<String> caches) {
        this.momento = momento;
        this.caches = caches;
    }

    public static LocalService.Starter starter() {
        return context -> {
            LocalMomento momento = LocalMomento.start();
            List<String> caches = context.config().environmentValues(CACHE_NAME_VARIABLE);
            caches.forEach(momento::createCache);
            return new MomentoService(momento, caches);
        };
    }

    public LocalMomento momento() {
        return momento;
    }

    /** The caches the stage's functions name in CACHE_NAME (created at start-up). */
    public List<String> caches() {
        return caches;
    }

    @Override
    public String name() {
        return "momento";
    }

    /** The proxy and trust settings that route the real Momento client here. */
    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.jvmArguments().addAll(momento.envJvmArgs());
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        return switch (request.route()) {
            case "GET /stats" -> ControlResponses.ok(momento.stats());
            case "POST /stats/reset" -> {
                momento.resetStats();
                yield ControlResponses.ok(Map.of("reset", true));
            }
            case "GET /connections" -> ControlResponses.ok(Map.of("connections", momento.proxy().momentoTunnels()));
            case "POST /flush" -> ControlResponses.ok(Map.of("flushed",
                    momento.server().cacheNames().stream().filter(momento::flushCache).toList()));
            case "GET /items" -> Optional.of(items(request));
            case "POST /faults" -> Optional.of(addFault(request));
            case "GET /faults" -> ControlResponses.ok(Map.of("faults", faultsInForce()));
            case "POST /connect-delay" -> Optional.of(request.applyDelay(MAX_CONNECT_DELAY, "connectDelayMs", momento.proxy()::delayConnections));
            case "DELETE /faults" -> {
                momento.faults().clear();
                momento.proxy().delayConnections(Duration.ZERO);
                yield ControlResponses.ok(Map.of("faults", List.of()));
            }
            default -> Optional.empty();
        };
    }

    @Override
    public Map<String, Object> endpoints() {
        return Map.of("momentoCaches", caches);
    }

    @Override
    public CallTimer.Totals callTimes() {
        return momento.callTimes();
    }

    @Override
    public void close() {
        momento.close();
    }

    private List<String> faultsInForce() {
        List<String> faults = new java.util.ArrayList<>(momento.faults().active().stream().map(Object::toString).toList());
        Duration delay = momento.proxy().connectDelay();
        if (!delay.isZero()) {
            faults.add("each new connection held " + delay.toMillis() + " ms");
        }
        return faults;
    }


    /** The live items of one cache, as a person debugging keys and TTLs wants to see them. */
    private OutgoingResponse items(ControlRequest request) {
        List<String> existing = momento.server().cacheNames();
        if (existing.isEmpty()) {
            return ControlResponses.notFound("There is no cache to look into: no function of this stage names one in"
                    + " CACHE_NAME (serverless.yml)");
        }
        String cache = request.parameter("cache", caches.size() == 1 ? caches.get(0) : "");
        if (cache.isEmpty()) {
            return ControlResponses.badRequest("Name the cache: ?cache=" + String.join(" or ?cache=", momento.server().cacheNames()));
        }
        String contains = request.parameter("contains", "");
        Optional<List<CachedItem>> found = momento.server().peek(cache, contains, ITEMS_SHOWN + 1);
        if (found.isEmpty()) {
            return ControlResponses.notFound("There is no cache named " + cache + "; the caches are "
                    + momento.server().cacheNames());
        }
        List<CachedItem> items = found.get();
        Map<String, Object> answer = new LinkedHashMap<>(); // in this order every time, as the guides show it
        answer.put("cache", cache);
        answer.put("contains", contains);
        answer.put("items", items.subList(0, Math.min(items.size(), ITEMS_SHOWN)));
        answer.put("truncated", items.size() > ITEMS_SHOWN);
        return ControlResponses.json(200, answer);
    }

    private OutgoingResponse addFault(ControlRequest request) {
        try {
            FaultRule rule = FaultRule.fromParameters(request.parameters());
            long id = momento.faults().add(rule);
            Map<String, Object> added = new LinkedHashMap<>(); // in this order every time, as the guides show it
            added.put("id", id);
            added.put("fault", rule.toString());
            return ControlResponses.json(201, added);
        } catch (IllegalArgumentException e) {
            return ControlResponses.badRequest(e.getMessage());
        }
    }
}
