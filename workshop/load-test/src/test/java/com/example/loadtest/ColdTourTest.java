package com.example.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.Phase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the cold tour may send its next request: only when no environment is starting. */
class ColdTourTest {

    @Test
    void anEnvironmentWithoutItsReportIsStillStarting() {
        Map<String, Integer> environments = Map.of("createUser", 1, "streamCacher", 1);

        assertThat(ColdTour.startingFunctions(environments, List.of(cold("createUser")), Set.of())).containsExactly("streamCacher");
        assertThat(ColdTour.startingFunctions(environments, List.of(cold("createUser"), cold("streamCacher")), Set.of())).isEmpty();
    }

    @Test
    void aWriteWaitsForTheStreamFunctionItTriggersEvenBeforeItsEnvironmentExists() {
        // Just after POST /users answered: the stream has not handed the record to streamCacher yet.
        Map<String, Integer> environments = Map.of("createUser", 1, "streamCacher", 0);
        Set<String> triggered = Set.of("streamCacher");

        assertThat(ColdTour.startingFunctions(environments, List.of(cold("createUser")), triggered)).containsExactly("streamCacher");
        assertThat(ColdTour.startingFunctions(Map.of("createUser", 1, "streamCacher", 1),
                List.of(cold("createUser"), cold("streamCacher")), triggered)).isEmpty();
    }

    private static ColdStart cold(String function) {
        return new ColdStart(function, 1, 1500, 20, Phase.SEED);
    }
}
