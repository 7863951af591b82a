package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: only bodies whose Content-Type is one of {@code binaryMediaTypes} reach the
 * function base64-encoded; anything else is text, even bytes that are not UTF-8.
 */
class BodyEncodingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};

    private static FakeFunctions imagesOnly;
    private static FakeFunctions everything;

    @BeforeAll
    static void start() throws Exception {
        imagesOnly = new FakeFunctions(List.of("image/*", "application/pdf"));
        everything = new FakeFunctions(List.of("*/*"));
    }

    @AfterAll
    static void stop() {
        imagesOnly.close();
        everything.close();
    }

    @Test
    void binaryMediaTypeIsBase64Encoded() throws Exception {
        JsonNode event = post(imagesOnly, "image/png", PNG);

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(PNG);
    }

    @Test
    void mediaTypeMatchesWithoutParametersAndCase() throws Exception {
        JsonNode event = post(imagesOnly, "Application/PDF; name=x.pdf", PNG);

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void otherTypesAreTextEvenIfNotUtf8() throws Exception {
        JsonNode event = post(imagesOnly, "application/octet-stream", PNG);

        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("body").asText()).isEqualTo(new String(PNG, StandardCharsets.UTF_8));
    }

    @Test
    void textStaysText() throws Exception {
        JsonNode event = post(imagesOnly, "application/json", "{\"name\":\"héllo\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("body").asText()).isEqualTo("{\"name\":\"héllo\"}");
    }

    @Test
    void wildcardForAllTypesEncodesEvenJson() throws Exception {
        JsonNode event = post(everything, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.get("body").asText()).isEqualTo(Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode post(FakeFunctions functions, String contentType, byte[] body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(functions.uri("/upload"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return functions.lastEvent();
    }
}
