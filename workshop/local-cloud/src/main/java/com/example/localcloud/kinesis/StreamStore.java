package com.example.localcloud.kinesis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's streams in one region, by name, in memory; names sort as ListStreams returns them.
 */
final class StreamStore {

    /** AWS's default shard quota for an account in us-east-1, us-west-2 and eu-west-1. */
    static final int ACCOUNT_SHARD_LIMIT = 500;

    private final String region;
    private final String accountId;
    private final LocalClock clock;
    private final ConcurrentSkipListMap<String, KinesisStream> streams = new ConcurrentSkipListMap<>();
    private final AtomicLong lastIncarnation = new AtomicLong();

    StreamStore(String region, String accountId, LocalClock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    LocalClock clock() {
        return clock;
    }

    String arnOf(String streamName) {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + streamName;
    }

    /** @throws KinesisError ResourceInUseException if the name is taken, LimitExceededException past the shard quota */
    synchronized KinesisStream create(String name, KinesisStream.StreamMode mode, int shardCount) {
        if (streams.containsKey(name)) {
            throw KinesisError.streamExists(name, accountId);
        }
        int shardsInUse = streams.values().stream().mapToInt(stream -> stream.shards().size()).sum();
        if (shardsInUse + shardCount > ACCOUNT_SHARD_LIMIT) {
            throw KinesisError.limitExceeded("This request would exceed the shard limit for the account " + accountId
                    + " in " + region + ". Current limit of shards is " + ACCOUNT_SHARD_LIMIT + " (" + shardsInUse
                    + " in use). Request a higher limit from AWS.");
        }
        Instant now = clock.now();
        // unique even for two streams created in the same millisecond
        long incarnation = lastIncarnation.updateAndGet(previous -> Math.max(previous + 1, now.toEpochMilli()));
        KinesisStream stream = KinesisStream.create(name, arnOf(name), mode, shardCount, now, incarnation);
        streams.put(name, stream);
        return stream;
    }

    synchronized void delete(String name) {
        if (streams.remove(name) == null) {
            throw KinesisError.streamNotFound(name, accountId);
        }
    }

    KinesisStream get(String name) {
        return find(name).orElseThrow(() -> KinesisError.streamNotFound(name, accountId));
    }

    Optional<KinesisStream> find(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    /** Streams whose names sort after {@code exclusiveStart} ({@code null}: from the first), at most {@code limit}+1. */
    List<KinesisStream> listAfter(String exclusiveStart, int limit) {
        var tail = exclusiveStart == null ? streams : streams.tailMap(exclusiveStart, false);
        return tail.values().stream().limit(limit + 1L).toList();
    }
}
