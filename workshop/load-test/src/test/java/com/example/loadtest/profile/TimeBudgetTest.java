package com.example.loadtest.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.loadtest.profile.TimeBudget.Hop;
import com.example.localcloud.service.CallTimer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    @Test
    void eachHopIsTheDifferenceOfTwoNestedMeasurements() {
        TimeBudget budget = new TimeBudget();
        // client 10 ⊃ gateway 8 ⊃ invoke 7 ⊃ Duration 5 ⊃ handler 4
        budget.add(10.0, 8.0, 7.0, 5.0, 4.0);

        assertThat(budget.p50(Hop.HTTP)).isCloseTo(2.0, within(0.01));
        assertThat(budget.p50(Hop.GATEWAY)).isCloseTo(1.0, within(0.01));
        assertThat(budget.p50(Hop.LAMBDA)).isCloseTo(2.0, within(0.01));
        assertThat(budget.p50(Hop.RUNTIME)).isCloseTo(1.0, within(0.01));
        assertThat(budget.p50(Hop.HANDLER)).isCloseTo(4.0, within(0.01));
        assertThat(budget.p50(Hop.TOTAL)).isCloseTo(10.0, within(0.01));
        assertThat(budget.localOverheadP50()).as("client minus Duration").isCloseTo(5.0, within(0.01));
    }

    @Test
    void theHandlerSplitsIntoItsSdkCallsAndItsOwnCode() {
        TimeBudget budget = new TimeBudget();
        budget.add(10.0, 8.0, 7.0, 5.0, 4.0, 3.25);
        budget.add(10.0, 8.0, 7.0, 5.0, 4.0, null); // an environment without the agent

        assertThat(budget.p50(Hop.HANDLER)).isCloseTo(4.0, within(0.01));
        assertThat(budget.p50(Hop.SDK_CALLS)).isCloseTo(3.25, within(0.01));
        assertThat(budget.p50(Hop.HANDLER_OWN)).as("handler minus its SDK calls").isCloseTo(0.75, within(0.01));
        assertThat(budget.mean(Hop.SDK_CALLS)).as("only the request that had the figure").isCloseTo(3.25, within(0.01));
    }

    @Test
    void percentilesSpanTheRequestsAndAMissingHandlerTimeIsCounted() {
        TimeBudget budget = new TimeBudget();
        for (int i = 1; i <= 100; i++) {
            budget.add(i, i, i, i, i == 100 ? null : (double) i);
        }

        assertThat(budget.requests()).isEqualTo(100);
        assertThat(budget.withoutHandlerTime()).isEqualTo(1);
        assertThat(budget.p50(Hop.TOTAL)).isCloseTo(50.0, within(0.1));
        assertThat(budget.p99(Hop.TOTAL)).isCloseTo(99.0, within(0.1));
        assertThat(budget.p99(Hop.HANDLER)).as("99 requests with a handler time: the 99th is the highest").isCloseTo(99.0, within(0.1));
    }

    @Test
    void aRequestLongerThanTheHistogramsRangeIsCountedAsItsHighestValue() {
        TimeBudget budget = new TimeBudget();
        budget.add(120_000.0, 8.0, 7.0, 5.0, 4.0); // a client that waited two minutes (a laptop asleep)

        assertThat(budget.requests()).isEqualTo(1);
        assertThat(budget.p50(Hop.TOTAL)).as("capped at a minute, not an exception").isCloseTo(60_000.0, within(60.0));
    }

    @Test
    void serviceTimesAreWhatHappenedDuringTheRunPerRequest() {
        ServiceTimes times = ServiceTimes.between(
                Map.of("momento", new CallTimer.Totals(10, 5_000_000)),
                Map.of("momento", new CallTimer.Totals(110, 105_000_000), "dynamodb", new CallTimer.Totals(3, 9_000_000)),
                100);

        assertThat(times.callsPerRequest("momento")).isEqualTo(1.0);
        assertThat(times.millisPerRequest("momento")).isCloseTo(1.0, within(0.001));
        assertThat(times.millisPerRequest("dynamodb")).isCloseTo(0.09, within(0.001));
        assertThat(times.totalMillisPerRequest()).isCloseTo(1.09, within(0.001));
    }
}
