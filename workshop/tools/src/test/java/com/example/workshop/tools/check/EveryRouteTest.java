package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The regressions line's calls of every route, against a gateway that answers as a test sets it. */
class EveryRouteTest {
    private StubGateway gateway;
    private final List<String> gets = new CopyOnWriteArrayList<>();
    /** GET paths that start with this have no route: API Gateway's 403. */
    private volatile String unrouted = "/nothing";
    /** What the local cloud's IAM decided, as its control endpoint answers. */
    private volatile String iamDecisions = "[]";
    /** The stream subscriptions running, as its control endpoint answers. */
    private volatile String streams = "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST,"
            + " ReportBatchItemFailures)\"]";
    /** Whether DynamoDB fails (the local cloud's fault endpoint), and what a read then answers. */
    private volatile boolean dynamoDbFails;
    private volatile int readWhileDynamoDbFails = 500;

    @BeforeEach
    void startTheGateway() throws Exception {
        gateway = new StubGateway((method, path) -> {
            if (path.equals("/_local/iam/decisions")) {
                return new StubGateway.Answer(200, iamDecisions);
            }
            if (path.equals("/_local/endpoints")) {
                return new StubGateway.Answer(200, "{\"tables\":[\"accounts-dev-AccountsTable\"]}");
            }
            if (path.equals("/_local/streams")) {
                return new StubGateway.Answer(200, streams);
            }
            if (path.startsWith("/_local/dynamodb/faults")) {
                dynamoDbFails = method.equals("POST");
                return new StubGateway.Answer(200, "{}");
            }
            if (dynamoDbFails && method.equals("GET")) {
                return new StubGateway.Answer(readWhileDynamoDbFails, "{\"error\":\"...\"}");
            }
            boolean post = method.equals("POST");
            if (!post) {
                gets.add(path);
            }
            boolean routed = post || !path.startsWith(unrouted);
            return new StubGateway.Answer(post ? 201 : routed ? 200 : 403,
                    routed ? "{}" : "{\"message\":\"Missing Authentication Token\"}");
        });
    }

    @AfterEach
    void stopTheGateway() {
        gateway.close();
    }

    /** What the local cloud logged, as a test sets it. */
    private final List<String> log = new CopyOnWriteArrayList<>();

    private LocalService service() {
        return gateway.service(() -> List.copyOf(log));
    }

    @Test
    void aReadRouteWhosePathIsMistypedFailsTheLineAndSaysSo() {
        unrouted = "/users/";

        assertThatThrownBy(() -> EveryRoute.of(1).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("GET /users/owner-").hasMessageContaining("answered 403")
                .hasMessageContaining("API Gateway has no such route");
    }

    @Test
    void theMemberListIsReadFromTheStepAfterTheOneThatRoutesIt() throws Exception {
        EveryRoute.of(EveryRoute.MEMBER_LIST_FROM_STEP).run(service());
        assertThat(gets).as("the step that adds it tries it in its own lessons").hasSize(3)
                .noneMatch(path -> path.endsWith("/members"));

        gets.clear();
        EveryRoute.of(EveryRoute.MEMBER_LIST_FROM_STEP + 1).run(service());
        assertThat(gets).hasSize(4).last().asString().endsWith("/members");

        unrouted = "/organizations/org-"; // every organization read, the list among them
        assertThatThrownBy(() -> EveryRoute.of(7).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("GET /organizations/org-");
    }

    @Test
    void aFunctionThatMayNoLongerReadTheKeyFailsTheLineFromStep3() throws Exception {
        iamDecisions = "[{\"outcome\":\"ALLOWED\",\"action\":\"secretsmanager:GetSecretValue\",\"principalArn\":"
                + "\"arn:aws:sts::000000000000:assumed-role/r/accounts-dev-getUser\",\"resource\":\"arn:k-abc123\"},"
                + "{\"outcome\":\"IMPLICIT_DENY\",\"action\":\"secretsmanager:GetSecretValue\",\"principalArn\":"
                + "\"arn:aws:sts::000000000000:assumed-role/r/accounts-dev-createUser\",\"resource\":\"arn:k-abc123\"}]";

        EveryRoute.of(2).run(service()); // step 2's own lines say it there
        assertThatThrownBy(() -> EveryRoute.of(4).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessage("accounts-dev-createUser has no Momento client, and every read goes to DynamoDB, because User:"
                        + " arn:aws:sts::000000000000:assumed-role/r/accounts-dev-createUser is not authorized to perform:"
                        + " secretsmanager:GetSecretValue on resource: arn:k-abc123");
    }

    @Test
    void aTableStreamThatNoFunctionReadsFailsTheLineAfterStep6() throws Exception {
        EveryRoute.of(7).run(service());

        streams = "[\"activityConsumer <- kinesis stream of accounts-dev-activity (batch 100)\"]"; // streamCacher dropped
        EveryRoute.of(EveryRoute.STREAM_CACHER_STEP).run(service()); // step 6's own lines say it there
        assertThatThrownBy(() -> EveryRoute.of(7).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith(EveryRoute.NO_STREAM_READER).hasMessageContaining("step 6's streamCacher");
    }

    /** Step 6's retry rests on one line of serverless.yml that no test of step 7 reads (a walker's slip at step 7). */
    @Test
    void aStreamEventThatLostReportBatchItemFailuresFailsTheLineAfterStep6() throws Exception {
        streams = "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST)\"]";

        EveryRoute.of(EveryRoute.STREAM_CACHER_STEP).run(service()); // step 6's own lines say it there
        assertThatThrownBy(() -> EveryRoute.of(7).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("the stream event of streamCacher lost functionResponseType: ReportBatchItemFailures")
                .satisfies(failure -> assertThat(((ProbeFailure) failure).file())
                        .contains("workshop/06-stream-cacher.md, the edit of serverless.yml"));
    }

    @Test
    void aReadThatDynamoDbFailedAnsweredAsNotFoundFailsTheLineAfterStep3() throws Exception {
        readWhileDynamoDbFails = 404; // a read-aside that caught the database's error as "not found"

        EveryRoute.of(3).run(service()); // step 3's own lines say it there
        assertThatThrownBy(() -> EveryRoute.of(4).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("with DynamoDB failing, GET /users/nobody-").hasMessageContaining("answered 404")
                .hasMessageContaining(EveryRoute.FAILED_READ_AS_NOT_FOUND);
        assertThat(dynamoDbFails).as("DynamoDB healed after the read").isFalse();

        readWhileDynamoDbFails = 500;
        EveryRoute.of(4).run(service());
    }

    @Test
    void aFunctionThatLoggedTheKeyFailsTheLineFromStep2() throws Exception {
        log.add("[getUser#1] INFO MomentoApiKey - Loaded key ********");
        log.add("[getUser#1] The local cloud masked the Momento API key in the line above: a secret must never be logged");

        EveryRoute.of(1).run(service());
        assertThatThrownBy(() -> EveryRoute.of(2).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("[getUser#1] logged the Momento API key");
    }

    @Test
    void aClientBuiltOnEveryUseFailsTheLineFromStep3() throws Exception {
        for (int i = 0; i < 4; i++) {
            log.add("[createUser#1] INFO CacheClient - Creating Momento Cache Client");
            log.add("[createUser#1] REPORT RequestId: " + i + "\tDuration: 3.00 ms");
        }
        for (int i = 0; i < 5; i++) { // a slow first connection: a second, lazy client, then reuse
            log.add("[getUser#1] REPORT RequestId: " + i + "\tDuration: 3.00 ms");
        }
        log.add("[getUser#1] INFO CacheClient - Creating Momento Cache Client");
        log.add("[getUser#1] INFO CacheClient - Creating Momento Cache Client");

        EveryRoute.of(2).run(service()); // step 2's own lines say it there
        assertThatThrownBy(() -> EveryRoute.of(4).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessage("[createUser#1] built 4 Momento clients in 4 invocations: build one per execution environment,"
                        + " during Init, and reuse it");
        log.removeIf(line -> line.startsWith("[createUser#1]"));
        EveryRoute.of(4).run(service());
    }

    @Test
    void aClientFirstCreatedAfterTheEnvironmentsFirstStartFailsTheLineFromStep3() throws Exception {
        log.add("[getUser#1] INFO CacheClient - Creating Momento Cache Client"); // during Init
        log.add("[getUser#1] START RequestId: a Version: $LATEST");
        log.add("[getUser#1] REPORT RequestId: a\tDuration: 3.00 ms");
        log.add("[streamCacher#1] START RequestId: b Version: $LATEST");
        log.add("[streamCacher#1] INFO CacheClient - Creating Momento Cache Client"); // on first use
        log.add("[streamCacher#1] REPORT RequestId: b\tDuration: 900.00 ms");

        EveryRoute.of(2).run(service()); // step 2's own lines look at getUser's
        assertThatThrownBy(() -> EveryRoute.of(6).run(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("[streamCacher#1] created its Momento client in its first invocation (its log says"
                        + " \"Creating Momento Cache Client\" after its first START line), not during Init: the Dependencies"
                        + " method that builds streamCacher's handler must start creating it and wait for it")
                .satisfies(failure -> assertThat(((ProbeFailure) failure).file())
                        .contains("workshop/06-stream-cacher.md, the edit of Dependencies.java"));
    }

    @Test
    void aClientMadeOnFirstUseAfterAnInitThatLoggedWhyItCouldNotPasses() throws Exception {
        log.add("[getUser#2] WARN Dependencies - Momento client not created during Init, will retry on use: ...");
        log.add("[getUser#2] START RequestId: a Version: $LATEST");
        log.add("[getUser#2] INFO CacheClient - Creating Momento Cache Client");
        log.add("[getUser#2] REPORT RequestId: a\tDuration: 900.00 ms");
        log.add("[getUser#3] INFO CacheClient - Creating Momento Cache Client"); // still in Init: no event yet

        EveryRoute.of(6).run(service());
    }
}
