package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 6's lessons need a function on the table's stream: without one, serverless.yml is named, not the Java.
 * A failed cache write that AccountCache logged and went on is traced to the file that made it so.
 */
class Step6StreamCacherTest {
    @TempDir
    Path workingCopy;

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

    /** AccountCache.replace with {@code throw error;} turned into a LOG.warn: StreamCacher, which calls replace, is right. */
    @Test
    void aFailedWriteTheCacheLoggedIsTracedToAccountCacheWhenStreamCacherCallsReplace() throws Exception {
        streamCacherCalling("cache.replace(key.get(), value.get());");

        ProbeFailure failure = retryProbeWhileAccountCacheLogsTheFailedWrite();

        assertThat(failure.file()).contains("AccountCache.java");
        assertThat(failure.tracedInTheCode()).as("StreamCacher's own tests fail through replace too: the pointer stands").isTrue();
        assertThat(failure).hasMessageContaining("never reported a failed record")
                .hasMessageContaining("StreamCacher calls replace: AccountCache.replace must throw")
                .hasMessageNotContaining("which throws, not write");
    }

    @Test
    void aFailedWriteTheCacheLoggedIsTracedToStreamCacherWhenItCallsWrite() throws Exception {
        streamCacherCalling("cache.write(key.get(), value.get());");

        ProbeFailure failure = retryProbeWhileAccountCacheLogsTheFailedWrite();

        assertThat(failure.file()).contains("StreamCacher.java");
        assertThat(failure).hasMessageContaining("AccountCache logged the failed write and went on, as write does:"
                + " StreamCacher must call AccountCache.replace");
    }

    private void streamCacherCalling(String call) throws Exception {
        Path file = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("StreamCacher.java");
        Files.writeString(file, "public class StreamCacher {\n    public Outcome itemWritten(Map<String, String> item) {\n"
                + "        Optional<String> key = cacheKey(item);\n        if (key.isEmpty()) {\n            return Outcome.IGNORED;\n"
                + "        }\n        Optional<Object> value = toModel(item);\n        " + call + "\n        return Outcome.REFRESHED;\n"
                + "    }\n}\n");
    }

    /**
     * The retry lesson's probe, with Momento down while the table changes: the stream cacher's batch goes
     * through (no failed record reported) and AccountCache's WARN says that it logged the failed write.
     */
    private ProbeFailure retryProbeWhileAccountCacheLogsTheFailedWrite() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (StubGateway cloud = StubGateway.withAStreamCacherThatLogsItsFailedWrite(log)) {
            return catchThrowableOfType(() -> Step6StreamCacher.aChangeWhoseCacheWriteFailedIsCachedOnceMomentoIsBack(
                    cloud.service(() -> List.copyOf(log), workingCopy)), ProbeFailure.class);
        }
    }

    /** The stream event pasted under listMembers, the function above the one the guide adds. */
    @Test
    void anotherFunctionOnTheTablesStreamIsNamed() {
        subscriptions = "[\"listMembers <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST, ReportBatchItemFailures)\"]";

        ProbeFailure failure = catchThrowableOfType(() -> Step6StreamCacher.aFunctionReadsTheTablesStream(service()),
                ProbeFailure.class);

        assertThat(failure).hasMessageStartingWith("listMembers reads the table's stream, and no streamCacher does")
                .hasMessageContaining("belongs under the streamCacher function");
        assertThat(failure.file()).contains("serverless.yml");
    }

    @Test
    void aFunctionOnTheTablesStreamPasses() {
        subscriptions = "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST, ReportBatchItemFailures)\"]";

        assertThatCode(() -> Step6StreamCacher.aFunctionReadsTheTablesStream(service())).doesNotThrowAnyException();
    }

    /** A stream event with no retries: Lambda would never deliver the reported record again; the local cloud does. */
    @Test
    void aStreamEventWithNoRetriesIsToldAsLosingTheReportedRecordOnAws() {
        List<String> yml = List.of("      - stream:", "          type: dynamodb", "          maximumRetryAttempts: 0 # fewer retries");
        ProbeFailure failure = catchThrowableOfType(() -> Step6StreamCacher.retriesAReportedRecord(yml), ProbeFailure.class);
        assertThat(failure).hasMessageStartingWith("serverless.yml sets maximumRetryAttempts: 0");
        assertThat(failure.file()).hasValue("serverless.yml");

        assertThatCode(() -> Step6StreamCacher.retriesAReportedRecord(List.of("          maximumRetryAttempts: 10")))
                .doesNotThrowAnyException();
    }
}
