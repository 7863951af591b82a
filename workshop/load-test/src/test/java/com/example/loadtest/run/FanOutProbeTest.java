package com.example.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.StubApi;
import com.example.loadtest.StubApi.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FanOutProbeTest {

    private final HttpDriver driver = new HttpDriver(Duration.ofSeconds(10));

    @Test
    void aGatewayWithoutTheRouteDoesNotServeIt() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> StubApi.NO_ROUTE)) {
            assertThat(FanOutProbe.servesFanOut(driver, api.baseUri())).isFalse();
            assertThat(api.received()).containsExactly("GET /organizations/" + FanOutProbe.PROBE_ORGANIZATION + "/members");
        }
    }

    @Test
    void theServicesOwnNotFoundMeansTheRouteIsServed() throws Exception {
        try (StubApi api = new StubApi((method, path, sequence) -> new Reply(404, "{\"error\":\"Organization not found.\"}"))) {
            assertThat(FanOutProbe.servesFanOut(driver, api.baseUri())).isTrue();
        }
    }

    @Test
    void recognisesTheGatewaysNoRouteAnswers() {
        assertThat(FanOutProbe.isGatewayNoRoute(403, "{\"message\":\"Missing Authentication Token\"}")).isTrue();
        assertThat(FanOutProbe.isGatewayNoRoute(404, "{\"message\":\"Not Found\"}")).isTrue(); // an HTTP API
        assertThat(FanOutProbe.isGatewayNoRoute(403, "{\"error\":\"Only an Owner or Admin may add members.\"}")).isFalse();
        assertThat(FanOutProbe.isGatewayNoRoute(200, "{\"organization\":\"a\",\"members\":[]}")).isFalse();
    }
}
