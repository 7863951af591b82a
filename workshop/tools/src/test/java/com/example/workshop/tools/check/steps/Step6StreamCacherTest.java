package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 6's lessons need a function on the table's stream: without one, serverless.yml is named, not the Java. */
class Step6StreamCacherTest {
    private StubGateway localCloud;
    private volatile String subscriptions = "[]";

    @BeforeEach
    void start() throws Exception {
        localCloud = new StubGateway((method, path) -> new StubGateway.Answer(200,
                path.equals("/_local/endpoints") ? "{\"tables\":[\"accounts-dev-AccountsTable\"]}"
                        : path.equals("/_local/streams") ? subscriptions : "{}"));
    }

    @AfterEach
    void stop() {
        localCloud.close();
    }

    private LocalService service() {
        return localCloud.service(List::of);
    }

    @Test
    void theStreamCachersOwnTableActionsAreNamed() {
        List<String> copied = List.of("functions:", "  streamCacher:", "    iamRoleStatements:", "      - Effect: Allow",
                "        Action:", "          - dynamodb:GetItem", "          - dynamodb:Query", "        Resource: !GetAtt T.Arn",
                "      - Effect: Allow", "        Action: '*'", "        Resource: '*'");
        assertThat(Step6StreamCacher.ownTableActions(copied)).containsExactly("dynamodb:GetItem", "dynamodb:Query", "*");
        assertThat(Step6StreamCacher.ownTableActions(List.of("functions:", "  streamCacher:", "    iamRoleStatements: []")))
                .isEmpty();
    }

    @Test
    void withoutAFunctionOnTheTablesStreamServerlessYmlIsNamed() {
        subscriptions = "[\"activityConsumer <- kinesis stream accounts-dev-activity (batch 100, TRIM_HORIZON)\"]";

        ProbeFailure failure = catchThrowableOfType(() -> Step6StreamCacher.aFunctionReadsTheTablesStream(service()),
                ProbeFailure.class);

        assertThat(failure).hasMessageContaining("no function reads the table's stream");
        assertThat(failure.file()).contains("serverless.yml");
    }

    @Test
    void aFunctionOnTheTablesStreamPasses() {
        subscriptions = "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST, ReportBatchItemFailures)\"]";

        assertThatCode(() -> Step6StreamCacher.aFunctionReadsTheTablesStream(service())).doesNotThrowAnyException();
    }
}
