package com.example.localcloud.momento;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import com.example.localcloud.service.CallTimer;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Momento-compatible gRPC server on 127.0.0.1, built on the generated bases of Momento's own
 * protos ({@code software.momento.java:client-protos}), so the real Momento SDK talks to it.
 *
 * <p>It listens twice with the same caches: in plaintext (for in-process tests, with a small
 * CredentialProvider that sends the key without TLS) and, after {@link #startTls}, with TLS (what
 * an unchanged SDK reaches through the {@link MomentoTunnelProxy}).
 *
 * <p>Every call passes, in this order: call counting, fault injection, the API key check, and
 * (data plane) the cache-name lookup from the {@code cache} header.
 */
public final class LocalMomentoServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalMomentoServer.class.getName());

    // The SDK's Laptop configuration pings every 5 s (gRPC raises that to 10 s), also when idle.
    // gRPC servers by default allow one ping per 5 minutes and only during calls, then answer
    // GOAWAY "too_many_pings", dropping the connection. Allow idle pings this often:
    private static final long PERMIT_KEEPALIVE_SECONDS = 1;
    // The SDK sends up to 5 MB; accept it so oversized items get Momento's item-size error
    // rather than a transport error.
    private static final int MAX_INBOUND_MESSAGE_BYTES = 6 * 1024 * 1024;
    private static final long SWEEP_SECONDS = 5;

    private final LocalCaches caches = new LocalCaches(System::nanoTime);
    private final StatsRecorder stats = new StatsRecorder();
    private final CallTimer timer = new CallTimer();
    private final FaultInjector faults = new FaultInjector();
    private final List<Server> servers = new ArrayList<>();
    private final ServerServiceDefinition dataPlane;
    private final ServerServiceDefinition controlPlane;
    private final ScheduledExecutorService sweeper;
    private Server plaintext;
    private Server tls;

    private LocalMomentoServer(String apiKeySecret) {
        List<ServerInterceptor> common = List.of(
                new RpcStatsInterceptor(stats, timer),
                new FaultInjectionInterceptor(faults, stats),
                new ApiKeyInterceptor(apiKeySecret));
        dataPlane = intercept(new DataPlaneService(caches, stats), common, new CacheNameInterceptor());
        controlPlane = intercept(new ControlPlaneService(caches), common);
        sweeper = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "local-momento-expiry-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                caches.sweepExpired();
            } catch (RuntimeException e) { // thrown out of here, it would end the sweeps for the rest of the run
                LOG.log(System.Logger.Level.WARNING, "The local Momento could not sweep expired items this time", e);
            }
        }, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Starts the server with its plaintext listener; add TLS with {@link #startTls}.
     *
     * @param apiKeySecret the {@code api_key} part of the key clients must present
     */
    public static LocalMomentoServer start(String apiKeySecret) throws IOException {
        LocalMomentoServer server = new LocalMomentoServer(apiKeySecret);
        try {
            server.plaintext = server.listen(NettyServerBuilder.forAddress(loopback()));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Adds the TLS listener, serving the same caches; returns its port. */
    public synchronized int startTls(ServerIdentity identity) throws IOException {
        if (tls != null) {
            throw new IllegalStateException("TLS is already on, port " + tls.getPort());
        }
        ServerCredentials credentials = TlsServerCredentials.newBuilder().keyManager(identity.keyManagers()).build();
        tls = listen(NettyServerBuilder.forAddress(loopback(), credentials));
        return tls.getPort();
    }

    private Server listen(NettyServerBuilder builder) throws IOException {
        Server server = builder
                // Every call is answered from memory at once (a simulated delay waits on a timer, not
                // on a thread: FaultInjectionInterceptor), so it runs on the network thread that read
                // it. gRPC's default hands each call's steps to a pool thread: about 4 thread wake-ups
                // per call (workshop/DESIGN-NOTES.md, "The warm path").
                .directExecutor()
                .addService(dataPlane)
                .addService(controlPlane)
                .permitKeepAliveWithoutCalls(true)
                .permitKeepAliveTime(PERMIT_KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .build()
                .start();
        servers.add(server);
        return server;
    }

    private static ServerServiceDefinition intercept(BindableService service, List<ServerInterceptor> common,
                                                     ServerInterceptor... more) {
        List<ServerInterceptor> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return ServerInterceptors.interceptForward(service, all); // first in the list runs first
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0); // 0 = any free port
    }

    /** The plaintext listener's port on 127.0.0.1. */
    public int plaintextPort() {
        return plaintext.getPort();
    }

    /** The TLS listener's port on 127.0.0.1. */
    public synchronized int tlsPort() {
        if (tls == null) {
            throw new IllegalStateException("TLS is not on: call startTls first");
        }
        return tls.getPort();
    }

    /** Creates a cache; false if it already existed. */
    public boolean createCache(String name) {
        return caches.create(name);
    }

    /** Empties a cache, as Momento's FlushCache does; false if there is no such cache. */
    public boolean flushCache(String name) {
        return caches.find(name).map(cache -> {
            cache.flush();
            return true;
        }).orElse(false);
    }

    public List<String> cacheNames() {
        return caches.names();
    }

    /**
     * The live items of a cache whose key holds {@code text} (all for ""), sorted by key, at most
     * {@code limit}; empty if there is no such cache. Counts nothing: not a Momento call.
     */
    public Optional<List<CachedItem>> peek(String cacheName, String text, int limit) {
        return caches.find(cacheName).map(cache -> cache.peek(text, limit));
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Every call answered and the server's time for them in all (an injected delay included). */
    public CallTimer.Totals callTimes() {
        return timer.totals();
    }

    public MomentoStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    @Override
    public synchronized void close() {
        sweeper.shutdownNow();
        servers.forEach(Server::shutdown);
        for (Server server : servers) {
            try {
                if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                    server.shutdownNow();
                }
            } catch (InterruptedException e) {
                server.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "Local Momento server stopped");
    }
}
