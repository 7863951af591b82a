package com.example.localcloud.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the calls DynamoDB Local runs, per operation; safe to use from Jetty's many threads. */
final class DynamoDbCounters {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    void count(String operation) {
        calls.computeIfAbsent(operation.isEmpty() ? "(none)" : operation, name -> new LongAdder()).increment();
    }

    DynamoDbStats snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((operation, adder) -> copy.put(operation, adder.sum()));
        return new DynamoDbStats(copy);
    }
}
