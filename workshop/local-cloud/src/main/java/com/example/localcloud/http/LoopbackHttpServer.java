package com.example.localcloud.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server on 127.0.0.1, as every small local endpoint uses it (Secrets Manager,
 * Kinesis, each environment's Lambda Runtime API): nothing beyond this machine can reach it.
 */
public final class LoopbackHttpServer {

    static {
        // Without TCP_NODELAY the JDK server's replies wait for the client's delayed ACK: about
        // 44 ms per exchange instead of 0.28 ms (workshop/DESIGN-NOTES.md). The JDK reads the
        // property once, when its server classes load; every server here is made by this class,
        // so this runs first. An explicit -Dsun.net.httpserver.nodelay=false still wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackHttpServer() {
    }

    /**
     * Starts a server on {@code port} (0 for a free one) whose handler runs on {@code executor}.
     */
    public static HttpServer start(int port, String path, HttpHandler handler, Executor executor) throws IOException {
        HttpServer server = create(port);
        server.createContext(path, handler);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    /** A server bound to {@code port} (0 for a free one), not started yet: for callers that set it up themselves. */
    public static HttpServer create(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    }

    /** A fixed pool of daemon threads named {@code <name>-1}, {@code <name>-2}, ... (they never keep the JVM alive). */
    public static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, daemonThreads(name));
    }

    /** Daemon threads named {@code <name>-1}, {@code <name>-2}, ... */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
