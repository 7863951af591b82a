package com.example.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.StubApi;
import com.example.loadtest.StubApi.Reply;
import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.plan.PlannedRequest;
import com.example.loadtest.plan.RequestSource;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner against a stub server: what it counts, not how fast anything is. */
class LoadRunnerTest {

    private final LoadRunner runner = new LoadRunner(new HttpDriver(Duration.ofSeconds(10)));

    @Test
    void countsEveryRequestAndEveryUnexpectedAnswer() throws Exception {
        // Every fourth request the stub receives fails with a 500.
        try (StubApi api = new StubApi((method, path, sequence) -> sequence % 4 == 3
                ? new Reply(500, "{\"error\":\"Internal error.\"}")
                : new Reply(200, "{}"))) {
            LatencyRecorder recorder = new LatencyRecorder();

            runner.run(api.baseUri(), RequestSource.of(gets(200)), request -> false, 4, null, recorder);

            EndpointStats all = recorder.total();
            assertThat(api.received()).hasSize(200);
            assertThat(all.requests()).isEqualTo(200);
            assertThat(all.errors()).isEqualTo(50);
            assertThat(all.successes()).isEqualTo(150);
            assertThat(all.statuses()).containsEntry("200", 150L).containsEntry("500", 50L);
            assertThat(all.errorSamples()).first().asString().contains("got 500", "Internal error.");
        }
    }

    @Test
    void anAnswerIsAnErrorWhenItIsNotTheExpectedOne() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(404, "{\"error\":\"no\"}"))) {
            LatencyRecorder recorder = new LatencyRecorder();
            List<PlannedRequest> requests = List.of(
                    new PlannedRequest(Endpoint.GET_MEMBERSHIP, "/organizations/a/members/outsider", null, null, 404),
                    new PlannedRequest(Endpoint.GET_MEMBERSHIP, "/organizations/a/members/member", null, null, 200));

            runner.run(api.baseUri(), RequestSource.of(requests), request -> false, 1, null, recorder);

            assertThat(recorder.total().requests()).isEqualTo(2);
            assertThat(recorder.total().errors()).isEqualTo(1);
        }
    }

    @Test
    void skippedRequestsAreCountedButNeverSent() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(200, "{}"))) {
            LatencyRecorder recorder = new LatencyRecorder();
            List<PlannedRequest> requests = new ArrayList<>(gets(10));
            for (int i = 0; i < 5; i++) {
                requests.add(new PlannedRequest(Endpoint.LIST_MEMBERS, "/organizations/o" + i + "/members", null, null, 200));
            }

            runner.run(api.baseUri(), RequestSource.of(requests), request -> request.endpoint().isFanOut(), 2, null, recorder);

            assertThat(api.received()).hasSize(10).noneMatch(line -> line.endsWith("/members"));
            assertThat(recorder.total().requests()).isEqualTo(10);
            assertThat(recorder.total().skipped()).isEqualTo(5);
        }
    }

    @Test
    void noAnswerAtAllIsAnError() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        LatencyRecorder recorder = new LatencyRecorder();

        runner.run(closed, RequestSource.of(gets(3)), request -> false, 1, null, recorder);

        assertThat(recorder.total().requests()).isEqualTo(3);
        assertThat(recorder.total().errors()).isEqualTo(3);
        assertThat(recorder.total().statuses()).containsEntry("none", 3L);
        assertThat(recorder.total().errorSamples()).first().asString().contains("got no answer");
    }

    @Test
    void aTimeBoundStopsAnEndlessPlan() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(200, "{}"))) {
            LatencyRecorder recorder = new LatencyRecorder();
            RequestSource endless = () -> Optional.of(new PlannedRequest(Endpoint.GET_USER, "/users/a", null, null, 200));

            runner.run(api.baseUri(), endless, request -> false, 2, Duration.ofSeconds(2), recorder);

            assertThat(recorder.total().requests()).isPositive().isEqualTo(api.received().size());
        }
    }

    @Test
    void sendsTheActingUserAndTheBody() throws Exception {
        List<String> seen = new ArrayList<>();
        try (StubApi api = new StubApi((method, path, sequence) -> {
            seen.add(method + " " + path);
            return new Reply(201, "{}");
        })) {
            LatencyRecorder recorder = new LatencyRecorder();
            PlannedRequest create = new PlannedRequest(Endpoint.CREATE_ORGANIZATION, "/organizations",
                    "{\"organizationName\":\"Acme\"}", "ada", 201);

            runner.run(api.baseUri(), RequestSource.of(List.of(create)), request -> false, 1, null, recorder);

            assertThat(seen).containsExactly("POST /organizations");
            assertThat(recorder.total().errors()).isZero();
        }
    }

    private static List<PlannedRequest> gets(int count) {
        List<PlannedRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new PlannedRequest(Endpoint.GET_USER, "/users/u" + i, null, null, 200));
        }
        return requests;
    }
}
