package com.example.localcloud.momento;

/**
 * An item as the local cloud shows it to a person looking into a cache: its key and value as
 * UTF-8 text (a byte that is not UTF-8 shows as U+FFFD), and the time it has left to live.
 */
public record CachedItem(String key, String value, long remainingTtlMillis) {
}
