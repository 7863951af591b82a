package com.example.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aStageWithoutACacheGetsNone() {
        assertThat(StartupBanner.momentoControls(BASE, List.of())).isEmpty();
    }
}
