package com.example.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chart's y axis: a top at or above the highest bar, and four ticks that read as round numbers. */
class LatencyChartTest {

    @ParameterizedTest
    @CsvSource({
        "25, 32, 0 8 16 24 32",
        "12.6, 16, 0 4 8 12 16",
        "2.87, 3.2, 0.0 0.8 1.6 2.4 3.2",
        "0.3, 0.32, 0.00 0.08 0.16 0.24 0.32",
        "45.98, 60, 0 15 30 45 60",
        "100, 100, 0 25 50 75 100",
        "1.01, 1.2, 0.0 0.3 0.6 0.9 1.2",
        "9, 10, 0.0 2.5 5.0 7.5 10.0",
        "0, 1, 0.00 0.25 0.50 0.75 1.00"})
    void theTopIsRoundAndSoIsEachTick(double highest, double top, String ticks) {
        double ceiling = LatencyChart.niceCeiling(highest);

        assertThat(ceiling).isCloseTo(top, offset(1e-9)).isGreaterThanOrEqualTo(highest * (1 - 1e-9));
        assertThat(IntStream.rangeClosed(0, 4).mapToObj(tick -> LatencyChart.tickLabel(ceiling, tick)))
                .containsExactly(ticks.split(" "));
    }

    @Test
    void everyValueFitsUnderItsTopAndFillsTwoThirdsOfIt() {
        for (double value = 0.01; value < 5000; value *= 1.07) {
            double top = LatencyChart.niceCeiling(value);
            assertThat(top).as("top for %s", value).isGreaterThanOrEqualTo(value * (1 - 1e-9)).isLessThanOrEqualTo(value * 1.5 * (1 + 1e-9));
        }
    }
}
