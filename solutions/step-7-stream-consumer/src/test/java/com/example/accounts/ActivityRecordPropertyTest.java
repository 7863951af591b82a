package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.accounts.handlers.ActivityConsumerHandler;
import com.example.accounts.handlers.ActivityConsumerHandler.BatchSummary;
import com.example.accounts.model.ActivityEvent;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.repository.ActivityRepository;
import com.example.accounts.service.AccountService;
import com.example.accounts.service.ActivityConsumer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random and adversarial records on the activity stream, against DynamoDB Local: none of them
 * is reported as failed. A record that failed every time would be retried until it expired,
 * and would hold up every record behind it in its shard.
 */
class ActivityRecordPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for a field that the record does not have. */
    private static final Object MISSING = new Object();
    private static ActivityConsumerHandler handler;

    @BeforeContainer
    static void aliceFoundsAcme() {
        AccountRepository accounts = new AccountRepository(LocalDynamoDb.client(), LocalDynamoDb.createAccountsTable());
        AccountService api = new AccountService(accounts, TestCaches.inMemory());
        api.createUser(new User("alice", "Alice", "Liddell"));
        api.createOrganization("acme", "alice");
        handler = new ActivityConsumerHandler(new ActivityConsumer(accounts,
                new ActivityRepository(LocalDynamoDb.client(), LocalDynamoDb.createActivityTable()),
                TestCaches.inMemory()));
    }

    @Property(tries = 300)
    void noRecordIsEverReportedAsFailed(@ForAll("records") byte[] data) {
        BatchSummary summary = handler.process(List.of(KinesisEvents.record("alice", data)), () -> 10_000);

        // The tries share one activity table: an eventId an earlier try recorded comes again as a duplicate.
        String record = new String(data, StandardCharsets.UTF_8);
        assertThat(summary.retryFrom()).as("the record %s was reported failed: a record that fails on every delivery holds"
                + " up its shard (bad data is malformed, a duplicate is no failure)", record).isNull();
        assertThat(summary.enriched() + summary.malformed()).as("enriched or malformed: %s", record).isEqualTo(1);
        // Not only malformed records: enough of them are valid to reach DynamoDB.
        Statistics.collect(summary.enriched() == 1 ? "enriched" : "malformed");
        Statistics.coverage(coverage -> coverage.check("enriched").percentage(percent -> percent > 10));
    }

    @Provide
    Arbitrary<byte[]> records() {
        Arbitrary<byte[]> events = Combinators.combine(
                field(Arbitraries.of("e-1", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")),
                field(Arbitraries.of("alice", "bob", "ALICE")),
                field(Arbitraries.of("acme", "Acme", "acme-corp", "nowhere")),
                field(Arbitraries.of("viewed-dashboard", "logged-in")),
                field(Arbitraries.of("2026-11-23T10:15:30Z", "2026-11-23T10:15:30.123456789Z", "2026-11-23T11:15:30+01:00")))
                .as((eventId, username, organization, action, occurredAt) -> {
                    Map<String, Object> event = new HashMap<>();
                    put(event, "eventId", eventId);
                    put(event, "username", username);
                    put(event, "organization", organization);
                    put(event, "action", action);
                    put(event, "occurredAt", occurredAt);
                    return utf8(event);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(8, events),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300).map(text -> text.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
    }

    /** A field: mostly plausible, sometimes adversarial (empty, separators, unicode, the longest accepted, huge), of another JSON type, or missing. */
    private static Arbitrary<Object> field(Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(20, plausible.map(value -> (Object) value)),
                Tuple.of(1, Arbitraries.of("", " ", "USER#alice", "a#b", "é", "\u0000", "alice\n", "é".repeat(ActivityEvent.MAX_TEXT_LENGTH),
                        "\uD83D\uDE00".repeat(ActivityEvent.MAX_TEXT_LENGTH / 2), "x".repeat(10_000)).map(value -> (Object) value)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300).map(value -> (Object) value)),
                Tuple.of(1, Arbitraries.of(42, true, List.of("alice"), Map.of("k", "v")).map(value -> (Object) value)),
                Tuple.of(1, Arbitraries.just(MISSING)));
    }

    private static void put(Map<String, Object> event, String field, Object value) {
        if (value != MISSING) {
            event.put(field, value);
        }
    }

    private static byte[] utf8(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
