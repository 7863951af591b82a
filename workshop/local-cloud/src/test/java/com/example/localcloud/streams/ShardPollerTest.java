package com.example.localcloud.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.config.StreamEvent;
import com.example.localcloud.lambda.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event source mapping's rules, on a one-shard stream in memory: batch size, starting
 * position, and where a retry starts.
 */
@Timeout(30)
class ShardPollerTest {
    private final OneShardStream stream = new OneShardStream();
    /** The sequence numbers of each invocation's batch, in order. */
    private final List<List<String>> invocations = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Thread thread;
    private ShardPoller<String> poller;

    @AfterEach
    void stop() throws InterruptedException {
        if (poller != null) {
            poller.stop();
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @Test
    void batchesAreAtMostBatchSizeAndInOrder() throws Exception {
        stream.append(25);
        start(10, "TRIM_HORIZON", false, batch -> success(""));

        awaitDelivered(25);

        assertThat(invocations).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(delivered()).containsExactlyElementsOf(stream.all());
    }

    @Test
    void latestSkipsWhatTheStreamHeldBeforeTheMappingStarted() throws Exception {
        stream.append(5);
        start(10, "LATEST", false, batch -> success(""));
        stream.append(3);

        awaitDelivered(3);

        assertThat(delivered()).containsExactlyElementsOf(stream.all().subList(5, 8));
    }

    @Test
    void aReportedFailureIsRetriedFromThatRecordOn() throws Exception {
        stream.append(6);
        List<String> all = stream.all();
        boolean[] failedOnce = {false};
        start(10, "TRIM_HORIZON", true, batch -> {
            if (!failedOnce[0] && batch.contains(all.get(3))) {
                failedOnce[0] = true;
                return success("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + all.get(3) + "\"}]}");
            }
            return success("{\"batchItemFailures\":[]}");
        });

        awaitInvocations(2);

        assertThat(invocations.get(0)).containsExactlyElementsOf(all);
        assertThat(invocations.get(1)).as("from the failed record on").containsExactlyElementsOf(all.subList(3, 6));
        assertThat(log).anyMatch(line -> line.contains("the function reported failed records"));
    }

    @Test
    void aFailedInvocationGetsTheSameBatchAgain() throws Exception {
        stream.append(4);
        int[] calls = {0};
        start(10, "TRIM_HORIZON", true, batch -> ++calls[0] == 1
                ? new InvocationResult(InvocationResult.Status.FUNCTION_ERROR, new byte[0], null)
                : success(""));

        awaitInvocations(2);

        assertThat(invocations.get(1)).isEqualTo(invocations.get(0)).hasSize(4);
        assertThat(log).anyMatch(line -> line.contains("the invocation failed (FUNCTION_ERROR)"));
    }

    @Test
    void withoutReportBatchItemFailuresTheAnswerIsNotRead() throws Exception {
        stream.append(3);
        List<String> all = stream.all();
        start(10, "TRIM_HORIZON", false,
                batch -> success("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + all.get(1) + "\"}]}"));

        awaitDelivered(3);
        Thread.sleep(700); // longer than the first retry pause: no retry comes

        assertThat(invocations).hasSize(1);
        assertThat(log).as("the local cloud says why the report changed nothing")
                .anyMatch(line -> line.contains("no functionResponseType: ReportBatchItemFailures in serverless.yml"));
    }

    @Test
    void withoutReportBatchItemFailuresAnAnswerWithNoFailuresIsNotRemarkedOn() throws Exception {
        stream.append(2);
        start(10, "TRIM_HORIZON", false, batch -> success("{\"batchItemFailures\":[]}"));

        awaitDelivered(2);
        Thread.sleep(200); // the poller logs right after the invocation returns

        assertThat(invocations).hasSize(1);
        assertThat(log).noneMatch(line -> line.contains("ReportBatchItemFailures"));
    }

    private void start(int batchSize, String startingPosition, boolean reportBatchItemFailures,
                       Function<List<String>, InvocationResult> answer) {
        StreamEvent event = new StreamEvent("kinesis", "arn:aws:kinesis:us-east-1:000000000000:stream/s", batchSize,
                startingPosition, reportBatchItemFailures, true);
        FunctionInvoker invoker = (functionName, bytes) -> {
            List<String> batch = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split(","));
            invocations.add(batch);
            return answer.apply(batch);
        };
        poller = new ShardPoller<>(new StreamSubscription("consumer", event, "us-east-1"), stream, invoker, log::add);
        thread = new Thread(poller, "test-poller");
        thread.start();
    }

    private static InvocationResult success(String payload) {
        return new InvocationResult(InvocationResult.Status.SUCCESS, payload.getBytes(StandardCharsets.UTF_8), null);
    }

    private List<String> delivered() {
        return invocations.stream().flatMap(List::stream).toList();
    }

    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(delivered()).hasSizeGreaterThanOrEqualTo(count);
    }

    private void awaitInvocations(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (invocations.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(invocations).hasSizeGreaterThanOrEqualTo(count);
    }

    /**
     * A stream with one shard whose records are their sequence numbers. An iterator is the index
     * of the next record to read; the event is the batch's sequence numbers, comma-separated.
     */
    private static final class OneShardStream implements ShardedStream<String> {
        private final List<String> records = new CopyOnWriteArrayList<>();

        void append(int count) {
            for (int i = 0; i < count; i++) {
                records.add(String.valueOf(1000 + records.size()));
            }
        }

        List<String> all() {
            return new ArrayList<>(records);
        }

        @Override
        public List<String> shardIds() {
            return List.of("shardId-000000000000");
        }

        @Override
        public String iterator(String shardId, String position, String sequenceNumber) {
            return switch (position) {
                case "TRIM_HORIZON" -> "0";
                case "LATEST" -> String.valueOf(records.size());
                case AFTER_SEQUENCE_NUMBER -> String.valueOf(records.indexOf(sequenceNumber) + 1);
                default -> throw new IllegalArgumentException(position);
            };
        }

        @Override
        public Batch<String> read(String iterator, int limit) {
            int from = Integer.parseInt(iterator);
            int to = Math.min(records.size(), from + limit);
            return new Batch<>(List.copyOf(records.subList(from, to)), String.valueOf(to));
        }

        @Override
        public String sequenceNumber(String record) {
            return record;
        }

        @Override
        public byte[] event(String shardId, List<String> records) {
            return String.join(",", records).getBytes(StandardCharsets.UTF_8);
        }
    }
}
