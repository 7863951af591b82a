package com.example.localcloud.streams;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.StreamEvent;
import com.example.localcloud.lambda.FunctionCredentials;
import com.example.localcloud.lambda.LambdaService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local Lambda's event source mappings for DynamoDB streams: one poller thread per
 * {@code stream} event of type {@code dynamodb} in serverless.yml, reading DynamoDB Local's stream
 * of the table and invoking the function with {@code DynamodbEvent} batches.
 *
 * <p>Which stream: the table named in the event's ARN ({@code !GetAtt Table.StreamArn}); its
 * actual ARN is the {@code LatestStreamArn} DynamoDB Local gave the table when it was created with
 * its {@code StreamSpecification} (looked up with the operator's credentials, as the deployment
 * would). The polling itself uses the function's credentials.
 */
public final class StreamSubscriptions implements AutoCloseable {

    private final List<StreamSubscription> subscriptions;
    private final List<DynamoDbStreamPoller> pollers;
    private final List<Thread> threads;
    private final List<DynamoDbStreamsClient> clients;

    private StreamSubscriptions(List<StreamSubscription> subscriptions, List<DynamoDbStreamPoller> pollers,
                                List<Thread> threads, List<DynamoDbStreamsClient> clients) {
        this.subscriptions = subscriptions;
        this.pollers = pollers;
        this.threads = threads;
        this.clients = clients;
    }

    /** The subscriptions serverless.yml declares (enabled DynamoDB ones; others are noted in the log). */
    public static List<StreamSubscription> of(ServerlessConfig config, Consumer<String> log) {
        List<StreamSubscription> subscriptions = new ArrayList<>();
        for (FunctionConfig function : config.functions()) {
            for (StreamEvent event : function.streamEvents()) {
                StreamSubscription subscription = new StreamSubscription(function.name(), event, config.deployment().region());
                if (!event.type().equals("dynamodb")) {
                    log.accept("Note: functions." + function.name() + ": " + event.type() + " stream events are not emulated yet");
                } else if (!event.enabled()) {
                    log.accept("Note: functions." + function.name() + ": stream event " + event.arn() + " is disabled");
                } else if (subscription.tableName() == null) {
                    throw new IllegalStateException("functions." + function.name() + ": " + event.arn()
                            + " is not a DynamoDB stream ARN (use arn: !GetAtt <Table>.StreamArn)");
                } else {
                    subscriptions.add(subscription);
                }
            }
        }
        return subscriptions;
    }

    /**
     * Finds each subscribed table's stream, gets the first shard iterators (so {@code LATEST}
     * means from now) and starts polling.
     *
     * @param dynamoDbEndpoint    DynamoDB Local (which also answers the DynamoDB Streams API)
     * @param operatorCredentials for looking the tables' streams up
     */
    public static StreamSubscriptions start(ServerlessConfig config, FunctionCredentials credentials, LambdaService lambda,
                                            URI dynamoDbEndpoint, AwsBasicCredentials operatorCredentials,
                                            Consumer<String> log) {
        List<StreamSubscription> subscriptions = of(config, log);
        List<DynamoDbStreamPoller> pollers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<DynamoDbStreamsClient> clients = new ArrayList<>();
        StreamSubscriptions started = new StreamSubscriptions(subscriptions, pollers, threads, clients);
        if (subscriptions.isEmpty()) {
            return started;
        }
        Region region = Region.of(config.deployment().region());
        try (DynamoDbClient operator = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(operatorCredentials)).build()) {
            for (StreamSubscription subscription : subscriptions) {
                String streamArn = operator.describeTable(request -> request.tableName(subscription.tableName()))
                        .table().latestStreamArn();
                if (streamArn == null) {
                    throw new IllegalStateException("functions." + subscription.functionName() + " reads the stream of table "
                            + subscription.tableName() + ", which has none: add StreamSpecification: {StreamViewType: "
                            + "NEW_AND_OLD_IMAGES} to the table's Properties");
                }
                FunctionConfig function = config.functions().stream()
                        .filter(f -> f.name().equals(subscription.functionName())).findFirst().orElseThrow();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(dynamoDbEndpoint).region(region)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                                credentials.accessKeyId(function), credentials.secretAccessKey(), credentials.sessionToken(function))))
                        .build();
                clients.add(streams);
                DynamoDbStreamPoller poller = new DynamoDbStreamPoller(subscription, streamArn, streams, lambda, log);
                pollers.add(poller);
                Thread thread = new Thread(poller, "stream-" + subscription.functionName());
                thread.setDaemon(true);
                threads.add(thread);
            }
        } catch (RuntimeException e) {
            started.close();
            throw new IllegalStateException("Cannot subscribe to the DynamoDB streams: " + e.getMessage(), e);
        }
        threads.forEach(Thread::start);
        return started;
    }

    /** The running subscriptions, in serverless.yml's order. */
    public List<StreamSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Stops polling: a batch being delivered finishes its current invocation, no retry follows. */
    @Override
    public void close() {
        pollers.forEach(DynamoDbStreamPoller::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        clients.forEach(DynamoDbStreamsClient::close);
    }
}
