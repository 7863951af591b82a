package com.example.loadtest.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpCurveTest {

    @Test
    void eachBlockHasTheMedianOfItsOwnRequestsInTheOrderSent() {
        WarmUpCurve curve = new WarmUpCurve(3);
        for (double millis : new double[] {9.0, 30.0, 8.0, 5.0, 6.0, 4.0, 2.0}) {
            curve.add(millis);
        }

        List<Double> medians = curve.blockMedians();

        assertThat(medians).hasSize(3);
        assertThat(medians.get(0)).as("9, 30, 8").isCloseTo(9.0, within(0.01));
        assertThat(medians.get(1)).as("5, 6, 4").isCloseTo(5.0, within(0.01));
        assertThat(medians.get(2)).as("the partial last block: 2").isCloseTo(2.0, within(0.01));
        assertThat(curve.requests()).isEqualTo(7);
    }

    @Test
    void noRequestsNoBlocks() {
        assertThat(new WarmUpCurve(1000).blockMedians()).isEmpty();
        assertThatThrownBy(() -> new WarmUpCurve(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
