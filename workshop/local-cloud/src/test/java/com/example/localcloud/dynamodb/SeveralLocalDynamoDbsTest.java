package com.example.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.config.CloudFormationResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Several local clouds in one JVM (the tests' parallel classes, {@code compare}'s stages) each run
 * a DynamoDB Local, whose HTTP handlers share their tables of operations: building one must not
 * fail the calls another serves (see {@link LocalDynamoDb#OPERATION_TABLES}).
 */
class SeveralLocalDynamoDbsTest {

    private static final String REGION = "us-east-1";

    @Test
    void handlersBuiltForOtherDatabasesDoNotDisturbTheCallsOfOneThatServes() throws Exception {
        LocalDynamoDBRequestHandler otherDatabase = new LocalDynamoDBRequestHandler(0, true, null, true, false);
        try (LocalDynamoDb serving = LocalDynamoDb.start(0, DynamoDbRequestFilter.ALLOW_ALL)) {
            serving.createTable(table(), REGION);
            AtomicBoolean othersStarting = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                callers.add(started(() -> {
                    try (DynamoDbClient client = client(serving)) {
                        while (othersStarting.get()) {
                            client.describeTable(request -> request.tableName("things"));
                            answered.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }));
            }
            while (answered.get() < 20 && failures.isEmpty()) {
                Thread.sleep(10); // the calls are under way
            }
            int answeredBefore = answered.get();
            // What starting another local cloud does to DynamoDB Local's shared tables, many times over,
            // two at once (as two test classes start their clouds), while the calls above run.
            List<Thread> builders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builders.add(started(() -> {
                    for (int built = 0; built < 10_000 && failures.isEmpty(); built++) {
                        LocalDynamoDb.httpHandler(otherDatabase);
                    }
                }));
            }
            for (Thread builder : builders) {
                builder.join();
            }
            int answeredWhileBuilding = answered.get() - answeredBefore;
            othersStarting.set(false);
            for (Thread caller : callers) {
                caller.join();
            }

            assertThat(failures).as("calls that failed while handlers were built").isEmpty();
            assertThat(answeredWhileBuilding).as("calls answered while handlers were built").isPositive();
            try (DynamoDbClient client = client(serving)) {
                assertThat(client.describeTable(request -> request.tableName("things")).table().tableName())
                        .as("every operation still there afterwards").isEqualTo("things");
                assertThat(client.listTables().tableNames()).containsExactly("things");
            }
        } finally {
            otherDatabase.shutdown();
        }
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    /** No retries: a call that fails once must show. */
    private static DynamoDbClient client(LocalDynamoDb dynamoDb) {
        return DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.of(REGION))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("LOCALtest", "secret")))
                .build();
    }

    private static CloudFormationResource table() {
        return new CloudFormationResource("Things", "AWS::DynamoDB::Table", Map.of(
                "AttributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "BillingMode", "PAY_PER_REQUEST"),
                "things", "arn:aws:dynamodb:us-east-1:000000000000:table/things");
    }
}
