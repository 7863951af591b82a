package com.example.localcloud.streams;

import com.example.localcloud.lambda.InvocationResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One event source mapping from a stream (DynamoDB or Kinesis) to a function, as Lambda runs it:
 * reads each shard in order (at most {@code batchSize} records), invokes the function with the
 * batch and moves on only when the batch succeeded. A failed invocation is retried with the same
 * batch; with {@code ReportBatchItemFailures}, from the first failed record on. Retries go on
 * (with a growing pause, up to 5 s) until the function succeeds or the local cloud stops, as
 * Lambda's do until the records expire from the stream (24 h by default).
 *
 * <p>The stream is read with the function's credentials, as Lambda uses the function's execution
 * role: serverless.yml's IAM statements decide whether the mapping can read the stream.
 *
 * @param <R> a record as the stream's SDK returns it
 */
final class ShardPoller<R> implements Runnable {

    private static final long IDLE_PAUSE_MILLIS = 250; // Lambda polls each shard about four times a second
    private static final long MAX_RETRY_PAUSE_MILLIS = 5_000;
    private static final long DISCOVER_EVERY_MILLIS = 10_000;

    private final StreamSubscription subscription;
    private final ShardedStream<R> stream;
    private final FunctionInvoker lambda;
    private final Consumer<String> log;
    /** Shard id -> its next iterator (null once the shard is closed and read to its end). */
    private final Map<String, String> iterators = new LinkedHashMap<>();
    /** Shard id -> the last sequence number handed to the function successfully. */
    private final Map<String, String> done = new LinkedHashMap<>();
    private volatile boolean stopped;
    private long lastDiscovery;

    /**
     * Gets the first shard iterators now (so {@code LATEST} means "from now"), polls once
     * {@link #run} runs.
     */
    ShardPoller(StreamSubscription subscription, ShardedStream<R> stream, FunctionInvoker lambda, Consumer<String> log) {
        this.subscription = subscription;
        this.stream = stream;
        this.lambda = lambda;
        this.log = log;
        discoverShards(subscription.event().startingPosition());
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long pause = IDLE_PAUSE_MILLIS;
        while (!stopped) {
            try {
                if (System.currentTimeMillis() - lastDiscovery > DISCOVER_EVERY_MILLIS) {
                    discoverShards("TRIM_HORIZON"); // a new shard is read from its start
                }
                boolean anyRecords = false;
                for (String shardId : new ArrayList<>(iterators.keySet())) {
                    anyRecords |= pollShard(shardId);
                    if (stopped) {
                        return;
                    }
                }
                pause = IDLE_PAUSE_MILLIS;
                if (!anyRecords) {
                    Thread.sleep(IDLE_PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                log.accept("Stream " + subscription + ": " + e.getMessage() + " (retrying in " + pause + " ms)");
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MILLIS);
            }
        }
    }

    /** Reads one batch of a shard and delivers it. @return whether there were records */
    private boolean pollShard(String shardId) throws InterruptedException {
        String iterator = iterators.get(shardId);
        if (iterator == null) {
            return false;
        }
        ShardedStream.Batch<R> batch = stream.read(iterator, subscription.event().batchSize());
        if (batch == null) { // expired: start again after the last record delivered
            iterators.put(shardId, resumeIterator(shardId));
            return false;
        }
        if (!batch.records().isEmpty()) {
            deliver(shardId, batch.records());
            done.put(shardId, stream.sequenceNumber(batch.records().get(batch.records().size() - 1)));
        }
        iterators.put(shardId, batch.nextIterator());
        return !batch.records().isEmpty();
    }

    /**
     * Invokes the function until the whole batch is processed: a failed invocation is retried with
     * the same records, a reported item failure from that record on.
     */
    void deliver(String shardId, List<R> batch) throws InterruptedException {
        List<R> remaining = batch;
        long pause = 500;
        while (!remaining.isEmpty() && !stopped) {
            InvocationResult result = lambda.invoke(subscription.functionName(), stream.event(shardId, remaining));
            List<R> retry = remaining;
            List<Optional<String>> failures = List.of();
            if (result.status() == InvocationResult.Status.SUCCESS) {
                failures = BatchItemFailures.read(result.payload());
                if (subscription.event().reportBatchItemFailures()) {
                    retry = retryFrom(remaining, failures, stream::sequenceNumber);
                } else {
                    retry = List.of();
                    if (!failures.isEmpty()) {
                        // Lambda says nothing here; the local cloud does, as this is a mistake easy to make and hard to see.
                        log.accept("Stream " + subscription + ": the function reported failed records, but the event has no"
                                + " functionResponseType: ReportBatchItemFailures in serverless.yml, so Lambda ignores the"
                                + " report: the batch counts as processed and no record of it is delivered again");
                    }
                }
            }
            if (retry.isEmpty()) {
                return;
            }
            log.accept("Stream " + subscription + ": " + (result.status() == InvocationResult.Status.SUCCESS
                    ? reported(failures) : "the invocation failed (" + result.status() + ")")
                    + ", retrying " + retry.size() + " of " + remaining.size() + " records from sequence number "
                    + stream.sequenceNumber(retry.get(0)) + " in " + pause + " ms");
            Thread.sleep(pause);
            pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MILLIS);
            remaining = retry;
        }
    }

    /**
     * What the log says of a report: a failure without an identifier fails the whole batch on AWS too,
     * where nothing says why every record comes again (a handler that reports a null sequence number
     * for a batch it finished: its records all counted as duplicates next time).
     */
    static String reported(List<Optional<String>> failures) {
        return failures.stream().anyMatch(Optional::isEmpty)
                ? "the function reported failed records, one without an itemIdentifier (Lambda then fails the whole batch)"
                : "the function reported failed records";
    }

    /**
     * The records to deliver again after a {@code ReportBatchItemFailures} answer: from the lowest
     * reported sequence number on; all of them if an identifier is missing or names no record of
     * the batch (Lambda then treats the whole batch as failed); none if nothing was reported.
     */
    static <R> List<R> retryFrom(List<R> batch, List<Optional<String>> failures, Function<R, String> sequenceNumber) {
        if (failures.isEmpty()) {
            return List.of();
        }
        BigInteger lowest = null;
        for (Optional<String> failure : failures) {
            if (failure.isEmpty() || !failure.get().matches("\\d+")) {
                return batch;
            }
            BigInteger sequence = new BigInteger(failure.get());
            lowest = lowest == null || sequence.compareTo(lowest) < 0 ? sequence : lowest;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (new BigInteger(sequenceNumber.apply(batch.get(i))).equals(lowest)) {
                return batch.subList(i, batch.size());
            }
        }
        return batch;
    }

    private void discoverShards(String newShardsFrom) {
        lastDiscovery = System.currentTimeMillis();
        for (String shardId : stream.shardIds()) {
            if (!iterators.containsKey(shardId)) {
                iterators.put(shardId, stream.iterator(shardId, newShardsFrom, null));
            }
        }
    }

    private String resumeIterator(String shardId) {
        String last = done.get(shardId);
        return last == null
                ? stream.iterator(shardId, subscription.event().startingPosition(), null)
                : stream.iterator(shardId, ShardedStream.AFTER_SEQUENCE_NUMBER, last);
    }
}
