package com.example.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.Workspace;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The local clouds that compare and benchmark start, as a demo needs them. */
@Timeout(240)
class LocalStageTargetTest {

    /**
     * An instructor waits with a paused dashboard, or pauses it for a talk, often longer than the
     * 10 minutes after which a local cloud stops an idle environment: Start must then find warm
     * functions, not every function's cold start at once (24 on two processors: Init timeouts, 502s).
     */
    @Test
    void itsLocalCloudKeepsEnvironmentsHoweverLongTheLoadIsPaused() {
        Path stage = Workspace.locate().stageDirectory("step-1");
        boolean built = Files.isRegularFile(stage.resolve("target/accounts-service.jar"));

        try (LocalStageTarget target = LocalStageTarget.start("step-1", stage, !built, 1, new NetworkDelays(Duration.ZERO, Duration.ZERO), line -> { })) {
            assertThat(target.cloud().lambda().idleLimit()).isEmpty();
        }
    }
}
