package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.momento.MomentoStats.CacheCounters;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Step 6 (stream cacher) in the local cloud: a change made directly in DynamoDB, bypassing the
 * service, reaches the cache through the table's stream and the streamCacher function.
 */
@Timeout(240)
class Step6EndToEndTest {
    /** Far below the cache's 60 s TTL: an answer within it cannot come from the entry expiring. */
    private static final long DEADLINE_SECONDS = 30;

    private static StageClouds.Running step6;
    private static DynamoDbClient admin;
    private static String table;

    @BeforeAll
    static void start() {
        step6 = StageClouds.start("step-6-stream-cacher");
        table = step6.cloud().config().resourcesOfType("AWS::DynamoDB::Table").stream()
                .map(CloudFormationResource::physicalName).findFirst().orElseThrow();
        // "An admin script": the operator's credentials, straight to the table.
        admin = DynamoDbClient.builder()
                .endpointOverride(step6.cloud().dynamoDbEndpoint())
                .region(Region.of(step6.cloud().config().deployment().region()))
                .credentialsProvider(StaticCredentialsProvider.create(step6.cloud().operatorCredentials()))
                .build();
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (step6 != null) {
            step6.close();
        }
    }

    @Test
    void aNameChangedDirectlyInTheTableIsServedFromTheCache() throws Exception {
        String alice = step6.api().createUser("alice");
        assertThat(step6.api().get("/users/" + alice).json().path("user").path("firstName").asText()).isEqualTo("F");

        admin.updateItem(update -> update.tableName(table)
                .key(Map.of("PK", s("USER#" + alice), "SK", s("USER#" + alice)))
                .updateExpression("SET firstName = :name")
                .expressionAttributeValues(Map.of(":name", s("Alicia"))));

        Reply renamed = await(() -> step6.api().get("/users/" + alice),
                reply -> reply.json().path("user").path("firstName").asText().equals("Alicia"));
        assertThat(renamed.json().path("user").path("firstName").asText()).isEqualTo("Alicia");

        CacheCounters before = counters();
        Reply read = step6.api().get("/users/" + alice);
        assertThat(read.json().path("user").path("firstName").asText()).isEqualTo("Alicia");
        assertThat(counters().hits() - before.hits()).as("the read was a cache hit").isEqualTo(1);
        assertThat(counters().misses()).as("no cache miss").isEqualTo(before.misses());
    }

    @Test
    void anItemDeletedDirectlyInTheTableLeavesTheCache() throws Exception {
        String bob = step6.api().createUser("bob");
        assertThat(step6.api().get("/users/" + bob).status()).isEqualTo(200); // cached by write-aside

        admin.deleteItem(delete -> delete.tableName(table).key(Map.of("PK", s("USER#" + bob), "SK", s("USER#" + bob))));

        // Within the TTL, a 404 is only possible if the cached user was deleted.
        Reply gone = await(() -> step6.api().get("/users/" + bob), reply -> reply.status() == 404);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void theStreamIsReadWithTheFunctionsRole() throws Exception {
        String carol = step6.api().createUser("carol");
        await(() -> step6.cloud().iamDecisions(), decisions -> decisions.stream()
                .anyMatch(decision -> decision.action().equals("dynamodb:GetRecords") && decision.principalArn() != null
                        && decision.principalArn().contains("streamCacher")));

        assertThat(step6.cloud().iamDecisions())
                .filteredOn(decision -> decision.action().startsWith("dynamodb:") && decision.principalArn() != null
                        && decision.principalArn().contains("streamCacher"))
                .isNotEmpty()
                .allMatch(Decision::isAllowed)
                .extracting(Decision::action)
                .containsOnly("dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords");
        assertThat(carol).isNotBlank();
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.call();
        }
        return value;
    }

    private static CacheCounters counters() {
        return step6.cloud().momento().stats().cache(StageClouds.CACHE);
    }

    private static AttributeValue s(String text) {
        return AttributeValue.builder().s(text).build();
    }
}
