package com.example.localcloud.dynamodb;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable snapshot of how many calls DynamoDB Local ran, per operation ({@code GetItem},
 * {@code Query}, ...). Calls that a filter refused (IAM) are not counted: they never reached the
 * database. For the load test's "DynamoDB reads" figure, and for tests.
 *
 * @param operations calls per operation name, as in {@code X-Amz-Target} (e.g. {@code GetItem})
 */
public record DynamoDbStats(Map<String, Long> operations) {

    /** The operations that read items (and cost read capacity in AWS). */
    public static final Set<String> READ_OPERATIONS =
            Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems", "ExecuteStatement", "BatchExecuteStatement");

    public static final DynamoDbStats ZERO = new DynamoDbStats(Map.of());

    /** Sorted by name, so that the stats read the same every time (a copied map's order changes from JVM to JVM). */
    public DynamoDbStats {
        operations = Collections.unmodifiableSortedMap(new TreeMap<>(operations));
    }

    /** Calls of one operation, e.g. {@code calls("GetItem")}. */
    public long calls(String operation) {
        return operations.getOrDefault(operation, 0L);
    }

    /** Every call, reads and writes and table management. */
    public long totalCalls() {
        return operations.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Read calls: {@link #READ_OPERATIONS}. A call counts once however many items it returns
     * (a Query of 20 items is one read call). PartiQL statements count as reads, as most are.
     */
    public long readCalls() {
        return operations.entrySet().stream()
                .filter(entry -> READ_OPERATIONS.contains(entry.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** What happened between {@code earlier} and this snapshot (e.g. during one load-test run). */
    public DynamoDbStats minus(DynamoDbStats earlier) {
        Map<String, Long> difference = new TreeMap<>();
        operations.forEach((operation, calls) -> {
            long delta = calls - earlier.calls(operation);
            if (delta != 0) {
                difference.put(operation, delta);
            }
        });
        return new DynamoDbStats(difference);
    }
}
