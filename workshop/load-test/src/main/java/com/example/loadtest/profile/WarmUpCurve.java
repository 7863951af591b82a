package com.example.loadtest.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * How a stage gets faster during its warm-up: the median latency of each block of warm-up
 * requests. An environment runs at Lambda's C1-only JIT, which keeps compiling the request path
 * for thousands of invocations, so a "warm" figure taken too early still holds JIT warm-up.
 */
public final class WarmUpCurve {

    private final int blockSize;
    private final List<Double> blockMedians = new ArrayList<>();
    private Histogram block;
    private long requests;

    /** @param blockSize requests per block (at least 1) */
    public WarmUpCurve(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a block needs at least one request");
        }
        this.blockSize = blockSize;
    }

    /** One warm-up request's latency, in milliseconds, in the order they were sent. */
    public void add(double millis) {
        if (block == null) {
            block = TimeBudget.histogram();
        }
        block.recordValue(TimeBudget.micros(millis));
        requests++;
        if (block.getTotalCount() == blockSize) {
            closeBlock();
        }
    }

    public int blockSize() {
        return blockSize;
    }

    /** Warm-up requests recorded. */
    public long requests() {
        return requests;
    }

    /** The median of each block, in milliseconds; a last, partial block counts too. */
    public List<Double> blockMedians() {
        List<Double> medians = new ArrayList<>(blockMedians);
        if (block != null) {
            medians.add(TimeBudget.percentile(block, 50));
        }
        return Collections.unmodifiableList(medians);
    }

    private void closeBlock() {
        blockMedians.add(TimeBudget.percentile(block, 50));
        block = null;
    }
}
