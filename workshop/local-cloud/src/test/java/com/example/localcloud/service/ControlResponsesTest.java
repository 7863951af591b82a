package com.example.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlResponsesTest {

    @Test
    void anAnswerEndsWithALineBreakSoThatCurlsOutputDoesNotRunTogether() {
        String body = new String(ControlResponses.json(200, Map.of("GetItem", 1)).body(), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\n  \"GetItem\" : 1\n}\n");
    }

    @Test
    void anErrorNamesTheProblemInJson() {
        String body = new String(ControlResponses.badRequest("rpc must be data or control").body(), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\n  \"error\" : \"rpc must be data or control\"\n}\n");
    }
}
