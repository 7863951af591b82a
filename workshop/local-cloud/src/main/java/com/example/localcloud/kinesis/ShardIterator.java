package com.example.localcloud.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a shard, handed to the client as an opaque string (base64, as AWS's look) and
 * valid for five minutes, as in AWS.
 *
 * <p>Not signed: a client could forge one, which a local emulator need not prevent.
 *
 * @param streamName  the stream's name
 * @param incarnation which creation of that stream (see {@link SequenceNumbers})
 * @param shardIndex  the shard's index, 0 for {@code shardId-000000000000}
 * @param position    the index of the next record to read in the shard
 * @param issuedAt    when the iterator was made; it expires {@link #LIFETIME_MILLIS} later
 */
record ShardIterator(String streamName, long incarnation, int shardIndex, long position, Instant issuedAt) {

    /** AWS's "tolerated delay" for an iterator. */
    static final long LIFETIME_MILLIS = 300_000;
    private static final String VERSION = "lk1";

    String encode() {
        String plain = String.join("|", VERSION, Long.toString(incarnation), Integer.toString(shardIndex),
                Long.toString(position), Long.toString(issuedAt.toEpochMilli()), streamName);
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty if the string is not an iterator this server gave out. */
    static Optional<ShardIterator> decode(String encoded) {
        String plain;
        try {
            plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // the stream name comes last: it is the only part that could be long
        String[] parts = plain.split("\\|", 6);
        if (parts.length != 6 || !parts[0].equals(VERSION) || parts[5].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShardIterator(parts[5], Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                    Long.parseLong(parts[3]), Instant.ofEpochMilli(Long.parseLong(parts[4]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isExpiredAt(Instant now) {
        return now.toEpochMilli() - issuedAt.toEpochMilli() > LIFETIME_MILLIS;
    }

    ShardIterator movedTo(long newPosition, Instant now) {
        return new ShardIterator(streamName, incarnation, shardIndex, newPosition, now);
    }
}
