package com.example.loadtest.plan;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks an index in {@code [0, size)} with a Zipf-like skew: a few "hot" items are read often and
 * a long tail rarely, as in real traffic. This is what gives a cache its hit ratio; uniform picks
 * over a large data set would understate it.
 */
final class Popularity {
    /** 0 would be uniform; 1 is classic Zipf. 0.8 keeps a visible tail for a few hundred items. */
    static final double SKEW = 0.8;

    private final double[] cumulative;

    Popularity(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        cumulative = new double[size];
        double total = 0;
        for (int rank = 0; rank < size; rank++) {
            total += 1 / Math.pow(rank + 1, SKEW);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= total;
        }
    }

    int pick(Random random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int index = found >= 0 ? found : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
