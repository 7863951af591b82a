package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.apigateway.Route;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.IamStatement;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.lambda.InvocationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * For every stage, run every endpoint once in the local cloud (IAM enforced), then check:
 * least privilege (no wildcard grants; every granted action is used, and nothing is denied), and
 * that the Momento API key appears in no log line, no response and no environment variable.
 */
@Timeout(300)
class StageSecurityTest {

    static Stream<String> stages() throws IOException {
        try (Stream<Path> dirs = Files.list(StageClouds.SOLUTIONS)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("serverless.yml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void leastPrivilegeAndNoLeakedKey(String stage) throws Exception {
        try (StageClouds.Running running = StageClouds.start(stage)) {
            List<Reply> replies = exerciseEveryEndpoint(running);
            List<IamStatement> statements = grantedStatements(running);

            assertNoWildcardGrants(stage, statements);
            assertEveryGrantIsUsedAndNothingDenied(stage, running, statements);
            assertKeyNeverShows(running, replies);
        }
    }

    /**
     * Alice founds an organization and adds bob; then every read route is called for them and for
     * names that exist nowhere (cache misses, so the database is read even where writes fill the cache).
     */
    private static List<Reply> exerciseEveryEndpoint(StageClouds.Running running) throws Exception {
        AccountsApi api = running.api();
        List<Reply> replies = new ArrayList<>();
        String alice = api.createUser("alice");
        String bob = api.createUser("bob");
        String organization = api.createOrganization(alice);
        replies.add(api.addMember(organization, bob, "Member", alice));
        replies.add(api.post("/users", "{\"username\":\"" + alice + "\",\"firstName\":\"A\",\"lastName\":\"L\"}", null)); // 409
        String nobody = AccountsApi.unique("nobody");
        String nowhere = AccountsApi.unique("nowhere");
        for (Route route : running.cloud().routes()) {
            if (route.method().equals("GET")) {
                replies.add(api.get(route.resourcePath().replace("{username}", bob).replace("{organization}", organization)));
                replies.add(api.get(route.resourcePath().replace("{username}", nobody).replace("{organization}", nowhere)));
            }
        }
        putActivityEvent(running, bob, organization);
        // A function subscribed to the table's stream runs shortly after the writes: wait for it.
        int functions = running.cloud().config().functions().size();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (running.cloud().reports().stream().map(InvocationReport::functionName).distinct().count() < functions
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> invoked = running.cloud().reports().stream().map(InvocationReport::functionName).distinct().toList();
        assertThat(invoked).as("every function ran").containsExactlyInAnyOrderElementsOf(
                running.cloud().config().functions().stream().map(FunctionConfig::name).toList());
        return replies;
    }

    /** For a stage with a Kinesis stream (the stream consumer): one event of bob's, so its consumer runs too. */
    private static void putActivityEvent(StageClouds.Running running, String username, String organization) {
        LocalCloud cloud = running.cloud();
        if (cloud.kinesis() == null) {
            return;
        }
        String event = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"username\":\"" + username
                + "\",\"organization\":\"" + organization + "\",\"action\":\"signed-in\",\"occurredAt\":\"2026-11-23T10:15:30Z\"}";
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(cloud.kinesis().endpoint())
                .region(Region.of(cloud.config().deployment().region()))
                .credentialsProvider(StaticCredentialsProvider.create(cloud.operatorCredentials())).build()) {
            for (String stream : cloud.kinesisStreams().values()) {
                kinesis.putRecord(request -> request.streamName(stream).partitionKey(username)
                        .data(SdkBytes.fromString(event, StandardCharsets.UTF_8)));
            }
        }
    }

    private static List<IamStatement> grantedStatements(StageClouds.Running running) {
        List<IamStatement> statements = new ArrayList<>();
        for (FunctionConfig function : running.cloud().config().functions()) {
            statements.addAll(running.cloud().config().iamStatementsFor(function));
        }
        return statements;
    }

    private static void assertNoWildcardGrants(String stage, List<IamStatement> statements) {
        for (IamStatement statement : statements) {
            assertThat(statement.actions()).as("%s: actions of %s", stage, statement).allSatisfy(action ->
                    assertThat(action).doesNotContain("*").doesNotContain("?"));
            assertThat(statement.resources()).as("%s: resources of %s", stage, statement).allSatisfy(resource -> {
                // Secrets Manager appends "-" and six random characters to a secret's name: only that may be a wildcard.
                String withoutSecretSuffix = resource.replaceFirst(":secret:([^*?]+)-\\?\\?\\?\\?\\?\\?$", ":secret:$1");
                assertThat(withoutSecretSuffix).startsWith("arn:aws:").doesNotContain("*").doesNotContain("?");
            });
        }
    }

    private static void assertEveryGrantIsUsedAndNothingDenied(String stage, StageClouds.Running running, List<IamStatement> statements) {
        Set<String> granted = new TreeSet<>();
        statements.forEach(statement -> granted.addAll(statement.actions()));
        List<Decision> functionDecisions = running.cloud().iamDecisions().stream()
                .filter(decision -> decision.principalArn() != null && decision.principalArn().contains(":assumed-role/"))
                .toList();
        Set<String> used = new TreeSet<>();
        functionDecisions.forEach(decision -> used.add(decision.action()));

        assertThat(functionDecisions).as("%s: calls denied", stage).allMatch(Decision::isAllowed);
        assertThat(used).as("%s: actions the code used versus the actions serverless.yml grants", stage).isEqualTo(granted);
    }

    private static void assertKeyNeverShows(StageClouds.Running running, List<Reply> replies) {
        String apiKey = running.cloud().momento().apiKey();
        String secretPart = new String(Base64.getDecoder().decode(apiKey), StandardCharsets.UTF_8)
                .replaceAll(".*\"api_key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(secretPart).isNotBlank().isNotEqualTo(apiKey);
        for (String secret : List.of(apiKey, secretPart)) {
            assertThat(running.log()).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(replies).as("responses").noneMatch(reply -> reply.json().toString().contains(secret));
            for (FunctionConfig function : running.cloud().config().functions()) {
                assertThat(function.environment().values()).as("environment of %s", function.name()).noneMatch(value -> value.contains(secret));
            }
        }
        for (FunctionConfig function : running.cloud().config().functions()) {
            assertThat(function.environment().keySet()).as("environment of %s", function.name()).doesNotContain("MOMENTO_API_KEY");
        }
    }
}
