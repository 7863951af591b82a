package com.example.localcloud.momento;

import com.example.localcloud.service.CallTimer;
import com.example.localcloud.service.OwnedTempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local Momento, everything in one object: a fresh API key, a throwaway CA and server
 * certificate for {@code *.momento.local}, the gRPC server (TLS and plaintext), a trust store file,
 * and the tunnel proxy. Start it before any environment JVM: {@code CacheClient.create} connects
 * eagerly and fails fast.
 *
 * <pre>{@code
 * try (LocalMomento momento = LocalMomento.start()) {
 *   momento.createCache("workshop-cache");
 *   secrets.put("momento-api-key", momento.apiKey());        // what the stage reads
 *   command.addAll(momento.envJvmArgs());                     // for each environment JVM
 *   momento.faults().add(FaultRule.on("Get").failWith(Status.Code.UNAVAILABLE).times(3));
 *   momento.stats().cache("workshop-cache").hitRatio();
 * }
 * }</pre>
 */
public final class LocalMomento implements AutoCloseable {

    /** The endpoint in the key; the SDK derives cache.momento.local and control.momento.local. */
    public static final String ENDPOINT = "momento.local";

    private static final System.Logger LOG = System.getLogger(LocalMomento.class.getName());
    private static final List<String> SERVER_NAMES =
            List.of("cache." + ENDPOINT, "control." + ENDPOINT, "*." + ENDPOINT, "localhost");

    private final List<AutoCloseable> started = new ArrayList<>();
    private MomentoApiKey apiKey;
    private Path directory;
    private volatile Path caCertificatePem;
    private LocalMomentoServer server;
    private MomentoTunnelProxy proxy;
    private EnvJvmSettings envJvmSettings;
    private Duration startupTime;

    private LocalMomento() {}

    /** Starts everything on 127.0.0.1 with ephemeral ports. */
    public static LocalMomento start() throws IOException {
        long begin = System.nanoTime();
        LocalMomento momento = new LocalMomento();
        try {
            momento.startAll();
        } catch (IOException | RuntimeException e) {
            momento.close();
            throw e;
        }
        momento.startupTime = Duration.ofNanos(System.nanoTime() - begin);
        // Never log the key.
        LOG.log(System.Logger.Level.DEBUG, "Local Momento started in {0} ms: TLS on 127.0.0.1:{1}, plaintext on"
                        + " 127.0.0.1:{2}, proxy for *.{3} on 127.0.0.1:{4}",
                Long.toString(momento.startupTime.toMillis()), Integer.toString(momento.server.tlsPort()),
                Integer.toString(momento.server.plaintextPort()), ENDPOINT, Integer.toString(momento.proxy.port()));
        return momento;
    }

    private void startAll() throws IOException {
        apiKey = MomentoApiKey.generate(ENDPOINT);
        directory = OwnedTempDirectories.create("local-momento-", "");
        started.add(() -> OwnedTempDirectories.delete(directory));

        // The certificates and the trust store take about as long as the gRPC server's first start
        // (both are mostly class loading), so make them on another thread meanwhile.
        ExecutorService helper = Executors.newSingleThreadExecutor(LocalMomento::daemonThread);
        try {
            CompletableFuture<LocalCertificateAuthority> ca =
                    CompletableFuture.supplyAsync(() -> LocalCertificateAuthority.create("Local Momento CA"), helper);
            CompletableFuture<ServerIdentity> identity =
                    ca.thenApplyAsync(authority -> authority.issueServerCertificate(SERVER_NAMES), helper);
            CompletableFuture<TrustStoreFile> trustStore = ca.thenApplyAsync(this::writeTrustFiles, helper);

            server = LocalMomentoServer.start(apiKey.secret());
            started.add(server);
            int tlsPort = server.startTls(join(identity));
            InetSocketAddress tlsAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort);
            proxy = MomentoTunnelProxy.start(ENDPOINT, tlsAddress);
            started.add(proxy);
            envJvmSettings = new EnvJvmSettings(proxy.port(), join(trustStore));
        } finally {
            helper.shutdown();
        }
    }

    private TrustStoreFile writeTrustFiles(LocalCertificateAuthority ca) {
        try {
            caCertificatePem = directory.resolve("local-momento-ca.pem");
            ca.writeCertificatePem(caCertificatePem);
            return ca.writeTrustStore(directory.resolve("truststore.p12"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static Thread daemonThread(Runnable work) {
        Thread thread = new Thread(work, "local-momento-start");
        thread.setDaemon(true);
        return thread;
    }

    /** The v1 API key to store where the stage reads it (e.g. the local Secrets Manager). */
    public String apiKey() {
        return apiKey.v1Token();
    }

    /** What must never show in a log: the whole key, and the secret part inside it. */
    public List<String> secrets() {
        return List.of(apiKey.v1Token(), apiKey.secret());
    }

    /** Creates a cache; false if it already existed (so calling it at every start-up is fine). */
    public boolean createCache(String name) {
        return server.createCache(name);
    }

    /**
     * Empties a cache, as Momento's FlushCache (the console's "Flush cache") does: every reader
     * starts cold. False if there is no such cache.
     */
    public boolean flushCache(String name) {
        return server.flushCache(name);
    }

    /** The {@code -D...} arguments for each environment JVM's command line. */
    public List<String> envJvmArgs() {
        return envJvmSettings.jvmArgs();
    }

    public EnvJvmSettings envJvmSettings() {
        return envJvmSettings;
    }

    public FaultInjector faults() {
        return server.faults();
    }

    /** Every call the server answered and its time for them in all (an injected delay included). */
    public CallTimer.Totals callTimes() {
        return server.callTimes();
    }

    public MomentoStats stats() {
        return server.stats();
    }

    public void resetStats() {
        server.resetStats();
    }

    public LocalMomentoServer server() {
        return server;
    }

    public MomentoTunnelProxy proxy() {
        return proxy;
    }

    /** For in-process clients that skip TLS (see MOMENTO.md). */
    public int plaintextPort() {
        return server.plaintextPort();
    }

    public int tlsPort() {
        return server.tlsPort();
    }

    /** The local CA certificate (PEM), e.g. for {@code grpcurl -cacert}. */
    public Path caCertificatePem() {
        return caCertificatePem;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the proxy and the server and deletes the trust store; the key becomes useless. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Stopping part of the local Momento failed", e);
            }
        }
        started.clear();
    }
}
