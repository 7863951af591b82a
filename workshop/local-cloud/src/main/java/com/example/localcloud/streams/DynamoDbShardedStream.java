package com.example.localcloud.streams;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A table's DynamoDB stream, read through the DynamoDB Streams API (DynamoDB Local answers it). */
final class DynamoDbShardedStream implements ShardedStream<Record> {

    private final StreamSubscription subscription;
    private final String streamArn;
    private final DynamoDbStreamsClient streams;

    /** @param streamArn the stream's ARN as DynamoDB Local names it */
    DynamoDbShardedStream(StreamSubscription subscription, String streamArn, DynamoDbStreamsClient streams) {
        this.subscription = subscription;
        this.streamArn = streamArn;
        this.streams = streams;
    }

    @Override
    public List<String> shardIds() {
        return streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards().stream()
                .map(Shard::shardId).toList();
    }

    @Override
    public String iterator(String shardId, String position, String sequenceNumber) {
        return streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.fromValue(position)).sequenceNumber(sequenceNumber)).shardIterator();
    }

    @Override
    public Batch<Record> read(String iterator, int limit) {
        try {
            GetRecordsResponse response = streams.getRecords(request -> request.shardIterator(iterator).limit(limit));
            return new Batch<>(response.records(), response.nextShardIterator());
        } catch (ExpiredIteratorException e) {
            return null;
        }
    }

    @Override
    public String sequenceNumber(Record record) {
        return record.dynamodb().sequenceNumber();
    }

    @Override
    public byte[] event(String shardId, List<Record> records) {
        return DynamodbEventJson.event(records, subscription.region(), subscription.event().arn());
    }
}
