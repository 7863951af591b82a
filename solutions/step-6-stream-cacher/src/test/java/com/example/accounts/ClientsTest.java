package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import momento.sdk.CacheClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Clients.cacheClient, against a stand-in for Secrets Manager (the JDK's HTTP server answering
 * GetSecretValue): one client per execution environment, kept in the static field, and a key that
 * could not be read not asked for again within five seconds. The key's endpoint never resolves
 * ({@code .invalid}), so the client falls back to connecting on first use; no test makes a cache call.
 * The order matters: once a client is kept, no later call reads the key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientsTest {
    private static final String SECRET_ID = "accounts/MomentoApiKey";
    private static final String MISSING_SECRET_ID = "accounts/NoSuchSecret";
    /** A v1 Momento API key: base64 of its endpoint and its secret part. */
    private static final String API_KEY = Base64.getEncoder().encodeToString(
            "{\"endpoint\":\"momento.invalid\",\"api_key\":\"not-a-real-key\"}".getBytes(StandardCharsets.UTF_8));
    private static final List<String> ASKED_FOR = new CopyOnWriteArrayList<>();
    /** gRPC's logger, kept (java.util.logging holds it weakly): it warns, with a stack trace, that the made-up host does not resolve. */
    private static final Logger GRPC = Logger.getLogger("io.grpc");
    private static HttpServer secretsManager;

    @BeforeAll
    static void startSecretsManager() throws IOException {
        GRPC.setLevel(Level.SEVERE);
        secretsManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secretsManager.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean known = request.contains("\"" + SECRET_ID + "\"");
            ASKED_FOR.add(known ? SECRET_ID : MISSING_SECRET_ID);
            String body = known
                    ? "{\"Name\":\"" + SECRET_ID + "\",\"SecretString\":\"{\\\"MOMENTO_API_KEY\\\":\\\"" + API_KEY + "\\\"}\"}"
                    : "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(known ? 200 : 400, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        secretsManager.start();
        // What Lambda's environment gives the SDK (region, the role's credentials), and where the stand-in listens.
        System.setProperty("aws.endpointUrlSecretsManager", "http://127.0.0.1:" + secretsManager.getAddress().getPort());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        loadTheSdk();
    }

    /**
     * The AWS SDK's first call in a JVM loads its classes: a second or more on a busy machine, which
     * would leave the first test's call little of Clients' 2 s to reach the stand-in. Made here, once.
     */
    private static void loadTheSdk() {
        try (SecretsManagerClient warmUp = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            warmUp.getSecretValue(request -> request.secretId(MISSING_SECRET_ID));
        } catch (RuntimeException expected) {
            // the stand-in does not know it: only the loading mattered
        }
        ASKED_FOR.clear();
    }

    @AfterAll
    static void stopSecretsManager() {
        secretsManager.stop(0);
        for (String property : List.of("aws.endpointUrlSecretsManager", "aws.region", "aws.accessKeyId", "aws.secretAccessKey")) {
            System.clearProperty(property);
        }
    }

    @Test
    @Order(1)
    void aKeyThatCouldNotBeReadIsNotAskedForAgainWithinFiveSeconds() throws InterruptedException {
        long timersBefore = sdkTimerThreads();
        // A secret that does not exist (or, on a very busy machine, a first call that took longer than its timeout).
        assertThat(catchThrowable(() -> Clients.cacheClient(MISSING_SECRET_ID)))
                .as("what cacheClient threw for a secret that does not exist: its catch notes the failure, then throws it on,"
                        + " or Init never hears of it").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Clients.cacheClient(MISSING_SECRET_ID))
                .as("the next call, at once: it must fail without asking Secrets Manager again (a slow Secrets Manager"
                        + " would cost every request its wait)")
                .isInstanceOf(IllegalStateException.class);
        // At most: a first try that timed out before its request was sent asked nothing.
        assertThat(ASKED_FOR).as("GetSecretValue calls: at most one, the first try's").hasSizeLessThanOrEqualTo(1);
        assertTheSecretsManagerClientWasClosed(timersBefore);
    }

    @Test
    @Order(2)
    void theClientIsCreatedOnceThenKept() throws InterruptedException {
        Thread.sleep(5_100); // the five seconds after the failure above: then cacheClient tries again
        ASKED_FOR.clear();
        long timersBefore = sdkTimerThreads();

        CacheClient first = Clients.cacheClient(SECRET_ID);
        CacheClient second = Clients.cacheClient(SECRET_ID);

        assertThat(first).as("the client, once the key was read (null: cacheClient returned its static field, which"
                + " nothing set; a local variable of the same name would hide it)").isNotNull();
        assertThat(second).as("the second call's client: the same one, kept in the static field (a local variable of"
                + " the same name would hide it, and every call would build a new client)").isSameAs(first);
        assertThat(ASKED_FOR).as("GetSecretValue calls for two calls of cacheClient: the key is read once per execution"
                + " environment").containsExactly(SECRET_ID);
        assertTheSecretsManagerClientWasClosed(timersBefore);
    }

    /** The AWS SDK's timer threads: a client keeps one (for its API call timeout) until it is closed. */
    private static long sdkTimerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("sdk-ScheduledExecutor"))
                .count();
    }

    private static void assertTheSecretsManagerClientWasClosed(long timersBefore) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L; // a closed client's thread ends soon after, not at once
        while (sdkTimerThreads() > timersBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sdkTimerThreads()).as("the AWS SDK's timer threads once the key was read: one more means a Secrets Manager"
                + " client left open (readApiKey closes it with try-with-resources: the key is read once per environment, so"
                + " its client serves that one read)")
                .isLessThanOrEqualTo(timersBefore);
    }
}
