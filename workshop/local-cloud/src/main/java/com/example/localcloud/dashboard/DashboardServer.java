package com.example.localcloud.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.example.localcloud.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live dashboard on localhost (the JDK's HTTP server, as elsewhere in the workshop):
 * <pre>
 *   GET  /                         the page
 *   GET  /assets/...               its script and style
 *   GET  /webjars/...              the chart library, from its WebJar on the classpath (nothing from a CDN)
 *   GET  /api/events               server-sent events: the whole run so far, then each new event
 *   GET  /api/timeline             every event so far as one JSON array (a replay file)
 *   POST /api/controls/{action}?stage=step-4&amp;value=8    a button of the page, see {@link Controls}
 * </pre>
 */
public final class DashboardServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/com/example/localcloud/dashboard/page/";
    private static final String WEBJARS = "/META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Timeline timeline;
    private volatile Controls controls;

    private DashboardServer(HttpServer server, ExecutorService threads, Timeline timeline) {
        this.server = server;
        this.threads = threads;
        this.timeline = timeline;
    }

    /** Serves {@code timeline} on localhost at {@code port} (0: any free port). */
    public static DashboardServer start(int port, Timeline timeline) {
        try {
            // One thread per open page (its event stream stays open), so not a fixed pool.
            ExecutorService threads = Executors.newCachedThreadPool(LoopbackHttpServer.daemonThreads("dashboard-http"));
            HttpServer server = LoopbackHttpServer.create(port); // TCP_NODELAY, as every local server here
            server.setExecutor(threads);
            DashboardServer dashboard = new DashboardServer(server, threads, timeline);
            server.createContext("/", dashboard::handle);
            server.start();
            return dashboard;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the dashboard on port " + port + ": " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** From now on the page's buttons work (before, the stages are still starting). */
    public void controls(Controls controls) {
        this.controls = controls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/api/controls/")) {
                if (!method.equals("POST")) {
                    error(exchange, 405, "Controls take POST, e.g. curl -X POST " + uri() + "api/controls/flush");
                    return;
                }
                control(exchange, path.substring("/api/controls/".length()));
            } else if (!method.equals("GET")) {
                error(exchange, 405, method + " is not served here");
            } else if (path.equals("/api/events")) {
                events(exchange);
            } else if (path.equals("/api/timeline")) {
                send(exchange, 200, "json", timeline.toJson().getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                resource(exchange, PAGE + "index.html");
            } else if (path.startsWith("/assets/")) {
                resource(exchange, PAGE + path.substring("/assets/".length()));
            } else if (path.startsWith("/webjars/")) {
                resource(exchange, WEBJARS + path.substring("/webjars/".length()));
            } else {
                error(exchange, 404, "Nothing at " + path + "; the dashboard is at " + uri());
            }
        } catch (IOException e) {
            // The page went away (closed, reloaded): nothing to answer.
        }
    }

    private void control(HttpExchange exchange, String action) throws IOException {
        Controls current = controls;
        if (current == null) {
            error(exchange, 409, timeline.ended()
                    ? "This run has finished (a replay): nothing runs, so there is nothing to control"
                    : "The stages are still starting; the controls work once the dashboard shows them");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            Events.Mark mark = current.apply(action, query.get("stage"), query.get("value"));
            send(exchange, 200, "json", JSON.writeValueAsBytes(mark));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
        } catch (IllegalStateException e) {
            error(exchange, 409, e.getMessage());
        }
    }

    /** Server-sent events: every event so far, then each new one as it comes, until the run ends. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        int next = 0;
        try {
            while (true) {
                List<String> events = timeline.from(next, 15_000);
                if (events.isEmpty() && timeline.ended()) {
                    return;
                }
                StringBuilder chunk = new StringBuilder(events.isEmpty() ? ": still here\n\n" : "");
                events.forEach(event -> chunk.append("data: ").append(event).append("\n\n"));
                body.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                body.flush();
                next += events.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resource(HttpExchange exchange, String name) throws IOException {
        if (name.contains("..")) {
            error(exchange, 400, "No '..' in paths");
            return;
        }
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                error(exchange, 404, "No such file: " + exchange.getRequestURI().getPath());
                return;
            }
            send(exchange, 200, name.substring(name.lastIndexOf('.') + 1), in.readAllBytes());
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "json", JSON.writeValueAsBytes(Map.of("error", message)));
    }

    private static void send(HttpExchange exchange, int status, String extension, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        // Always the page of the load test that is running, never one a browser kept from an older version.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Stops serving; open pages get the end of the run first. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}
