package com.example.localcloud.streams;

import java.util.List;

/**
 * A stream as an event source mapping reads it: shards, shard iterators and batches of records.
 * DynamoDB Streams and Kinesis have the same model under different names, so one
 * {@link ShardPoller} serves both.
 *
 * @param <R> a record as the stream's SDK returns it
 */
interface ShardedStream<R> {

    /** Where an iterator starts: {@code TRIM_HORIZON}, {@code LATEST} or {@code AFTER_SEQUENCE_NUMBER}. */
    String AFTER_SEQUENCE_NUMBER = "AFTER_SEQUENCE_NUMBER";

    /** The ids of the stream's shards, oldest first. */
    List<String> shardIds();

    /**
     * A new iterator of the shard.
     *
     * @param position       {@code TRIM_HORIZON}, {@code LATEST} or {@link #AFTER_SEQUENCE_NUMBER}
     * @param sequenceNumber for {@code AFTER_SEQUENCE_NUMBER}, else null
     */
    String iterator(String shardId, String position, String sequenceNumber);

    /** Up to {@code limit} records from the iterator, or null if the iterator expired. */
    Batch<R> read(String iterator, int limit);

    String sequenceNumber(R record);

    /** The event Lambda sends the function for these records of the shard, as JSON bytes. */
    byte[] event(String shardId, List<R> records);

    /**
     * @param records      in order
     * @param nextIterator where to read on; null once the shard is closed and read to its end
     */
    record Batch<R>(List<R> records, String nextIterator) {
    }
}
