package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.LocalCloud;
import com.example.localcloud.config.LoadOptions;
import com.example.workshop.tools.Workshop;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The guide's producer command ({@code workshop produce}) against the stream consumer stage in a
 * real local cloud: it creates the accounts through the API, finds the local Kinesis by itself,
 * and every event it puts ends up enriched in the activity table.
 */
@Timeout(300)
class ActivityProducerEndToEndTest {
    private static final String STAGE = "step-7-stream-consumer";

    private static LocalCloud cloud;
    private static DynamoDbClient admin;
    private static String activityTable;
    private final StringWriter output = new StringWriter();
    private final StringWriter errors = new StringWriter();

    @BeforeAll
    static void start() {
        Path stage = Workspace.locate().root().resolve("solutions").resolve(STAGE);
        cloud = LocalCloud.builder(stage).port(0)
                .build(!Files.isRegularFile(stage.resolve("target/accounts-service.jar")))
                .loadOptions(new LoadOptions(Map.of(), null, null))
                .log(line -> { })
                .start();
        admin = DynamoDbClient.builder().endpointOverride(cloud.dynamoDbEndpoint())
                .region(Region.of(cloud.config().deployment().region()))
                .credentialsProvider(StaticCredentialsProvider.create(cloud.operatorCredentials())).build();
        activityTable = cloud.config().resourcesOfType("AWS::DynamoDB::Table").stream()
                .filter(table -> table.logicalId().equals("ActivityTable")).findFirst().orElseThrow().physicalName();
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void everyEventProducedIsRecordedWithTheAccountsTheProducerCreated() throws Exception {
        int exitCode = produce("--events", "40", "--users", "3", "--organizations", "2", "--api-url", cloud.baseUri().toString());

        assertThat(exitCode).as(errors.toString()).isZero();
        assertThat(output.toString()).contains("Put 40 activity events on " + cloud.kinesisStreams().get("ActivityStream"));
        List<Map<String, AttributeValue>> items = awaitItems(40);
        assertThat(items).hasSize(40).allSatisfy(item -> {
            assertThat(item.get("username").s()).isIn("activity-user-01", "activity-user-02", "activity-user-03");
            assertThat(item.get("organization").s()).isIn("activity-org-01", "activity-org-02");
            assertThat(item.get("userFound").bool()).isTrue();
            assertThat(item.get("firstName").s()).isEqualTo("Activity"); // as the producer created them
            assertThat(item.get("foundingUser").s()).isEqualTo("activity-user-01");
        });

        assertThat(produce("--events", "10", "--users", "3", "--organizations", "2", "--skip-setup",
                "--api-url", cloud.baseUri().toString())).as(errors.toString()).isZero();
        assertThat(awaitItems(50)).as("a second run adds its events").hasSize(50);
    }

    @Test
    void aDeployedApiNeedsTheStreamsName() throws Exception {
        // Like API Gateway: no /_local/endpoints, a 403 for a path it has no route for.
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            byte[] body = "{\"message\":\"Missing Authentication Token\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            int exitCode = produce("--events", "5", "--api-url", "http://127.0.0.1:" + api.getAddress().getPort());

            assertThat(exitCode).isEqualTo(1);
            assertThat(errors.toString()).contains("not a local cloud with a Kinesis stream").contains("--stream");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void anApiThatDoesNotAnswerIsNamedWithTheWayToStartTheLocalCloud() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int exitCode = produce("--events", "5", "--api-url", "http://127.0.0.1:" + closedPort);

        assertThat(exitCode).isEqualTo(1);
        assertThat(errors.toString()).contains("Nothing answers at http://127.0.0.1:" + closedPort)
                .contains("Is the local cloud running?").contains("--api-url").doesNotContain("null");
    }

    @Test
    void badCountsAreRefused() {
        assertThat(produce("--events", "0", "--api-url", cloud.baseUri().toString())).isEqualTo(1);
        assertThat(errors.toString()).contains("--events, --users and --organizations must be at least 1");
    }

    private int produce(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "produce";
        System.arraycopy(args, 0, command, 1, args.length);
        return Workshop.run(Workspace.locate().root(), new PrintWriter(output, true), new PrintWriter(errors, true), command);
    }

    private static List<Map<String, AttributeValue>> awaitItems(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Map<String, AttributeValue>> items = scan();
        while (items.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            items = scan();
        }
        return items;
    }

    private static List<Map<String, AttributeValue>> scan() {
        return admin.scanPaginator(scan -> scan.tableName(activityTable)).items().stream().toList();
    }
}
