package com.example.localcloud.streams;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A Kinesis data stream, read as Lambda's event source mapping reads it: the shards from
 * ListShards, then GetShardIterator and GetRecords per shard.
 */
final class KinesisShardedStream implements ShardedStream<Record> {

    private final StreamSubscription subscription;
    private final KinesisClient kinesis;
    private final String roleArn;

    /** @param roleArn the function's execution role (the events' {@code invokeIdentityArn}) */
    KinesisShardedStream(StreamSubscription subscription, KinesisClient kinesis, String roleArn) {
        this.subscription = subscription;
        this.kinesis = kinesis;
        this.roleArn = roleArn;
    }

    @Override
    public List<String> shardIds() {
        List<String> shardIds = new ArrayList<>();
        String nextToken = null;
        do {
            String token = nextToken;
            ListShardsResponse page = kinesis.listShards(request -> {
                if (token == null) {
                    request.streamARN(subscription.event().arn());
                } else {
                    request.nextToken(token); // a paged call names the stream in its token only
                }
            });
            page.shards().stream().map(Shard::shardId).forEach(shardIds::add);
            nextToken = page.nextToken();
        } while (nextToken != null);
        return shardIds;
    }

    @Override
    public String iterator(String shardId, String position, String sequenceNumber) {
        return kinesis.getShardIterator(request -> request.streamARN(subscription.event().arn()).shardId(shardId)
                .shardIteratorType(ShardIteratorType.fromValue(position)).startingSequenceNumber(sequenceNumber))
                .shardIterator();
    }

    @Override
    public Batch<Record> read(String iterator, int limit) {
        try {
            GetRecordsResponse response = kinesis.getRecords(request -> request.shardIterator(iterator).limit(limit));
            return new Batch<>(response.records(), response.nextShardIterator());
        } catch (ExpiredIteratorException e) {
            return null;
        }
    }

    @Override
    public String sequenceNumber(Record record) {
        return record.sequenceNumber();
    }

    @Override
    public byte[] event(String shardId, List<Record> records) {
        return KinesisEventJson.event(records, shardId, subscription.region(), subscription.event().arn(), roleArn);
    }
}
