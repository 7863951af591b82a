package com.example.loadtest.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What the local servers saw during the measured requests: cache item traffic and DynamoDB calls.
 *
 * <p>"DynamoDB reads" are read calls (GetItem, Query, BatchGetItem, ...; one call however many items
 * it returns) that reached DynamoDB Local. In this service every read goes through the cache when a
 * stage has one, and every cache hit is a GetItem that did not happen. So the reads the same
 * requests would have needed without a cache are {@code hits + DynamoDB reads}, and the share saved
 * is {@code hits / (hits + DynamoDB reads)}.
 *
 * @param requests      the measured requests these counters belong to
 * @param dynamoDbCalls every DynamoDB call, per operation
 */
public record Traffic(long requests, CacheTraffic cache, long dynamoDbReads, Map<String, Long> dynamoDbCalls) {

    public static Traffic of(long requests, ServerCounters during) {
        return new Traffic(requests, during.cache(), during.dynamoDb().readCalls(), during.dynamoDb().operations());
    }

    /** Cache hits / cache gets; 0 when the stage made no cache reads. */
    @JsonProperty
    public double hitRatio() {
        return cache.gets() == 0 ? 0 : (double) cache.hits() / cache.gets();
    }

    @JsonProperty
    public double dynamoDbReadsPerRequest() {
        return requests == 0 ? 0 : (double) dynamoDbReads / requests;
    }

    /** DynamoDB reads the cache answered instead: one per hit. */
    @JsonProperty
    public long dynamoDbReadsSaved() {
        return cache.hits();
    }

    /** Saved / (saved + made): the share of the reads these requests needed that never reached DynamoDB. */
    @JsonProperty
    public double dynamoDbReadsSavedShare() {
        long needed = cache.hits() + dynamoDbReads;
        return needed == 0 ? 0 : (double) cache.hits() / needed;
    }
}
