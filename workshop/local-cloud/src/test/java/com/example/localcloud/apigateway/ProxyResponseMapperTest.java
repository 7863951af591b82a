package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyResponseMapperTest {

    private final ProxyResponseMapper mapper = new ProxyResponseMapper();

    @Test
    void mapsStatusHeadersAndBody() throws Exception {
        OutgoingResponse response = mapper.toResponse(bytes("""
                {"statusCode": 201, "headers": {"Content-Type": "application/json", "X-One": "1"},
                 "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": "{\\"ok\\":true}", "isBase64Encoded": false}
                """));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).contains(Map.entry("Content-Type", "application/json"), Map.entry("X-One", "1"),
                Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void decodesBase64Bodies() throws Exception {
        OutgoingResponse response = mapper.toResponse(bytes("{\"statusCode\": 200, \"body\": \"aGk=\", \"isBase64Encoded\": true}"));

        assertThat(response.body()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultsContentTypeToJsonAndBodyToEmpty() throws Exception {
        OutgoingResponse response = mapper.toResponse(bytes("{\"statusCode\": 204}"));

        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void refusesWhatApiGatewayRefuses() {
        assertMalformed("not json", "not JSON");
        assertMalformed("\"a string\"", "not a JSON object");
        assertMalformed("null", "not a JSON object");
        assertMalformed("{\"body\": \"x\"}", "statusCode");
        assertMalformed("{\"statusCode\": \"abc\"}", "statusCode");
        assertMalformed("{\"statusCode\": 200, \"body\": {\"json\": \"object\"}}", "body must be a string");
        assertMalformed("{\"statusCode\": 200, \"extra\": 1}", "unexpected field 'extra'");
    }

    private void assertMalformed(String functionResult, String reason) {
        assertThatThrownBy(() -> mapper.toResponse(bytes(functionResult)))
                .isInstanceOf(ProxyResponseMapper.MalformedProxyResponseException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
