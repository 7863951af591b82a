package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEventMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProxyEventMapper mapper = new ProxyEventMapper("dev", "000000000000", List.of("image/*"));
    private final RouteTable.Match match = new RouteTable.Match(
            new Route("POST", "/organizations/{organization}/members", "addMember"), Map.of("organization", "acme"));

    @Test
    void buildsTheRestApiProxyEvent() {
        IncomingRequest request = new IncomingRequest("POST", "/organizations/acme/members", "a=1&a=2&b=x%20y",
                List.of(Map.entry("Authorization", "alice"), Map.entry("Content-Type", "application/json"),
                        Map.entry("Accept", "text/plain"), Map.entry("Accept", "application/json"),
                        Map.entry("User-Agent", "curl/8")),
                "{\"memberUsername\":\"bob\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "localhost:3000");

        APIGatewayProxyRequestEvent event = mapper.toEvent(request, match, "request-1");

        assertThat(event.getResource()).isEqualTo("/organizations/{organization}/members");
        assertThat(event.getPath()).isEqualTo("/organizations/acme/members");
        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getHeaders()).containsEntry("Authorization", "alice").containsEntry("Accept", "application/json")
                .containsEntry("X-Forwarded-For", "127.0.0.1");
        assertThat(event.getMultiValueHeaders()).containsEntry("Accept", List.of("text/plain", "application/json"));
        assertThat(event.getQueryStringParameters()).containsExactly(Map.entry("a", "2"), Map.entry("b", "x y"));
        assertThat(event.getMultiValueQueryStringParameters()).containsEntry("a", List.of("1", "2"));
        assertThat(event.getPathParameters()).containsExactly(Map.entry("organization", "acme"));
        assertThat(event.getBody()).isEqualTo("{\"memberUsername\":\"bob\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getStage()).isEqualTo("dev");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo("request-1");
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/organizations/{organization}/members");
        assertThat(event.getRequestContext().getHttpMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getPath()).isEqualTo("/dev/organizations/acme/members");
        assertThat(event.getRequestContext().getAccountId()).isEqualTo("000000000000");
        assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getIdentity().getUserAgent()).isEqualTo("curl/8");
    }

    @Test
    void jsonUsesTheFieldNamesApiGatewaySends() throws Exception {
        IncomingRequest request = new IncomingRequest("GET", "/organizations/acme/members", null,
                List.of(Map.entry("Host", "localhost")), new byte[0], "127.0.0.1", "localhost");

        JsonNode json = JSON.readTree(mapper.toJson(mapper.toEvent(request, match, "request-1")));

        assertThat(json.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(json.get("multiValueHeaders").get("Host").get(0).asText()).isEqualTo("localhost");
        assertThat(json.get("pathParameters").get("organization").asText()).isEqualTo("acme");
        assertThat(json.get("requestContext").get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(json.get("requestContext").get("requestTimeEpoch").isNumber()).isTrue();
        assertThat(json.has("queryStringParameters") ? json.get("queryStringParameters").isNull() : true)
                .as("no query string: null, as API Gateway sends").isTrue();
        assertThat(json.has("body") ? json.get("body").isNull() : true).isTrue();
    }

    @Test
    void binaryMediaTypesAreBase64EncodedAndOtherBodiesAreText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        IncomingRequest image = new IncomingRequest("POST", "/x", null, List.of(Map.entry("Content-Type", "image/png")),
                png, "127.0.0.1", "localhost");
        IncomingRequest text = new IncomingRequest("POST", "/x", null, List.of(Map.entry("Content-Type", "text/plain")),
                "héllo".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "localhost");

        APIGatewayProxyRequestEvent imageEvent = mapper.toEvent(image, match, "r");
        APIGatewayProxyRequestEvent textEvent = mapper.toEvent(text, match, "r");

        assertThat(imageEvent.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(imageEvent.getBody())).isEqualTo(png);
        assertThat(textEvent.getIsBase64Encoded()).isFalse();
        assertThat(textEvent.getBody()).isEqualTo("héllo");
    }
}
