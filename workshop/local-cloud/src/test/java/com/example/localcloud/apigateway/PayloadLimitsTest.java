package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The size limits between client, API Gateway and Lambda, over real HTTP: a body over 10 MB and
 * an event over Lambda's 6 MB are answered 413 without invoking anything; a function result over
 * Lambda's limit is a failed invocation, 502.
 */
class PayloadLimitsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REQUEST_TOO_LONG = "{\"message\": \"Request Too Long\"}";
    private static final String INTERNAL_SERVER_ERROR = "{\"message\": \"Internal server error\"}";

    private FakeFunctions functions;

    @BeforeEach
    void start() throws Exception {
        functions = new FakeFunctions();
    }

    @AfterEach
    void stop() {
        functions.close();
    }

    @Test
    void declaredBodyOverTenMegabytesIs413BeforeAnyByteIsRead() throws Exception {
        // the body never follows: the answer must not wait for it
        RawHttp.Answer answer = RawHttp.send(functions.port(), "POST /upload HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + (PayloadLimits.MAX_REQUEST_BODY_BYTES + 1)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo(REQUEST_TOO_LONG);
        assertThat(answer.headers()).containsEntry("content-type", "application/json")
                .containsEntry("x-amzn-errortype", "BadRequestException").containsKey("x-amzn-requestid");
        assertThat(functions.events()).isEmpty();
    }

    @Test
    void chunkedBodyOverTenMegabytesIs413() throws Exception {
        byte[] body = new byte[PayloadLimits.MAX_REQUEST_BODY_BYTES + 1];
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(functions.uri("/upload"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))) // no length: chunked
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(REQUEST_TOO_LONG);
        assertThat(functions.events()).isEmpty();
    }

    @Test
    void eventOverLambdasSixMegabytesIs413AndTheFunctionIsNotInvoked() throws Exception {
        byte[] body = new byte[PayloadLimits.MAX_EVENT_BYTES]; // the body alone fits; with the event around it, not
        Arrays.fill(body, (byte) 'a');

        HttpResponse<String> response = post("/upload", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(REQUEST_TOO_LONG);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
        assertThat(functions.events()).isEmpty();
        assertThat(functions.log()).anySatisfy(line -> assertThat(line).contains("Request must be smaller than 6291456 bytes"));
    }

    @Test
    void eventJustUnderSixMegabytesIsDelivered() throws Exception {
        byte[] body = new byte[PayloadLimits.MAX_EVENT_BYTES - 4096];
        Arrays.fill(body, (byte) 'a');

        HttpResponse<String> response = post("/upload", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(functions.events()).singleElement().satisfies(event ->
                assertThat(event.length).isLessThanOrEqualTo(PayloadLimits.MAX_EVENT_BYTES));
    }

    @Test
    void resultOverLambdasLimitIs502() throws Exception {
        functions.returns(resultOfSize(PayloadLimits.MAX_RESPONSE_BYTES + 1));

        HttpResponse<String> response = get("/items/1");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo(INTERNAL_SERVER_ERROR);
        assertThat(functions.log()).anySatisfy(line -> assertThat(line).contains("Function.ResponseSizeTooLarge"));
    }

    @Test
    void resultAtLambdasLimitComesBack() throws Exception {
        functions.returns(resultOfSize(PayloadLimits.MAX_RESPONSE_BYTES));

        HttpResponse<String> response = get("/items/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("xxxx");
    }

    /** A valid proxy result of exactly {@code size} bytes of JSON. */
    private static byte[] resultOfSize(int size) {
        int overhead = FakeFunctions.json(Map.of("statusCode", 200, "body", "")).length;
        byte[] result = FakeFunctions.json(Map.of("statusCode", 200, "body", "x".repeat(size - overhead)));
        assertThat(result).hasSize(size);
        return result;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(functions.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(functions.uri(path)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
