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

    /** A busy machine's cold starts fail a create now and then (502, or 500 for an SDK call out of time): say what helps. */
    @Test
    void aSeedingThatColdStartsFailedSaysWhatHelps() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(sequence == 2 ? 502 : 201, "{}"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.seed(new RemoteTarget(api.baseUri()), data, 1))
                    .hasMessageContaining("1 of 6 creates did not answer 201").hasMessageContaining("try again with --concurrency 1")
                    .hasMessageNotContaining("busy machine");
        }
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(sequence == 2 ? 400 : 201, "{}"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.seed(new RemoteTarget(api.baseUri()), data, 1))
                    .as("a 400 is no cold start").hasMessageNotContaining("--concurrency 1");
        }
    }

    @Test
    void warmUpRequestsThatFailAreCountedWithAnExample() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(502, "{\"message\":\"Internal server error\"}"))) {
            runner.warmUp(new RemoteTarget(api.baseUri()), data, RequestMix.standard(), new RunSettings(1, 1, null, 6, 7), true);

            assertThat(printed.toString(StandardCharsets.UTF_8)).as("every request sent failed")
                    .contains(" warm-up: " + api.received().size() + " of " + api.received().size() + " requests failed, e.g. ")
                    .contains("got 502").contains("They are not measured")
                    .as("a deployed target's cold starts are not this machine's").doesNotContain("busy machine")
                    .contains("logs in CloudWatch say why");
        }
    }
}
