package com.example.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.apigateway.IncomingRequest;
import com.example.localcloud.apigateway.OutgoingResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalControlRouterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ControlRequest> seen = new ArrayList<>();
    private final RunningServices services = new RunningServices();
    private final LocalControlRouter router = new LocalControlRouter(services, Map.of("region", "eu-west-1"));

    LocalControlRouterTest() {
        services.add(new RecordingService("momento", Map.of("momentoCaches", List.of("accounts"))));
        services.add(new RecordingService("dynamodb", Map.of("dynamodb", "http://127.0.0.1:1234")));
    }

    @Test
    void aRouteGoesToTheServiceItNamesWithTheRestOfThePathAndTheDecodedParameters() {
        Optional<OutgoingResponse> answer = router.answer(request("POST", "/_local/momento/faults", "rpc=data&status=UNAVAILABLE&delayMs=2%30"));

        assertThat(answer).map(OutgoingResponse::status).contains(200);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.route()).isEqualTo("POST /faults");
            assertThat(request.parameters()).containsEntry("status", "UNAVAILABLE").containsEntry("delayMs", "20");
        });
    }

    @Test
    void theServicesRootIsAnEmptyPath() {
        router.answer(request("GET", "/_local/dynamodb", null));

        assertThat(seen).singleElement().extracting(ControlRequest::route).isEqualTo("GET ");
    }

    @Test
    void anUnknownServiceOrRouteIsA404ThatSaysWhy() throws IOException {
        OutgoingResponse noService = router.answer(request("POST", "/_local/kinesis/faults", null)).orElseThrow();
        OutgoingResponse noRoute = router.answer(request("GET", "/_local/momento/nothing-here", null)).orElseThrow();

        assertThat(noService.status()).isEqualTo(404);
        assertThat(JSON.readTree(noService.body()).get("error").asText())
                .startsWith("No local route POST /_local/kinesis/faults: no local service named 'kinesis' runs here"
                        + " (running: momento, dynamodb)");
        assertThat(router.answer(request("GET", "/_local", null)).orElseThrow().status()).isEqualTo(404);
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(JSON.readTree(noRoute.body()).get("error").asText())
                .startsWith("No local route GET /_local/momento/nothing-here: the local momento has no such route");
    }

    @Test
    void endpointsGatherWhatEveryServiceSaysAfterTheCloudWideEntries() throws IOException {
        OutgoingResponse answer = router.answer(request("GET", "/_local/endpoints", null)).orElseThrow();

        JsonNode endpoints = JSON.readTree(answer.body());
        assertThat(endpoints.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(endpoints.get("momentoCaches").get(0).asText()).isEqualTo("accounts");
        assertThat(endpoints.get("dynamodb").asText()).isEqualTo("http://127.0.0.1:1234");
    }

    private static IncomingRequest request(String method, String path, String query) {
        return new IncomingRequest(method, path, query, List.of(), new byte[0], "127.0.0.1", "localhost");
    }

    private final class RecordingService implements LocalService {
        private final String name;
        private final Map<String, Object> endpoints;

        RecordingService(String name, Map<String, Object> endpoints) {
            this.name = name;
            this.endpoints = endpoints;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<OutgoingResponse> control(ControlRequest request) {
            seen.add(request);
            return request.path().equals("/nothing-here") ? Optional.empty() : ControlResponses.ok(Map.of("ok", true));
        }

        @Override
        public Map<String, Object> endpoints() {
            return endpoints;
        }

        @Override
        public void close() {
        }
    }
}
