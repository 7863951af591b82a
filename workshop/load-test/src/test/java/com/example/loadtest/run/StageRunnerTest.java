package com.example.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.StubApi;
import com.example.loadtest.StubApi.Reply;
import com.example.loadtest.data.SeedData;
import com.example.loadtest.data.SeedDataGenerator;
import com.example.loadtest.plan.RequestMix;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the runner tells the terminal about the requests that are not measured: the seeding and the warm-up. */
class StageRunnerTest {
    private final SeedData data = SeedDataGenerator.generate(7, "", 6, 2, 1, 2);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StageRunner runner = new StageRunner(new LoadRunner(new HttpDriver(Duration.ofSeconds(10))),
            new PrintStream(printed, true, StandardCharsets.UTF_8), false);

    @Test
    void theSeedingLineSaysWhichMembershipsComeWithTheirOrganizations() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(201, "{}"))) {
            runner.seed(new RemoteTarget(api.baseUri()), data, 1);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(": seeding " + data
                + " (2 of the memberships are the founders', made with their organizations)");
    }

    @Test
    void warmUpRequestsThatFailAreCountedWithAnExample() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(502, "{\"message\":\"Internal server error\"}"))) {
            runner.warmUp(new RemoteTarget(api.baseUri()), data, RequestMix.standard(), new RunSettings(1, 1, null, 6, 7), true);

            assertThat(printed.toString(StandardCharsets.UTF_8)).as("every request sent failed")
                    .contains(" warm-up: " + api.received().size() + " of " + api.received().size() + " requests failed, e.g. ")
                    .contains("got 502").contains("They are not measured");
        }
    }
}
