package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.InvocationResult.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The local cloud through real HTTP, with the fixture handlers: routing, event mapping, cold
 * and warm starts, scaling out, timeouts, failures, and the tables from resources.
 */
@Timeout(120)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock("fixture-stage")
class LocalCloudEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path stageDirectory;

    private static LocalCloud cloud;
    private static final FixtureStage.CapturedLog log = new FixtureStage.CapturedLog();

    @BeforeAll
    static void startLocalCloud() throws Exception {
        FixtureStage.create(stageDirectory);
        cloud = LocalCloud.builder(stageDirectory)
                .port(0)
                .build(false)
                .loadOptions(new LoadOptions(Map.of(), null, null))
                .environmentCustomizer((function, spec) -> {
                    spec.jvmArguments().add("-Dextra.property=" + function.name());
                    spec.environment().put("EXTRA", "for " + function.name());
                })
                .log(log)
                .start();
    }

    @AfterAll
    static void stopLocalCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void unknownPathIs403MissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = get("/no/such/route");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void knownPathWithAnotherMethodIs403AsWell() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo/alice")).DELETE());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void requestBecomesAProxyEventAndTheResponseComesBack() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo/al%20ice?x=1&x=2&status=201"))
                .header("Authorization", "alice")
                .header("X-Custom-Header", "one")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Echo")).contains("yes");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("resource").asText()).isEqualTo("/echo/{name}");
        assertThat(echo.get("path").asText()).isEqualTo("/echo/al ice");
        assertThat(echo.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(echo.get("pathParameters")).isEqualTo(JSON.readTree("{\"name\":\"al ice\"}"));
        assertThat(echo.get("queryStringParameters")).isEqualTo(JSON.readTree("{\"x\":\"2\",\"status\":\"201\"}"));
        assertThat(echo.get("multiValueQueryStringParameters").get("x")).isEqualTo(JSON.readTree("[\"1\",\"2\"]"));
        assertThat(echo.get("headers").get("Authorization").asText()).isEqualTo("alice");
        assertThat(echo.get("headers").get("X-Custom-Header").asText()).isEqualTo("one");
        assertThat(echo.get("multiValueHeaders").get("X-Custom-Header")).isEqualTo(JSON.readTree("[\"one\"]"));
        assertThat(echo.get("body").asText()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(echo.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(echo.get("stage").asText()).isEqualTo("dev");
        assertThat(echo.get("resourcePath").asText()).isEqualTo("/echo/{name}");
        assertThat(echo.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).contains(echo.get("apiRequestId").asText());
    }

    @Test
    void greedyPathParameterTakesTheRestOfThePath() throws Exception {
        HttpResponse<String> response = get("/proxy/a/b/c");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("resource").asText()).isEqualTo("/proxy/{path+}");
        assertThat(echo.get("pathParameters").get("path").asText()).isEqualTo("a/b/c");
    }

    @Test
    void functionRunsWithItsEnvironmentCredentialsAndMemory() throws Exception {
        JsonNode echo = JSON.readTree(get("/echo/env").body());

        JsonNode environment = echo.get("environment");
        assertThat(environment.get("TABLE_NAME").asText()).isEqualTo("fixture-dev-ItemsTable");
        assertThat(environment.get("TABLE_ARN").asText())
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/fixture-dev-ItemsTable");
        assertThat(environment.get("GREETING").asText()).isEqualTo("hello");
        assertThat(environment.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(environment.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("LOCALecho");
        assertThat(environment.get("AWS_ENDPOINT_URL_DYNAMODB").asText()).isEqualTo(cloud.dynamoDbEndpoint().toString());
        assertThat(environment.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("fixture-dev-echo");
        assertThat(environment.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(environment.get("HOME").isNull()).as("the developer's environment stays out").isTrue();
        assertThat(environment.get("EXTRA").asText()).isEqualTo("for echo");
        assertThat(environment.get("extra.property").asText()).isEqualTo("echo");
        assertThat(echo.get("maxHeapMb").asLong()).isLessThanOrEqualTo(256);
        assertThat(echo.get("functionName").asText()).isEqualTo("fixture-dev-echo");
        assertThat(echo.get("remainingTimeInMillis").asLong()).as("within the fixture's 15 s timeout").isBetween(1L, 15_000L);
    }

    @Test
    void handlerOutputIsEchoedTaggedWithFunctionAndEnvironment() throws Exception {
        get("/echo/logging");

        assertThat(log.lines()).anySatisfy(line ->
                assertThat(line).matches("\\[echo#\\d+] echo handler saw GET /echo/logging"));
    }

    @Test
    void firstRequestIsAColdStartAndTheNextIsWarmInTheSameEnvironment() throws Exception {
        JsonNode first = JSON.readTree(get("/warm").body());
        JsonNode second = JSON.readTree(get("/warm").body());

        InvocationReport cold = reportFor(first);
        InvocationReport warm = reportFor(second);
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initDurationMs()).isPositive();
        assertThat(cold.toLogLine()).contains("Init Duration: ");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.toLogLine()).doesNotContain("Init Duration");
        assertThat(warm.environmentNumber()).isEqualTo(cold.environmentNumber());
        assertThat(second.get("instanceId")).as("the handler object is reused").isEqualTo(first.get("instanceId"));
        assertThat(log.lines()).contains("[warm#1] " + cold.toLogLine(), "[warm#1] " + warm.toLogLine());
    }

    @Test
    void concurrentRequestsGetTheirOwnEnvironments() throws Exception {
        CompletableFuture<HttpResponse<String>> one = sendAsync("/parallel?sleepMs=1500");
        CompletableFuture<HttpResponse<String>> two = sendAsync("/parallel?sleepMs=1500");

        InvocationReport first = reportFor(JSON.readTree(one.get().body()));
        InvocationReport second = reportFor(JSON.readTree(two.get().body()));
        assertThat(List.of(first.environmentNumber(), second.environmentNumber())).containsExactlyInAnyOrder(1, 2);
        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isTrue();
        assertThat(cloud.lambda().environmentCount("parallel")).isEqualTo(2);
    }

    @Test
    void timeoutGives502AndReplacesTheEnvironment() throws Exception {
        HttpResponse<String> timedOut = get("/sleepy?sleepMs=30000");

        assertThat(timedOut.statusCode()).isEqualTo(502);
        assertThat(timedOut.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        InvocationReport timeoutReport = Reports.lastOf(cloud, "sleepy");
        assertThat(timeoutReport.status()).isEqualTo(Status.TIMEOUT);
        assertThat(timeoutReport.toLogLine()).contains("Duration: 6000.00 ms", "Status: timeout");
        assertThat(log.lines()).contains("[sleepy#" + timeoutReport.environmentNumber() + "] Task timed out after 6.00 seconds");

        HttpResponse<String> next = get("/sleepy");
        assertThat(next.statusCode()).isEqualTo(200);
        InvocationReport replacement = reportFor(JSON.readTree(next.body()));
        assertThat(replacement.environmentNumber()).isNotEqualTo(timeoutReport.environmentNumber());
        assertThat(replacement.coldStart()).isTrue();
        assertThat(cloud.lambda().environmentCount("sleepy")).isEqualTo(1);
    }

    @Test
    void handlerExceptionGives502AndTheEnvironmentStays() throws Exception {
        HttpResponse<String> first = get("/throwing");
        InvocationReport firstReport = Reports.lastOf(cloud, "throwing");
        HttpResponse<String> second = get("/throwing");
        InvocationReport secondReport = Reports.lastOf(cloud, "throwing");

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(first.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(second.statusCode()).isEqualTo(502);
        assertThat(firstReport.status()).isEqualTo(Status.FUNCTION_ERROR);
        assertThat(secondReport.environmentNumber()).isEqualTo(firstReport.environmentNumber());
        assertThat(secondReport.coldStart()).isFalse();
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("[throwing#1] java.lang.IllegalStateException: boom"));
    }

    @Test
    void responseWithoutStatusCodeGives502() throws Exception {
        HttpResponse<String> response = get("/invalid");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(Reports.lastOf(cloud, "invalid").status()).isEqualTo(Status.SUCCESS); // Lambda succeeded; API Gateway refused
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("Malformed Lambda proxy response"));
    }

    @Test
    void handlerThatCannotBeCreatedGives502() throws Exception {
        HttpResponse<String> response = get("/broken-init");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(Reports.lastOf(cloud, "brokenInit").status()).isEqualTo(Status.INIT_ERROR);
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("missing configuration"));
    }

    @Test
    void tablesFromResourcesExistInDynamoDbLocal() {
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(cloud.dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(cloud.operatorCredentials()))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThat(dynamoDb.listTables().tableNames()).containsExactlyInAnyOrder("fixture-dev-ItemsTable", "fixture-dev-named");

            TableDescription items = dynamoDb.describeTable(r -> r.tableName("fixture-dev-ItemsTable")).table();
            assertThat(items.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("PK"));
            assertThat(items.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
            assertThat(items.globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("GSI1"));
            assertThat(items.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        }
    }

    private static InvocationReport reportFor(JsonNode echo) {
        String requestId = echo.get("awsRequestId").asText();
        return cloud.reports().stream().filter(report -> report.requestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no REPORT for request " + requestId));
    }

    private static URI uri(String path) {
        return URI.create(cloud.baseUri() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
