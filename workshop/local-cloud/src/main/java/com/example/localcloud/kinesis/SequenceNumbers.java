package com.example.localcloud.kinesis;

import java.util.Optional;

/**
 * Sequence numbers as 56-digit decimal strings, AWS's length, that increase with each record of
 * a shard and say which stream incarnation, shard and position they belong to:
 *
 * <pre>
 * 49 | incarnation (15 digits) | shard index (9 digits) | position in the shard (30 digits)
 * </pre>
 *
 * A stream deleted and created again gets a new incarnation, so its old sequence numbers (and
 * iterators) no longer match. AWS's own numbers are opaque too; clients only compare them.
 */
final class SequenceNumbers {

    /** What a sequence number encodes. */
    record Decoded(long incarnation, int shardIndex, long position) {
    }

    private static final String PREFIX = "49";
    private static final int INCARNATION_DIGITS = 15;
    private static final int SHARD_DIGITS = 9;
    private static final int POSITION_DIGITS = 30;
    static final int LENGTH = PREFIX.length() + INCARNATION_DIGITS + SHARD_DIGITS + POSITION_DIGITS;

    private SequenceNumbers() {
    }

    static String of(long incarnation, int shardIndex, long position) {
        return PREFIX + pad(incarnation, INCARNATION_DIGITS) + pad(shardIndex, SHARD_DIGITS) + pad(position, POSITION_DIGITS);
    }

    /** Empty if this is not a sequence number this server gave out. */
    static Optional<Decoded> decode(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.length() != LENGTH || !sequenceNumber.startsWith(PREFIX)
                || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int at = PREFIX.length();
        String incarnation = sequenceNumber.substring(at, at += INCARNATION_DIGITS);
        String shard = sequenceNumber.substring(at, at += SHARD_DIGITS);
        String position = sequenceNumber.substring(at);
        try {
            return Optional.of(new Decoded(Long.parseLong(incarnation), Integer.parseInt(shard), Long.parseLong(position)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static String pad(long value, int digits) {
        String text = Long.toString(value);
        if (value < 0 || text.length() > digits) {
            throw new IllegalArgumentException("does not fit in " + digits + " digits: " + value);
        }
        return "0".repeat(digits - text.length()) + text;
    }
}
