package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How step 7's check tells a batch summary that counted duplicates, whatever its wording, and a stream nobody reads. */
class Step7StreamConsumerTest {
    private volatile String endpoints = "{\"tables\":[\"accounts-dev-AccountsTable\"]}";
    private volatile String streams = "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST)\"]";

    @Test
    void eventsAreNotPutWhereNoStreamIsOrNoConsumerReadsOneAndTheLineSaysWhichInServerlessYml() throws Exception {
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(200,
                path.equals("/_local/endpoints") ? endpoints : path.equals("/_local/streams") ? streams : "{}"))) {
            assertThatThrownBy(() -> Step7StreamConsumer.streamToPutOn(gateway.service(List::of))).isInstanceOf(ProbeFailure.class)
                    .hasMessageStartingWith("the local cloud has no Kinesis stream to put the events on")
                    .hasMessageNotContaining("--stream");

            endpoints = "{\"kinesis\":\"http://127.0.0.1:1\",\"kinesisStreams\":[\"accounts-dev-activity\"]}";
            assertThatThrownBy(() -> Step7StreamConsumer.streamToPutOn(gateway.service(List::of))).isInstanceOf(ProbeFailure.class)
                    .hasMessageStartingWith("activityConsumer reads no Kinesis stream, so no event put on accounts-dev-activity");

            streams = "[\"activityConsumer <- kinesis stream accounts-dev-activity (batch 100, LATEST)\"]";
            assertThat(Step7StreamConsumer.streamToPutOn(gateway.service(List::of)).streamName()).isEqualTo("accounts-dev-activity");
        }
    }

    /** The activity table keyed by username (the stream's partition key): each user's later events would be "duplicates". */
    @Test
    void anActivityTableKeyedOtherwiseThanByEventIdAloneIsToldAsServerlessYmlsKeySchema() throws Exception {
        String[] keySchema = {"[{\"AttributeName\":\"username\",\"KeyType\":\"HASH\"}]"};
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(200,
                path.equals("/_local/dynamodb/DescribeTable") ? "{\"Table\":{\"KeySchema\":" + keySchema[0] + "}}" : "{}"))) {
            ProbeFailure failure = catchThrowableOfType(() -> Step7StreamConsumer.theActivityTableIsKeyedByEventId(
                    gateway.service(List::of), "accounts-dev-activity"), ProbeFailure.class);
            assertThat(failure).hasMessageStartingWith("the activity table's key is username (HASH), not eventId alone");
            assertThat(failure.file()).hasValue("serverless.yml");

            keySchema[0] = "[{\"AttributeName\":\"eventId\",\"KeyType\":\"HASH\"}]";
            Step7StreamConsumer.theActivityTableIsKeyedByEventId(gateway.service(List::of), "accounts-dev-activity");
        }
    }

    /** The record's data decoded from base64 again: every well-formed event the probe put is skipped as malformed. */
    @Test
    void wellFormedEventsSkippedAsMalformedAreToldAsTheHandlersReading() throws Exception {
        List<String> log = List.of("[activityConsumer#1] WARN ActivityConsumerHandler - Activity record 4900 is not an activity"
                + " event, skipped: Illegal base64 character 7b");
        LocalService service = new LocalService(URI.create("http://localhost:1"), () -> log);

        ProbeFailure failure = catchThrowableOfType(() -> Step7StreamConsumer.skippedAsMalformed(service, 0, 0, 3),
                ProbeFailure.class);
        assertThat(failure).hasMessageStartingWith("the activity table holds 0 of the 3 events put on the stream, and"
                + " activityConsumer skipped 1 record(s)").hasMessageEndingWith("Illegal base64 character 7b");
        assertThat(failure.file()).hasValue("ActivityConsumerHandler.java");

        Step7StreamConsumer.skippedAsMalformed(service, 1, 0, 3); // skipped before the probe's put: not its events
        Step7StreamConsumer.skippedAsMalformed(service, 0, 3, 3); // all recorded
    }

    /** An AccountCache of the consumer's own, with a TTL of an hour: its fills outlast what the read path promises. */
    @Test
    void aConsumersFillThatOutlastsTheReadPathsTtlIsToldAsDependencies() throws Exception {
        long[] remaining = {3_600_000};
        try (StubGateway gateway = new StubGateway((method, path, query) -> new StubGateway.Answer(200,
                path.equals("/_local/momento/items") && query.contains("ada") ? "{\"items\":[{\"key\":\"user#ada\","
                        + "\"remainingTtlMillis\":" + remaining[0] + "}]}" : "{\"items\":[]}"))) {
            ProbeFailure failure = catchThrowableOfType(() -> Step7StreamConsumer.fillsEndAsTheReadPathsDo(
                    gateway.service(List::of), "ada", "acme"), ProbeFailure.class);
            assertThat(failure).hasMessageContaining("cached user#ada for 3600 more seconds");
            assertThat(failure.file()).hasValue("Dependencies.java");

            remaining[0] = 59_000;
            Step7StreamConsumer.fillsEndAsTheReadPathsDo(gateway.service(List::of), "ada", "acme");
        }
    }

    @Test
    void aRefusalOnTheOtherTableThanTheRepositorysIsToldAsTheVariablesSwappedInDependencies() {
        String table = "arn:aws:dynamodb:us-east-1:000000000000:table/accounts-dev-";
        assertThat(Step7StreamConsumer.tableSwapped("is not authorized to perform: dynamodb:GetItem on resource: " + table
                + "ActivityTable")).hasValueSatisfying(why -> assertThat(why).contains("AccountRepository reads the activity table"));
        assertThat(Step7StreamConsumer.tableSwapped("is not authorized to perform: dynamodb:PutItem on resource: " + table
                + "AccountsTable")).hasValueSatisfying(why -> assertThat(why).contains("ActivityRepository writes the accounts table"));
        assertThat(Step7StreamConsumer.tableSwapped("is not authorized to perform: dynamodb:GetItem on resource: " + table
                + "AccountsTable")).as("the right table, a grant missing: serverless.yml's").isEmpty();
        assertThat(Step7StreamConsumer.tableSwapped("is not authorized to perform: dynamodb:PutItem on resource: " + table
                + "ActivityTable")).isEmpty();
    }

    /** writeOnce written as a GetItem, then a plain PutItem: the refused GetItem is that read, not a swapped repository. */
    @Test
    void aGetItemOnTheActivityTableIsToldAsTheRepositorysReadWhenItReads() {
        String refusal = "is not authorized to perform: dynamodb:GetItem on resource:"
                + " arn:aws:dynamodb:us-east-1:000000000000:table/accounts-dev-ActivityTable";

        assertThat(Step7StreamConsumer.tableSwapped(refusal, true)).hasValueSatisfying(why -> assertThat(why)
                .contains("ActivityRepository reads the activity table before it writes").contains("attribute_not_exists(eventId)")
                .doesNotContain("Dependencies"));
        assertThat(Step7StreamConsumer.tableSwapped(refusal, false)).hasValueSatisfying(why -> assertThat(why)
                .contains("AccountRepository reads the activity table"));
    }

    @Test
    void aSummaryWithAtLeastOneDuplicateIsToldInTheGuidesWordsOrOnesOwn() {
        assertThat(List.of(
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 2 activity events (2 duplicates, 0 malformed): ...",
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 1 activity event (1 duplicate, 0 malformed)",
                "[activityConsumer#1] INFO Summary - 93 new, 5 duplicates",
                "[activityConsumer#1] INFO Summary - duplicates: 3"))
                .allMatch(line -> Step7StreamConsumer.SOME_DUPLICATES.matcher(line).find());
        assertThat(List.of(
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 2 activity events (0 duplicates, 0 malformed): ...",
                "[activityConsumer#1] INFO Summary - duplicates: 0",
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 0 activity events (0 duplicates, 2 malformed): ...",
                "[activityConsumer#1] INFO Summary - 10 duplicatesX"))
                .noneMatch(line -> Step7StreamConsumer.SOME_DUPLICATES.matcher(line).find());
    }

    @Test
    void aConsumerThatStartsAtLatestIsToldFromTheLocalCloudsBanner() {
        String latest = "    activityConsumer <- kinesis stream momento-accounts-workshop-dev-ActivityStream (batch 100, LATEST,"
                + " ReportBatchItemFailures)";

        assertThat(Step7StreamConsumer.subscribedFromLatest(List.of(latest))).hasValue(latest.strip());
        assertThat(Step7StreamConsumer.subscribedFromLatest(List.of(latest.replace("LATEST", "TRIM_HORIZON")))).isEmpty();
    }

    @Test
    void anActivityTableNameWrittenOutOrTheAccountsTablesIsToldWhereverItStandsAndItsOwnRefOrAVariableIsNot() {
        String written = "momento-accounts-workshop-dev-ActivityTable";
        List<String> provider = List.of("provider:", "  environment:", "    TABLE_NAME: !Ref AccountsTable",
                "    ACTIVITY_TABLE_NAME: " + written, "functions:", "  activityConsumer:", "    handler: a.B");
        List<String> function = List.of("provider:", "  environment:", "    TABLE_NAME: !Ref AccountsTable", "functions:",
                "  activityConsumer:", "    handler: a.B", "    environment:", "      ACTIVITY_TABLE_NAME: '" + written + "'");

        assertThat(Step7StreamConsumer.activityTableNameProblem(provider)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("is a name written out (" + written + ")"));
        assertThat(Step7StreamConsumer.activityTableNameProblem(function)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("is a name written out (" + written + ")"));
        assertThat(Step7StreamConsumer.activityTableNameProblem(replaced(provider, written, "!Ref AccountsTable")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("is !Ref AccountsTable, as TABLE_NAME is"));

        assertThat(Step7StreamConsumer.activityTableNameProblem(replaced(provider, written, "!Ref ActivityTable"))).isEmpty();
        assertThat(Step7StreamConsumer.activityTableNameProblem(replaced(function, "'" + written + "'", "${self:custom.activityTable}")))
                .isEmpty();
        assertThat(Step7StreamConsumer.activityTableNameProblem(List.of("provider: [", "  oops"))).isEmpty();
    }

    private static List<String> replaced(List<String> lines, String what, String with) {
        return lines.stream().map(line -> line.replace(what, with)).toList();
    }
}
