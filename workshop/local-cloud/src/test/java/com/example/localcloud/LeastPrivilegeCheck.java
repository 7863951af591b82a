package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.apigateway.Route;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.FunctionRole;
import com.example.localcloud.config.IamStatement;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.lambda.InvocationReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Least privilege and no leaked key, on a stage's running local cloud: run every endpoint once (IAM
 * enforced, each function with its own role), then check per function: no wildcard grants; every
 * action serverless.yml gives its role is used by it, nothing it does is denied, and no function
 * reading through GET may write. And the Momento API key appears in no log line, no response and
 * no environment variable. A test class can run it on the cloud its other tests use (one start of
 * the stage instead of two): every endpoint is still called here, and IAM's decisions are those of
 * the cloud's whole life, as some calls happen once per environment or start (reading the secret
 * at a cold start, describing a stream before polling it).
 */
final class LeastPrivilegeCheck {

    private LeastPrivilegeCheck() {
    }

    static void verify(String stage, StageClouds.Running running) throws Exception {
        int reportsBefore = running.cloud().reports().size();
        List<Reply> replies = exerciseEveryEndpoint(running, reportsBefore);
        if (!everyGrantUsed(running)) {
            // On a busy machine a cold start's key read can outlast its 2 s (the AWS SDK's first call
            // loads its classes before it sends anything): the function then asks again at its first
            // cache call 5 s later. Once more, after that; a grant never used fails as before.
            Thread.sleep(6_000);
            replies.addAll(exerciseEveryEndpoint(running, running.cloud().reports().size()));
        }
        List<Decision> decisions = running.cloud().iamDecisions();
        for (FunctionConfig function : running.cloud().config().functions()) {
            FunctionRole role = running.cloud().config().roleFor(function);
            String who = stage + " " + function.name();
            assertThat(role.name()).as("%s: a role of its own", who).contains("-" + function.name() + "-");
            assertNoWildcardGrants(who, role.statements());
            assertEveryGrantIsUsedAndNothingDenied(who, decisions, function, role);
            assertReadersCannotWrite(who, function, role);
        }
        assertKeyNeverShows(running, replies);
    }

    private static boolean everyGrantUsed(StageClouds.Running running) {
        List<Decision> decisions = running.cloud().iamDecisions();
        return running.cloud().config().functions().stream().allMatch(function -> {
            FunctionRole role = running.cloud().config().roleFor(function);
            return actionsUsed(decisionsOf(decisions, function, role)).containsAll(actionsWritten(role));
        });
    }

    private static Set<String> actionsUsed(List<Decision> decisions) {
        Set<String> used = new TreeSet<>();
        decisions.forEach(decision -> used.add(decision.action()));
        return used;
    }

    /** What serverless.yml gives the role (not what the plugin adds for its stream events). */
    private static Set<String> actionsWritten(FunctionRole role) {
        Set<String> written = new TreeSet<>();
        role.statements().forEach(statement -> written.addAll(statement.actions()));
        return written;
    }

    private static List<Decision> decisionsOf(List<Decision> all, FunctionConfig function, FunctionRole role) {
        return all.stream()
                .filter(decision -> decision.principalArn() != null
                        && decision.principalArn().endsWith(":assumed-role/" + role.name() + "/" + function.deployedName()))
                .toList();
    }

    /**
     * Alice founds an organization and adds bob; then every read route is called for them and for
     * names that exist nowhere (cache misses, so the database is read even where writes fill the cache).
     */
    private static List<Reply> exerciseEveryEndpoint(StageClouds.Running running, int reportsBefore) throws Exception {
        AccountsApi api = running.api();
        List<Reply> replies = new ArrayList<>();
        String alice = api.createUser("alice");
        String bob = api.createUser("bob");
        String organization = api.createOrganization(alice);
        replies.add(api.addMember(organization, bob, "Member", alice));
        replies.add(api.post("/users", "{\"username\":\"" + alice + "\",\"firstName\":\"A\",\"lastName\":\"L\"}", null)); // 409
        String nobody = AccountsApi.unique("nobody");
        String nowhere = AccountsApi.unique("nowhere");
        // From step 4 on, the writes above cached what addMember reads (and a stream cacher may
        // refill a flushed cache at any moment): an organization nobody has read is a miss.
        replies.add(api.addMember(AccountsApi.unique("unread"), bob, "Member", alice)); // 404
        for (Route route : running.cloud().routes()) {
            if (route.method().equals("GET")) {
                replies.add(api.get(route.resourcePath().replace("{username}", bob).replace("{organization}", organization)));
                // Names no other call has read, per route: a cache (from step 3 on) has never seen them.
                replies.add(api.get(route.resourcePath().replace("{username}", AccountsApi.unique("nobody"))
                        .replace("{organization}", AccountsApi.unique("nowhere"))));
            }
        }
        // bob's, and one whose lookups miss the cache and read DynamoDB: in one batch, or the wait
        // below could end after the first batch, before the consumer's GetItem.
        putActivityEvents(running, List.of(List.of(bob, organization), List.of(nobody, nowhere)));
        // A function subscribed to the table's stream runs shortly after the writes: wait for it.
        int functions = running.cloud().config().functions().size();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (invokedSince(running, reportsBefore).size() < functions && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> invoked = invokedSince(running, reportsBefore);
        assertThat(invoked).as("every function ran").containsExactlyInAnyOrderElementsOf(
                running.cloud().config().functions().stream().map(FunctionConfig::name).toList());
        return replies;
    }

    private static List<String> invokedSince(StageClouds.Running running, int reportsBefore) {
        List<InvocationReport> reports = running.cloud().reports();
        return reports.subList(Math.min(reportsBefore, reports.size()), reports.size()).stream()
                .map(InvocationReport::functionName).distinct().toList();
    }

    /**
     * For a stage with a Kinesis stream (the stream consumer): one event per (username, organization),
     * put in one call with one partition key, so that they reach one shard together.
     */
    private static void putActivityEvents(StageClouds.Running running, List<List<String>> actors) {
        LocalCloud cloud = running.cloud();
        if (cloud.kinesis() == null) {
            return;
        }
        List<PutRecordsRequestEntry> records = new ArrayList<>();
        for (List<String> actor : actors) {
            String event = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"username\":\"" + actor.get(0)
                    + "\",\"organization\":\"" + actor.get(1) + "\",\"action\":\"signed-in\",\"occurredAt\":\"2026-11-23T10:15:30Z\"}";
            records.add(PutRecordsRequestEntry.builder().partitionKey("least-privilege")
                    .data(SdkBytes.fromString(event, StandardCharsets.UTF_8)).build());
        }
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(cloud.kinesis().endpoint())
                .region(Region.of(cloud.config().deployment().region()))
                .credentialsProvider(StaticCredentialsProvider.create(cloud.operatorCredentials())).build()) {
            for (String stream : cloud.kinesisStreams().values()) {
                assertThat(kinesis.putRecords(request -> request.streamName(stream).records(records)).failedRecordCount())
                        .as("records the local Kinesis refused").isZero();
            }
        }
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

    /**
     * What the function did versus what serverless.yml gives its role. The plugin's additions for
     * stream events (e.g. ListStreams, which an event source mapping given the stream's ARN never
     * calls) may go unused; they are not written in serverless.yml.
     */
    private static void assertEveryGrantIsUsedAndNothingDenied(String who, List<Decision> all, FunctionConfig function,
                                                               FunctionRole role) {
        List<Decision> decisions = decisionsOf(all, function, role);
        Set<String> used = actionsUsed(decisions);
        Set<String> written = actionsWritten(role);
        Set<String> allowed = new TreeSet<>(written);
        role.addedForEvents().forEach(statement -> allowed.addAll(statement.actions()));

        assertThat(decisions).as("%s: calls denied", who).allMatch(Decision::isAllowed);
        assertThat(written).as("%s: actions serverless.yml gives the role that the function never used", who)
                .isSubsetOf(used);
        assertThat(used).as("%s: actions the function used", who).isSubsetOf(allowed);
    }

    /** A function behind a GET route reads: its role must not hold any write. */
    private static void assertReadersCannotWrite(String who, FunctionConfig function, FunctionRole role) {
        if (function.httpEvents().isEmpty() || !function.httpEvents().stream().allMatch(event -> event.method().equals("GET"))) {
            return;
        }
        assertThat(role.all()).as("%s: a reader's role", who).allSatisfy(statement ->
                assertThat(statement.actions()).noneMatch(action -> action.matches(".*:(Put|Update|Delete|BatchWrite|TransactWrite).*")));
    }

    private static void assertKeyNeverShows(StageClouds.Running running, List<Reply> replies) {
        String apiKey = running.cloud().momento().apiKey();
        String secretPart = new String(Base64.getDecoder().decode(apiKey), StandardCharsets.UTF_8)
                .replaceAll(".*\"api_key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(secretPart).isNotBlank().isNotEqualTo(apiKey);
        assertThat(running.log()).as("log lines: the local cloud masks the key in what a function logs, and says so")
                .noneMatch(line -> line.contains(com.example.localcloud.lambda.SecretMasking.NOTE));
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
