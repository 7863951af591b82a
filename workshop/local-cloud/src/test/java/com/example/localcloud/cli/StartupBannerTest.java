package com.example.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.apigateway.Route;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    private static final URI BASE = URI.create("http://localhost:3000");

    @Test
    void aStageWithACacheGetsTheCacheCommands() {
        assertThat(StartupBanner.momentoControls(BASE, List.of("accounts-cache"))).hasValueSatisfying(controls ->
                assertThat(controls).contains("curl http://localhost:3000/_local/momento/stats")
                        .contains("curl -X POST 'http://localhost:3000/_local/momento/faults?rpc=data&status=UNAVAILABLE'")
                        .contains("curl -X DELETE http://localhost:3000/_local/momento/faults"));
    }

    @Test
    void eachCacheCommandHasALineOfItsOwn() {
        assertThat(StartupBanner.momentoControls(BASE, List.of("accounts-cache")).orElseThrow().lines()
                .filter(line -> line.contains("curl"))).hasSize(3);
    }

    @Test
    void theExamplesEndEachAnswerWithALineBreak() {
        List<Route> routes = List.of(new Route("GET", "/users/{username}", "getUser"));
        assertThat(StartupBanner.curlExamples(BASE, routes)).containsExactly("curl -i -w '\\n' http://localhost:3000/users/alice");
    }

    @Test
    void aStageWithoutACacheGetsNone() {
        assertThat(StartupBanner.momentoControls(BASE, List.of())).isEmpty();
    }
}
