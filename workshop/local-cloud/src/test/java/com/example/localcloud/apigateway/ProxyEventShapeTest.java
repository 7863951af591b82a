package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event a function receives, compared with one AWS delivered: the fixture
 * {@code aws-events/rest-api-proxy-event.json}, the REST API event of the AWS Lambda Developer
 * Guide's {@code sample-apps/nodejs-apig} (github.com/awsdocs/aws-lambda-developer-guide), a
 * {@code GET /} with the same client headers as sent here.
 */
class ProxyEventShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What API Gateway adds to the client's headers (the fixture's endpoint is regional: no CloudFront Via). */
    private static final List<String> GATEWAY_HEADERS = List.of("Host", "X-Amzn-Trace-Id", "X-Forwarded-For",
            "X-Forwarded-Port", "X-Forwarded-Proto");

    private static FakeFunctions functions;

    @BeforeAll
    static void start() throws Exception {
        functions = new FakeFunctions();
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    @BeforeEach
    void forgetEvents() {
        functions.events().clear();
    }

    @Test
    void eventHasTheKeysAndNullsOfTheRecordedAwsEvent() throws Exception {
        JsonNode aws = fixture();
        sendAsTheFixturesClient(aws);

        JsonNode local = functions.lastEvent();

        List<String> differences = new ArrayList<>();
        compare("", aws, local, differences);
        assertThat(differences).isEmpty();
        for (String header : GATEWAY_HEADERS) {
            assertThat(aws.get("headers").has(header)).as("fixture has " + header).isTrue();
            assertThat(local.get("headers").has(header)).as("local event has " + header).isTrue();
            assertThat(local.get("multiValueHeaders").get(header).size()).isEqualTo(1);
        }
        // the client's headers all arrive; Jetty spells well-known names its way (Accept for accept), AWS keeps them
        aws.get("headers").fieldNames().forEachRemaining(name ->
                assertThat(names(local.get("headers"))).as("header " + name).anyMatch(name::equalsIgnoreCase));
    }

    @Test
    void headersSayHowTheClientReachedTheGateway() throws Exception {
        HTTP.send(HttpRequest.newBuilder(functions.uri("/items/1")).header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

        JsonNode headers = functions.lastEvent().get("headers");
        assertThat(headers.get("Host").asText()).isEqualTo("localhost:" + functions.port());
        assertThat(headers.get("X-Forwarded-For").asText()).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(headers.get("X-Forwarded-Port").asText()).isEqualTo(Integer.toString(functions.port()));
        assertThat(headers.get("X-Forwarded-Proto").asText()).as("the gateway's, not the client's").isEqualTo("http");
        assertThat(headers.get("X-Amzn-Trace-Id").asText()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(headers.get("Via").asText()).matches("1\\.1 [0-9a-f]{32}\\.cloudfront\\.net \\(CloudFront\\)");
        JsonNode context = functions.lastEvent().get("requestContext");
        assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("domainName").asText()).isEqualTo("localhost:" + functions.port());
        assertThat(context.get("domainPrefix").asText()).isEqualTo("localhost");
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayAndNotPassedOn() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(functions.uri("/upload")).expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = functions.lastEvent();
        assertThat(event.get("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(names(event.get("headers"))).noneMatch("Expect"::equalsIgnoreCase);
        assertThat(names(event.get("multiValueHeaders"))).noneMatch("Expect"::equalsIgnoreCase);
    }

    @Test
    void absentPartsAreNullNotMissing() throws Exception {
        HTTP.send(HttpRequest.newBuilder(functions.uri("/")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode event = functions.lastEvent();
        for (String key : List.of("body", "pathParameters", "queryStringParameters", "multiValueQueryStringParameters",
                "stageVariables")) {
            assertThat(event.has(key)).as(key).isTrue();
            assertThat(event.get(key).isNull()).as(key).isTrue();
        }
        JsonNode identity = event.get("requestContext").get("identity");
        for (String key : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "principalOrgId",
                "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "user")) {
            assertThat(identity.has(key) && identity.get(key).isNull()).as("identity." + key).isTrue();
        }
    }

    /** Same key sets at every level, null where the other is null; headers are compared by the test itself. */
    private static void compare(String path, JsonNode aws, JsonNode local, List<String> differences) {
        if (aws.isNull() != local.isNull()) {
            differences.add(path + ": AWS " + (aws.isNull() ? "null" : "non-null") + ", local " + (local.isNull() ? "null" : "non-null"));
            return;
        }
        if (!aws.isObject() || path.equals(".headers") || path.equals(".multiValueHeaders")) {
            return;
        }
        Set<String> awsKeys = Set.copyOf(names(aws));
        Set<String> localKeys = Set.copyOf(names(local));
        if (!awsKeys.equals(localKeys)) {
            differences.add(path + ": AWS keys " + awsKeys + ", local keys " + localKeys);
        }
        for (String key : awsKeys) {
            if (local.has(key)) {
                compare(path + "." + key, aws.get(key), local.get(key), differences);
            }
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** A GET / with the fixture's client headers (not Host and the ones API Gateway sets). */
    private static void sendAsTheFixturesClient(JsonNode aws) throws Exception {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost:" + functions.port() + "\r\n");
        aws.get("headers").fields().forEachRemaining(header -> {
            if (!GATEWAY_HEADERS.contains(header.getKey())) {
                head.append(header.getKey()).append(": ").append(header.getValue().asText()).append("\r\n");
            }
        });
        head.append("Connection: close\r\n\r\n");
        assertThat(RawHttp.send(functions.port(), head.toString()).status()).isEqualTo(200);
    }

    private static JsonNode fixture() throws Exception {
        try (InputStream in = ProxyEventShapeTest.class.getResourceAsStream("/aws-events/rest-api-proxy-event.json")) {
            return JSON.readTree(in);
        }
    }
}
