package com.example.localcloud.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a record goes, as in AWS: the MD5 of its partition key, read as an unsigned 128-bit
 * integer (or its ExplicitHashKey), falls in one shard's hash key range; a new stream's shards
 * split 0..2^128-1 evenly, shard i starting at floor(i * 2^128 / n).
 */
final class HashKeyRanges {

    /** 2^128: one past the largest hash key. */
    static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(128);
    static final BigInteger MAX_HASH_KEY = HASH_SPACE.subtract(BigInteger.ONE);

    /** One shard's inclusive range. */
    record Range(BigInteger start, BigInteger end) {
        boolean contains(BigInteger hashKey) {
            return start.compareTo(hashKey) <= 0 && hashKey.compareTo(end) <= 0;
        }
    }

    private HashKeyRanges() {
    }

    static List<Range> split(int shardCount) {
        if (shardCount < 1) {
            throw new IllegalArgumentException("shardCount must be at least 1: " + shardCount);
        }
        List<Range> ranges = new ArrayList<>(shardCount);
        BigInteger count = BigInteger.valueOf(shardCount);
        for (int i = 0; i < shardCount; i++) {
            BigInteger start = HASH_SPACE.multiply(BigInteger.valueOf(i)).divide(count);
            BigInteger nextStart = HASH_SPACE.multiply(BigInteger.valueOf(i + 1L)).divide(count);
            ranges.add(new Range(start, nextStart.subtract(BigInteger.ONE)));
        }
        return ranges;
    }

    static BigInteger hashKeyOf(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
