package com.example.localcloud.streams;

import com.example.localcloud.lambda.InvocationResult;
import com.example.localcloud.lambda.LambdaService;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One event source mapping from a DynamoDB stream to a function, as Lambda runs it: reads each
 * shard in order (GetRecords, at most {@code batchSize} records), invokes the function with the
 * batch and moves on only when the batch succeeded. A failed invocation is retried with the same
 * batch; with {@code ReportBatchItemFailures}, from the first failed record on. Retries go on
 * (with a growing pause, up to 5 s) until the function succeeds or the local cloud stops, as
 * Lambda's do until the records expire from the stream (24 h).
 *
 * <p>The Streams calls are signed with the function's credentials, as Lambda uses the function's
 * execution role: serverless.yml's IAM statements decide whether the mapping can read the stream.
 */
final class DynamoDbStreamPoller implements Runnable {

    private static final long IDLE_PAUSE_MILLIS = 250; // Lambda polls each shard about four times a second
    private static final long MAX_RETRY_PAUSE_MILLIS = 5_000;
    private static final long DESCRIBE_EVERY_MILLIS = 10_000;

    private final StreamSubscription subscription;
    private final String streamArn;
    private final DynamoDbStreamsClient streams;
    private final LambdaService lambda;
    private final Consumer<String> log;
    /** Open shard id -> its next iterator (null once the shard is closed and read to its end). */
    private final Map<String, String> iterators = new LinkedHashMap<>();
    /** Shard id -> the last sequence number handed to the function successfully. */
    private final Map<String, String> done = new LinkedHashMap<>();
    private volatile boolean stopped;
    private long lastDescribe;

    /**
     * Gets the first shard iterators now (so {@code LATEST} means "from now"), polls once
     * {@link #run} runs.
     *
     * @param streamArn the stream's ARN as DynamoDB Local names it
     */
    DynamoDbStreamPoller(StreamSubscription subscription, String streamArn, DynamoDbStreamsClient streams,
                         LambdaService lambda, Consumer<String> log) {
        this.subscription = subscription;
        this.streamArn = streamArn;
        this.streams = streams;
        this.lambda = lambda;
        this.log = log;
        discoverShards(ShardIteratorType.fromValue(subscription.event().startingPosition()));
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long pause = IDLE_PAUSE_MILLIS;
        while (!stopped) {
            try {
                if (System.currentTimeMillis() - lastDescribe > DESCRIBE_EVERY_MILLIS) {
                    discoverShards(ShardIteratorType.TRIM_HORIZON); // a new shard is read from its start
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
        GetRecordsResponse response;
        try {
            response = streams.getRecords(request -> request.shardIterator(iterator).limit(subscription.event().batchSize()));
        } catch (ExpiredIteratorException e) {
            iterators.put(shardId, resumeIterator(shardId));
            return false;
        }
        if (!response.records().isEmpty()) {
            deliver(response.records());
            done.put(shardId, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
        }
        iterators.put(shardId, response.nextShardIterator()); // null: the shard is closed and read
        return !response.records().isEmpty();
    }

    /**
     * Invokes the function until the whole batch is processed: a failed invocation is retried with
     * the same records, a reported item failure from that record on.
     */
    void deliver(List<Record> batch) throws InterruptedException {
        List<Record> remaining = batch;
        long pause = 500;
        while (!remaining.isEmpty() && !stopped) {
            byte[] event = DynamodbEventJson.event(remaining, subscription.region(), subscription.event().arn());
            InvocationResult result = lambda.invoke(subscription.functionName(), event);
            List<Record> retry = remaining;
            if (result.status() == InvocationResult.Status.SUCCESS) {
                retry = subscription.event().reportBatchItemFailures()
                        ? retryFrom(remaining, DynamodbEventJson.batchItemFailures(result.payload()))
                        : List.of();
            }
            if (retry.isEmpty()) {
                return;
            }
            log.accept("Stream " + subscription + ": " + (result.status() == InvocationResult.Status.SUCCESS
                    ? "the function reported failed records" : "the invocation failed (" + result.status() + ")")
                    + ", retrying " + retry.size() + " of " + remaining.size() + " records from sequence number "
                    + retry.get(0).dynamodb().sequenceNumber() + " in " + pause + " ms");
            Thread.sleep(pause);
            pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MILLIS);
            remaining = retry;
        }
    }

    /**
     * The records to deliver again after a {@code ReportBatchItemFailures} answer: from the lowest
     * reported sequence number on; all of them if an identifier is missing or names no record of
     * the batch (Lambda then treats the whole batch as failed); none if nothing was reported.
     */
    static List<Record> retryFrom(List<Record> batch, List<Optional<String>> failures) {
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
            if (new BigInteger(batch.get(i).dynamodb().sequenceNumber()).equals(lowest)) {
                return batch.subList(i, batch.size());
            }
        }
        return batch;
    }

    private void discoverShards(ShardIteratorType newShardsFrom) {
        lastDescribe = System.currentTimeMillis();
        List<Shard> shards = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards();
        for (Shard shard : shards) {
            if (!iterators.containsKey(shard.shardId())) {
                iterators.put(shard.shardId(), streams.getShardIterator(request -> request.streamArn(streamArn)
                        .shardId(shard.shardId()).shardIteratorType(newShardsFrom)).shardIterator());
            }
        }
    }

    private String resumeIterator(String shardId) {
        String last = done.get(shardId);
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (last == null) {
                request.shardIteratorType(ShardIteratorType.fromValue(subscription.event().startingPosition()));
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
            }
        }).shardIterator();
    }
}
