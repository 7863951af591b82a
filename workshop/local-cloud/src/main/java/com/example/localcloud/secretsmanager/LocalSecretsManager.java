package com.example.localcloud.secretsmanager;

import com.example.localcloud.iam.AccessCheck;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local AWS Secrets Manager: an HTTP endpoint on loopback that the real AWS SDKs talk to
 * ({@code endpointOverride}, or {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}), with the secrets in
 * memory and every call authorized by an {@link AccessCheck}.
 *
 * <pre>{@code
 * try (LocalSecretsManager secrets = LocalSecretsManager.start("us-east-1", "000000000000", functionPolicies)) {
 *     secrets.store().createOrUpdate("accounts/MomentoApiKey", "{\"MOMENTO_API_KEY\":\"...\"}");
 *     environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
 * }
 * }</pre>
 *
 * <p>Operations: CreateSecret, GetSecretValue, PutSecretValue, DescribeSecret, ListSecrets (no
 * filters or paging) and DeleteSecret. Signatures are not verified: the access key id only says
 * who calls.
 */
public final class LocalSecretsManager implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's replies wait for the client's delayed ACK: a p50 of
        // about 44 ms per call instead of 0.28 ms (workshop/DESIGN-NOTES.md). The JDK reads this
        // property once, when it creates its first HttpServer, so an earlier -D or
        // System.setProperty wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SecretStore store;

    private LocalSecretsManager(HttpServer server, ExecutorService executor, SecretStore store) {
        this.server = server;
        this.executor = executor;
        this.store = store;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static LocalSecretsManager start(String region, String accountId, AccessCheck accessCheck) throws IOException {
        return start(region, accountId, accessCheck, 0);
    }

    /** Starts on 127.0.0.1 on this port (0 for a free one). */
    public static LocalSecretsManager start(String region, String accountId, AccessCheck accessCheck, int port)
            throws IOException {
        SecretStore store = new SecretStore(region, accountId);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
        server.createContext("/", new SecretsManagerHttpHandler(new SecretsManagerApi(store), accessCheck));
        ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
        server.setExecutor(executor);
        server.start();
        return new LocalSecretsManager(server, executor, store);
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The secrets, for seeding and inspecting them without HTTP and without IAM. */
    public SecretStore store() {
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "local-secrets-manager-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
