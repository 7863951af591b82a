package com.example.localcloud.kinesis;

import java.time.Instant;

/** A record as a shard keeps it. {@code data} is never changed after it is stored. */
record StoredRecord(String sequenceNumber, byte[] data, String partitionKey, Instant approximateArrivalTimestamp) {
}
