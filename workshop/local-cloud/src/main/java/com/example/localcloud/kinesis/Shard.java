package com.example.localcloud.kinesis;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One shard: its hash key range and its records, in arrival order, in memory. Records are never
 * trimmed (AWS drops them after the retention period, 24 hours by default): a local run is short.
 * Appends and reads of one shard are serialized, so sequence numbers and arrival times only grow.
 */
final class Shard {

    /** Records read by one GetRecords, and where the next read starts. */
    record Slice(List<StoredRecord> records, long nextPosition, long millisBehindLatest) {
    }

    private final int index;
    private final long incarnation;
    private final HashKeyRanges.Range hashKeyRange;
    private final List<StoredRecord> records = new ArrayList<>();

    Shard(int index, long incarnation, HashKeyRanges.Range hashKeyRange) {
        this.index = index;
        this.incarnation = incarnation;
        this.hashKeyRange = hashKeyRange;
    }

    int index() {
        return index;
    }

    String id() {
        return idOf(index);
    }

    /** AWS's shard ids: {@code shardId-} and twelve digits. */
    static String idOf(int index) {
        return String.format(Locale.ROOT, "shardId-%012d", index);
    }

    HashKeyRanges.Range hashKeyRange() {
        return hashKeyRange;
    }

    boolean owns(BigInteger hashKey) {
        return hashKeyRange.contains(hashKey);
    }

    /** The sequence number the shard starts at: at or before its first record's. */
    String startingSequenceNumber() {
        return SequenceNumbers.of(incarnation, index, 0);
    }

    synchronized StoredRecord append(byte[] data, String partitionKey, Instant now) {
        // never earlier than the record before, whatever the clock did
        Instant arrival = records.isEmpty() ? now : max(now, records.get(records.size() - 1).approximateArrivalTimestamp());
        StoredRecord record = new StoredRecord(SequenceNumbers.of(incarnation, index, records.size()), data, partitionKey, arrival);
        records.add(record);
        return record;
    }

    /** The position just after the last record: where a LATEST iterator starts. */
    synchronized long end() {
        return records.size();
    }

    /** The position of the first record that arrived at or after {@code timestamp} (the end if none). */
    synchronized long firstAtOrAfter(Instant timestamp) {
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).approximateArrivalTimestamp().isBefore(timestamp)) {
                return i;
            }
        }
        return records.size();
    }

    /**
     * Up to {@code limit} records from {@code position}, stopping before {@code maxBytes} of data
     * are exceeded (but always at least one record, as AWS does for a single large record).
     */
    synchronized Slice read(long position, int limit, long maxBytes, Instant now) {
        int from = (int) Math.min(position, records.size());
        List<StoredRecord> read = new ArrayList<>();
        long bytes = 0;
        int next = from;
        while (next < records.size() && read.size() < limit) {
            StoredRecord record = records.get(next);
            bytes += record.data().length + record.partitionKey().length();
            if (!read.isEmpty() && bytes > maxBytes) {
                break;
            }
            read.add(record);
            next++;
        }
        long behind = next >= records.size()
                ? 0
                : Math.max(0, now.toEpochMilli() - records.get(next).approximateArrivalTimestamp().toEpochMilli());
        return new Slice(List.copyOf(read), Math.max(position, next), behind);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
