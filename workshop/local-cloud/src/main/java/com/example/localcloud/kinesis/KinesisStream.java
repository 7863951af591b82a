package com.example.localcloud.kinesis;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stream: ACTIVE from its creation on, with a fixed set of shards (no resharding), so every
 * shard is open and has no parent.
 *
 * @param incarnation tells this stream from an earlier one of the same name
 */
record KinesisStream(String name, String arn, StreamMode mode, Instant createdAt, long incarnation, List<Shard> shards) {

    /** The two capacity modes; an on-demand stream here simply has {@link #ON_DEMAND_SHARDS} shards. */
    enum StreamMode { PROVISIONED, ON_DEMAND }

    static final int ON_DEMAND_SHARDS = 4;

    static KinesisStream create(String name, String arn, StreamMode mode, int shardCount, Instant now, long incarnation) {
        List<Shard> shards = new ArrayList<>(shardCount);
        List<HashKeyRanges.Range> ranges = HashKeyRanges.split(shardCount);
        for (int i = 0; i < shardCount; i++) {
            shards.add(new Shard(i, incarnation, ranges.get(i)));
        }
        return new KinesisStream(name, arn, mode, now, incarnation, List.copyOf(shards));
    }

    Optional<Shard> shard(String shardId) {
        return shards.stream().filter(shard -> shard.id().equals(shardId)).findFirst();
    }

    Optional<Shard> shard(int index) {
        return index >= 0 && index < shards.size() ? Optional.of(shards.get(index)) : Optional.empty();
    }

    Shard shardFor(BigInteger hashKey) {
        return shards.stream().filter(shard -> shard.owns(hashKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the shards cover every hash key: " + hashKey));
    }
}
