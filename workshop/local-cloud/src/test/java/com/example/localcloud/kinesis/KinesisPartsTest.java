package com.example.localcloud.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces under the endpoint: hash key ranges, sequence numbers and iterators. */
class KinesisPartsTest {

    @Test
    void twoShardsSplitTheHashKeySpaceAtTwoToThe127() {
        List<HashKeyRanges.Range> ranges = HashKeyRanges.split(2);

        assertThat(ranges).extracting(r -> r.start() + ".." + r.end()).containsExactly(
                "0..170141183460469231731687303715884105727",
                "170141183460469231731687303715884105728..340282366920938463463374607431768211455");
    }

    @Test
    void anyNumberOfShardsCoversTheWholeSpaceWithoutGapsOrOverlaps() {
        for (int shards : new int[] {1, 3, 7, 500}) {
            List<HashKeyRanges.Range> ranges = HashKeyRanges.split(shards);
            assertThat(ranges.get(0).start()).isEqualTo(BigInteger.ZERO);
            assertThat(ranges.get(shards - 1).end()).isEqualTo(HashKeyRanges.MAX_HASH_KEY);
            for (int i = 1; i < shards; i++) {
                assertThat(ranges.get(i).start()).as("shard " + i + " of " + shards).isEqualTo(ranges.get(i - 1).end().add(BigInteger.ONE));
            }
        }
    }

    @Test
    void aPartitionKeyHashesToItsMd5AsAnUnsignedNumber() {
        // md5("b") = 92eb5ffee6ae2fec3ad71c777531578f: the top bit is set, and must not make it negative
        assertThat(HashKeyRanges.hashKeyOf("b")).isEqualTo(new BigInteger("92eb5ffee6ae2fec3ad71c777531578f", 16));
    }

    @Test
    void sequenceNumbersHaveAwsLengthGrowWithThePositionAndDecodeBack() {
        String first = SequenceNumbers.of(1_763_900_000_000L, 3, 0);
        String later = SequenceNumbers.of(1_763_900_000_000L, 3, 1_000_000);

        assertThat(first).hasSize(56).matches("[1-9]\\d+");
        assertThat(new BigInteger(later)).isGreaterThan(new BigInteger(first));
        assertThat(SequenceNumbers.decode(later)).contains(new SequenceNumbers.Decoded(1_763_900_000_000L, 3, 1_000_000));
        assertThat(SequenceNumbers.decode("123")).isEmpty();
        assertThat(SequenceNumbers.decode("x".repeat(56))).isEmpty();
    }

    @Test
    void anIteratorDecodesBackAndExpiresAfterFiveMinutes() {
        Instant issued = Instant.parse("2026-01-01T00:00:00Z");
        ShardIterator iterator = new ShardIterator("orders|with.bar-name", 42, 2, 17, issued);

        assertThat(ShardIterator.decode(iterator.encode())).contains(iterator);
        assertThat(iterator.isExpiredAt(issued.plusMillis(300_000))).isFalse();
        assertThat(iterator.isExpiredAt(issued.plusMillis(300_001))).isTrue();
        assertThat(ShardIterator.decode("bm90IGFuIGl0ZXJhdG9y")).isEmpty();
        assertThat(ShardIterator.decode("%%%")).isEmpty();
    }
}
