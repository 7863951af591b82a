package com.example.loadtest;

import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.plan.PlannedRequest;
import com.example.loadtest.run.FanOutProbe;
import com.example.loadtest.run.ColdStart;
import com.example.loadtest.run.HttpDriver;
import com.example.loadtest.run.LocalStageTarget;
import com.example.loadtest.run.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One request to every function of a freshly started stage, one at a time, so that each meets a
 * cold start alone (parallel JVM starts on a small machine would slow each other down). A write
 * also starts the DynamoDB stream's function (steps 6 and 7: streamCacher) a moment after its
 * answer, so after each request the tour waits until no environment is starting.
 */
final class ColdTour {

    private static final List<PlannedRequest> REQUESTS = List.of(
            new PlannedRequest(Endpoint.CREATE_USER, "/users",
                    "{\"firstName\":\"Cold\",\"lastName\":\"Start\",\"username\":\"cold-a\"}", null, 201),
            new PlannedRequest(Endpoint.CREATE_USER, "/users",
                    "{\"firstName\":\"Warm\",\"lastName\":\"Start\",\"username\":\"cold-b\"}", null, 201),
            new PlannedRequest(Endpoint.CREATE_ORGANIZATION, "/organizations",
                    "{\"organizationName\":\"Cold Start Org\"}", "cold-a", 201),
            new PlannedRequest(Endpoint.ADD_MEMBER, "/organizations/cold-start-org/members",
                    "{\"memberUsername\":\"cold-b\",\"role\":\"Member\"}", "cold-a", 201),
            new PlannedRequest(Endpoint.GET_USER, "/users/cold-a", null, null, 200),
            new PlannedRequest(Endpoint.GET_ORGANIZATION, "/organizations/cold-start-org", null, null, 200),
            new PlannedRequest(Endpoint.GET_MEMBERSHIP, "/organizations/cold-start-org/members/cold-b", null, null, 200),
            new PlannedRequest(Endpoint.LIST_MEMBERS, "/organizations/cold-start-org/members", null, "cold-a", 200));

    /** Longest wait for starting environments: a cold start on a busy 2-core machine takes several seconds. */
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private ColdTour() {
    }

    /**
     * @return per endpoint, the client's latency of each request that met a cold start (ms)
     */
    static Map<String, Double> run(LocalStageTarget target, HttpDriver driver) throws InterruptedException {
        Set<String> httpFunctions = target.httpFunctions();
        Map<String, Double> coldRequests = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (PlannedRequest request : REQUESTS) {
            int coldStartsBefore = target.coldStarts().size();
            HttpDriver.Answer answer;
            try {
                answer = driver.send(target.baseUri(), request);
            } catch (IOException e) {
                throw new IllegalStateException(target.name() + " did not answer " + request + ": " + e, e);
            }
            if (request.endpoint().isFanOut() && FanOutProbe.isGatewayNoRoute(answer.status(), answer.body())) {
                continue; // a stage without the fan-out read
            }
            if (answer.status() != request.expectedStatus()) {
                failures.add(request + " got " + answer.status() + " " + answer.body());
            }
            if (awaitColdStart(target, coldStartsBefore, httpFunctions)) {
                coldRequests.put(request.endpoint().label(), answer.nanos() / 1e6);
            }
            awaitNoneStarting(target, request.endpoint().method().equals("GET") ? Set.of() : target.dynamoDbStreamFunctions());
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(target.name() + " answered the cold-start requests wrongly: " + failures);
        }
        return coldRequests;
    }

    /**
     * Waits (at most {@link #START_LIMIT}) until no environment is starting: each one the cloud has
     * has reported its cold start, and after a write the stream functions it triggers have started.
     */
    private static void awaitNoneStarting(LocalStageTarget target, Set<String> triggered) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (startingFunctions(target.environmentCounts(), target.coldStarts(), triggered).size() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
    }

    /**
     * The functions with an environment still starting: more environments than reported cold starts
     * (an environment reports its Init with its first invocation), or triggered by a write and with
     * no environment reported yet (the stream hands the record over a moment after the answer).
     */
    static Set<String> startingFunctions(Map<String, Integer> environments, List<ColdStart> reported, Set<String> triggered) {
        Map<String, Long> started = reported.stream().collect(Collectors.groupingBy(ColdStart::function, Collectors.counting()));
        Set<String> starting = new TreeSet<>();
        environments.forEach((function, count) -> {
            if (count > started.getOrDefault(function, 0L)) {
                starting.add(function);
            }
        });
        triggered.stream().filter(function -> !started.containsKey(function)).forEach(starting::add);
        return starting;
    }

    /**
     * Whether an HTTP function met a cold start since {@code before} (a stream consumer started by the
     * request's write does not make the request cold). The REPORT record may trail the HTTP answer by a
     * moment: another thread hands it over.
     */
    private static boolean awaitColdStart(Target target, int before, Set<String> httpFunctions) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            List<ColdStart> all = target.coldStarts();
            if (all.subList(before, all.size()).stream().anyMatch(coldStart -> httpFunctions.contains(coldStart.function()))) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }
}
