package com.example.workshop.tools.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class ActivityStreamWriterTest {
    private final List<ActivityEvent> events = new ActivityEvents(ActivityEvents.usernames(3), ActivityEvents.organizations(1),
            7, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)).next(1200);

    @Test
    void putsEveryEventInCallsOfAtMost500AndCountsThem() throws InterruptedException {
        List<Integer> callSizes = new ArrayList<>();
        ActivityStreamWriter writer = new ActivityStreamWriter(kinesis(request -> {
            callSizes.add(request.records().size());
            return accepted(request.records().size(), 0);
        }), "activity");

        writer.put(events);

        assertThat(callSizes).containsExactly(500, 500, 200);
        assertThat(writer.stored()).isEqualTo(1200);
    }

    /** A shard that stops taking records for good, in the second call: the first call's 500 stay on the stream. */
    @Test
    void afterAFailureItSaysHowManyWentInBeforeIt() {
        List<Integer> callSizes = new ArrayList<>();
        ActivityStreamWriter writer = new ActivityStreamWriter(kinesis(request -> {
            callSizes.add(request.records().size());
            int size = request.records().size();
            return callSizes.size() == 1 ? accepted(size, 0) : accepted(size, callSizes.size() == 2 ? 10 : size);
        }), "activity");

        assertThatThrownBy(() -> writer.put(events)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("10 records still failed after 5 attempts")
                .hasMessageContaining("ProvisionedThroughputExceededException");
        assertThat(callSizes).as("the second call, then four retries of its 10 failed records").containsExactly(500, 500, 10, 10, 10, 10);
        assertThat(writer.stored()).isEqualTo(990);
    }

    /** Kinesis's answer to {@code size} records, the last {@code failed} of them throttled. */
    private static PutRecordsResponse accepted(int size, int failed) {
        List<PutRecordsResultEntry> results = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            results.add(i < size - failed ? PutRecordsResultEntry.builder().sequenceNumber(String.valueOf(i)).shardId("shardId-0").build()
                    : PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("Rate exceeded for shard shardId-0").build());
        }
        return PutRecordsResponse.builder().records(results).failedRecordCount(failed).build();
    }

    private static KinesisClient kinesis(java.util.function.Function<PutRecordsRequest, PutRecordsResponse> putRecords) {
        return new KinesisClient() {
            @Override
            public PutRecordsResponse putRecords(PutRecordsRequest request) {
                return putRecords.apply(request);
            }

            @Override
            public String serviceName() {
                return "kinesis";
            }

            @Override
            public void close() {
            }
        };
    }
}
