package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP server itself refuses, sent over a raw socket (no client would send them):
 * each answer is API Gateway's JSON {@code {"message": "..."}}, never Jetty's HTML page, and no
 * function is invoked.
 */
class GatewayErrorsAreJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeFunctions functions;

    @BeforeAll
    static void start() throws Exception {
        functions = new FakeFunctions();
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/items/%FF%FE", "/items/%00", "/items/a%2Fb", "/items/%2E%2E/x", "/%2e%2e/items/1",
            "/items/%zz", "/items/a%5Cb", "/items/%0A", "/items/1?%zz=1", "/items/1?x=%", "/items/1?x=a%2"})
    void malformedUriIs400InJson(String path) throws Exception {
        int before = functions.events().size();
        RawHttp.Answer answer = RawHttp.send(functions.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(path).isEqualTo(400);
        assertIsGatewayJson(answer, "Bad Request");
        assertThat(functions.events()).as("no function invoked").hasSize(before);
    }

    @Test
    void aQueryWhoseEscapesAreWholeIsPassedOn() throws Exception {
        int before = functions.events().size();
        RawHttp.Answer answer = RawHttp.send(functions.port(),
                "GET /items/1?x=%25&y=a%20b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(functions.events()).hasSize(before + 1);
        assertThat(functions.lastEvent().get("queryStringParameters").get("x").asText()).isEqualTo("%");
    }

    @Test
    void headerOverTenKilobytesIs431InJson() throws Exception {
        int before = functions.events().size();
        String big = "x".repeat(10 * 1024);
        RawHttp.Answer answer = RawHttp.send(functions.port(),
                "GET /items/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(431);
        assertIsGatewayJson(answer, "Request Header Fields Too Large");
        assertThat(functions.events()).as("no function invoked").hasSize(before);
    }

    @Test
    void headersJustUnderTheLimitPass() throws Exception {
        String value = "x".repeat(ApiGateway.MAX_REQUEST_LINE_AND_HEADERS_BYTES - 200);
        RawHttp.Answer answer = RawHttp.send(functions.port(),
                "GET /items/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + value + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void badRequestLineIs400InJson() throws Exception {
        RawHttp.Answer answer = RawHttp.send(functions.port(), "GET /items/1 2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertIsGatewayJson(answer, "Bad Request");
    }

    @Test
    void unsupportedHttpVersionIsAnsweredInJson() throws Exception {
        RawHttp.Answer answer = RawHttp.send(functions.port(), "GET /items/1 HTTP/7.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isBetween(400, 505);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(JSON.readTree(answer.body()).get("message").isTextual()).isTrue();
    }

    @Test
    void invalidHeaderLineIs400InJson() throws Exception {
        RawHttp.Answer answer = RawHttp.send(functions.port(), "GET /items/1 HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertIsGatewayJson(answer, "Bad Request");
    }

    private static void assertIsGatewayJson(RawHttp.Answer answer, String message) throws Exception {
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("<html", "Jetty");
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get("message").asText()).isEqualTo(message);
        assertThat(answer.headers()).containsKey("x-amzn-errortype");
    }
}
