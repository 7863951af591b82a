package com.example.localcloud.momento;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One named cache: scalar items with a per-item expiry.
 *
 * <p>Expiry is lazy (an expired item is dropped when read) plus a periodic {@link #sweepExpired()}
 * so items nobody reads again do not pile up. Every conditional write goes through
 * {@link ConcurrentHashMap#compute}, which makes it atomic per key.
 */
final class LocalCache {

    /** What {@link #updateTtl} did, matching the three answers of Momento's UpdateTtl call. */
    enum TtlUpdateResult {
        SET,
        NOT_SET,
        MISSING
    }

    /** How {@link #updateTtl} treats the existing TTL. */
    enum TtlUpdateMode {
        OVERWRITE,
        INCREASE_ONLY,
        DECREASE_ONLY
    }

    private record Item(ByteString value, long expiresAtNanos) {
        boolean expiredAt(long nowNanos) {
            return nowNanos - expiresAtNanos >= 0; // overflow-safe comparison of nanoTime values
        }
    }

    // ~73 years: a TTL beyond this is stored as this, so now + ttl cannot overflow.
    private static final long MAX_TTL_NANOS = Long.MAX_VALUE / 4;

    private final String name;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<ByteString, Item> items = new ConcurrentHashMap<>();

    LocalCache(String name, LongSupplier nanoClock) {
        this.name = name;
        this.nanoClock = nanoClock;
    }

    String name() {
        return name;
    }

    Optional<ByteString> get(ByteString key) {
        Item item = liveItem(key);
        return item == null ? Optional.empty() : Optional.of(item.value());
    }

    boolean exists(ByteString key) {
        return liveItem(key) != null;
    }

    void set(ByteString key, ByteString value, long ttlMillis) {
        items.put(key, new Item(value, expiryFor(ttlMillis)));
    }

    /**
     * Stores the value if {@code condition} accepts the current value (empty when absent or
     * expired). Returns whether it stored.
     */
    boolean setIf(ByteString key, ByteString value, long ttlMillis, Predicate<Optional<ByteString>> condition) {
        boolean[] stored = {false};
        items.compute(key, (k, current) -> {
            Item live = isLive(current) ? current : null;
            if (condition.test(live == null ? Optional.empty() : Optional.of(live.value()))) {
                stored[0] = true;
                return new Item(value, expiryFor(ttlMillis));
            }
            return live;
        });
        return stored[0];
    }

    void delete(ByteString key) {
        items.remove(key);
    }

    /** The time left before the item expires, or empty when it does not exist. */
    OptionalLong remainingTtlMillis(ByteString key) {
        Item item = liveItem(key);
        if (item == null) {
            return OptionalLong.empty();
        }
        long remainingNanos = Math.max(0, item.expiresAtNanos() - nanoClock.getAsLong());
        return OptionalLong.of(TimeUnit.NANOSECONDS.toMillis(remainingNanos));
    }

    TtlUpdateResult updateTtl(ByteString key, TtlUpdateMode mode, long ttlMillis) {
        TtlUpdateResult[] result = {TtlUpdateResult.MISSING};
        items.computeIfPresent(key, (k, current) -> {
            if (!isLive(current)) {
                return null; // expired: drop it, answer MISSING
            }
            long newExpiry = expiryFor(ttlMillis);
            boolean apply = switch (mode) {
                case OVERWRITE -> true;
                case INCREASE_ONLY -> newExpiry - current.expiresAtNanos() > 0;
                case DECREASE_ONLY -> newExpiry - current.expiresAtNanos() < 0;
            };
            result[0] = apply ? TtlUpdateResult.SET : TtlUpdateResult.NOT_SET;
            return apply ? new Item(current.value(), newExpiry) : current;
        });
        return result[0];
    }

    /**
     * Adds {@code amount} to a value stored as a base-10 integer string (a missing item counts as
     * 0) and stores the result with the given TTL, as Momento's Increment does.
     *
     * @throws NumberFormatException when the stored value is not a base-10 integer
     * @throws ArithmeticException when the result overflows a 64-bit integer
     */
    long increment(ByteString key, long amount, long ttlMillis) {
        long[] result = new long[1];
        items.compute(key, (k, current) -> {
            long base = isLive(current) ? Long.parseLong(current.value().toStringUtf8()) : 0;
            result[0] = Math.addExact(base, amount);
            ByteString text = ByteString.copyFrom(Long.toString(result[0]), StandardCharsets.UTF_8);
            return new Item(text, expiryFor(ttlMillis));
        });
        return result[0];
    }

    void flush() {
        items.clear();
    }

    int size() {
        return items.size();
    }

    /**
     * The live items whose key holds {@code text}, sorted by key, at most {@code limit}: what the
     * cache holds, for a person looking (read outside the gRPC calls, so no counter moves and no
     * TTL changes).
     */
    List<CachedItem> peek(String text, int limit) {
        long now = nanoClock.getAsLong();
        return items.entrySet().stream()
                .filter(entry -> !entry.getValue().expiredAt(now) && entry.getKey().toStringUtf8().contains(text))
                .sorted(Comparator.comparing(entry -> entry.getKey().toStringUtf8()))
                .limit(limit)
                .map(entry -> new CachedItem(entry.getKey().toStringUtf8(), entry.getValue().value().toStringUtf8(),
                        TimeUnit.NANOSECONDS.toMillis(entry.getValue().expiresAtNanos() - now)))
                .toList();
    }

    /** Drops every expired item; returns how many. */
    int sweepExpired() {
        long now = nanoClock.getAsLong();
        int dropped = 0;
        for (Map.Entry<ByteString, Item> entry : items.entrySet()) {
            // remove(key, item): only that very item, not one a writer put there meanwhile; counted only if it was
            if (entry.getValue().expiredAt(now) && items.remove(entry.getKey(), entry.getValue())) {
                dropped++;
            }
        }
        return dropped;
    }

    private Item liveItem(ByteString key) {
        Item item = items.get(key);
        if (item == null) {
            return null;
        }
        if (!isLive(item)) {
            items.remove(key, item); // lazy expiry; a concurrent newer value is left alone
            return null;
        }
        return item;
    }

    private boolean isLive(Item item) {
        return item != null && !item.expiredAt(nanoClock.getAsLong());
    }

    private long expiryFor(long ttlMillis) {
        long ttlNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(ttlMillis), MAX_TTL_NANOS);
        return nanoClock.getAsLong() + ttlNanos;
    }
}
