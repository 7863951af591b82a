package com.example.localcloud.momento;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalCachePeekTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LocalCache cache = new LocalCache("accounts-cache", now::get);

    @Test
    void showsLiveItemsHoldingTheTextSortedByKeyWithTheTimeTheyHaveLeft() {
        cache.set(key("user#bob"), key("{\"username\":\"bob\"}"), 60_000);
        cache.set(key("user#alice"), key("{\"username\":\"alice\"}"), 60_000);
        cache.set(key("org#acme"), key("{}"), 60_000);
        now.addAndGet(TimeUnit.SECONDS.toNanos(15));

        assertThat(cache.peek("user#", 10)).containsExactly(
                new CachedItem("user#alice", "{\"username\":\"alice\"}", 45_000),
                new CachedItem("user#bob", "{\"username\":\"bob\"}", 45_000));
        assertThat(cache.peek("", 10)).extracting(CachedItem::key).containsExactly("org#acme", "user#alice", "user#bob");
        assertThat(cache.peek("", 2)).extracting(CachedItem::key).containsExactly("org#acme", "user#alice");
    }

    @Test
    void leavesOutExpiredItemsAndChangesNothing() {
        cache.set(key("short"), key("a"), 1_000);
        cache.set(key("long"), key("b"), 60_000);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertThat(cache.peek("", 10)).extracting(CachedItem::key).containsExactly("long");
        assertThat(cache.remainingTtlMillis(key("long")).getAsLong()).isEqualTo(58_000);
        assertThat(cache.get(key("long"))).contains(key("b"));
    }

    @Test
    void theSweepDropsExpiredItemsAndCountsThem() {
        cache.set(key("short"), key("a"), 1_000);
        cache.set(key("shorter"), key("b"), 500);
        cache.set(key("long"), key("c"), 60_000);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertThat(cache.sweepExpired()).isEqualTo(2);
        assertThat(cache.peek("", 10)).extracting(CachedItem::key).containsExactly("long");
        assertThat(cache.sweepExpired()).as("nothing left to drop").isZero();
    }

    private static ByteString key(String text) {
        return ByteString.copyFromUtf8(text);
    }
}
