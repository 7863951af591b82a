package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.lambda.AmazonsRuntimeClient;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.InvocationResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The last stage's jar, every function of it, run by Amazon's own runtime interface client (the
 * one in Lambda's Java base images) instead of the local bootstrap: what the jar needs from its
 * own code (e.g. joda-time, which Amazon's event serializer loads from it) and how its events are
 * read are then Amazon's, not ours. Linux only (the client's native library).
 */
@Timeout(300)
@EnabledOnOs(OS.LINUX)
@Execution(ExecutionMode.CONCURRENT) // beside the other end-to-end classes (see StageClouds)
@ResourceLock(StageClouds.STEP_7)
class AmazonsRuntimeClientEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFunctionOfTheLastStageRunsOnAmazonsRuntimeClient() throws Exception {
        try (StageClouds.Running step7 = StageClouds.start(StageClouds.STEP_7, new AmazonsRuntimeClient())) {
            try {
                runEveryFunction(step7);
            } catch (AssertionError failed) {
                // What a red run on a CI machine needs to be understood: why the gateway said 502, etc.
                throw new AssertionError(failed.getMessage() + "\nThe local cloud's log:\n" + String.join("\n", step7.log()), failed);
            }
        }
    }

    private static void runEveryFunction(StageClouds.Running step7) throws Exception {
        AccountsApi api = step7.api();
        String alice = api.createUser("alice");
        String bob = api.createUser("bob");
        String organization = api.createOrganization(alice);
        assertThat(api.addMember(organization, bob, "Member", alice).status()).isEqualTo(201);

        AccountsApi.Reply user = api.get("/users/" + alice);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().path("user").path("username").asText()).isEqualTo(alice);
        assertThat(api.get("/users/" + alice).status()).as("a cache hit").isEqualTo(200);
        assertThat(api.get("/organizations/" + organization).status()).isEqualTo(200);
        assertThat(api.getMembership(organization, bob).json().path("membership").path("role").asText()).isEqualTo("Member");
        assertThat(api.get("/organizations/" + organization + "/members").json().path("members").size()).isEqualTo(2);
        AccountsApi.Reply missing = api.get("/users/" + AccountsApi.unique("nobody"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isNotBlank();

        putActivityEvent(step7.cloud(), alice, organization);
        Set<String> functions = step7.cloud().config().functions().stream()
                .map(function -> function.name()).collect(Collectors.toSet());
        List<InvocationReport> reports = awaitEveryFunction(step7.cloud(), functions);

        assertThat(reports).extracting(InvocationReport::functionName).containsAll(functions);
        assertThat(reports).as("every invocation ended well").allSatisfy(report ->
                assertThat(report.status()).as(report.functionName()).isEqualTo(InvocationResult.Status.SUCCESS));
        // An SDK call that ran out of time on a machine busy with other builds (a cold start of 8 to 14 s
        // in CI once: the Secrets Manager read at Init took longer than its 2 s) is the machine's, not the runtime client's.
        assertThat(step7.logLines("Exception")).filteredOn(line -> !line.contains("TimeoutException"))
                .as("no function logged an exception").isEmpty();
    }

    private static void putActivityEvent(LocalCloud cloud, String username, String organization) throws Exception {
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(cloud.kinesis().endpoint())
                .region(Region.of(cloud.config().deployment().region()))
                .credentialsProvider(StaticCredentialsProvider.create(cloud.operatorCredentials())).build()) {
            Map<String, String> event = Map.of("eventId", UUID.randomUUID().toString(), "username", username,
                    "organization", organization, "action", "signed-in", "occurredAt", "2026-12-03T10:15:30Z");
            byte[] record = JSON.writeValueAsBytes(event);
            kinesis.putRecord(put -> put.streamName(cloud.kinesisStreams().get("ActivityStream")).partitionKey(username)
                    .data(SdkBytes.fromByteArray(record)));
        }
    }

    /** The reports so far, once every function has at least one (the stream functions follow the writes), or after 60 s. */
    private static List<InvocationReport> awaitEveryFunction(LocalCloud cloud, Set<String> functions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!cloud.reports().stream().map(InvocationReport::functionName).collect(Collectors.toSet()).containsAll(functions)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return cloud.reports();
    }
}
