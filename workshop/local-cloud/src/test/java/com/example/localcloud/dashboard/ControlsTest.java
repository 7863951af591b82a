package com.example.localcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load buttons: each click that changes nothing is refused, so no stray mark lands on the charts. */
class ControlsTest {
    private final RecordedLoad load = new RecordedLoad();
    private final Timeline timeline = new Timeline();
    private final Controls controls = new Controls(Map.of(), load, timeline);

    @Test
    void startWhileTheLoadRunsIsRefusedAndMarksNothing() {
        assertThat(controls.apply("start", null, null).label()).isEqualTo("load started");
        assertThat(load.state()).isEqualTo("running");

        assertThatThrownBy(() -> controls.apply("start", null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The load is running already; nothing to start");
        assertThat(load.starts).as("a second click reaches no load").isEqualTo(1);
        assertThat(timeline.toJson()).containsOnlyOnce("load started");
    }

    @Test
    void pauseOnlyWhileTheLoadRuns() {
        assertThatThrownBy(() -> controls.apply("pause", null, null)).hasMessage("The load is waiting already; nothing to pause");

        controls.apply("start", null, null);
        assertThat(controls.apply("pause", null, null).label()).isEqualTo("load paused");
        assertThatThrownBy(() -> controls.apply("pause", null, null)).hasMessage("The load is paused already; nothing to pause");
        assertThat(controls.apply("start", null, null).label()).as("Start after Pause goes on").isEqualTo("load started");
    }

    /** A load that only keeps its state, as the load test's does. */
    private static final class RecordedLoad implements LoadControl {
        private String state = "waiting";
        private int starts;

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void start() {
            starts++;
            state = "running";
        }

        @Override
        public void pause() {
            state = "paused";
        }

        @Override
        public void stop() {
            state = "stopped";
        }

        @Override
        public void concurrency(int requestsInFlight) {
        }

        @Override
        public int concurrency() {
            return 4;
        }

        @Override
        public String state() {
            return state;
        }
    }
}
