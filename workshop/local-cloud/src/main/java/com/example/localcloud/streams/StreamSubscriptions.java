package com.example.localcloud.streams;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.StreamEvent;
import com.example.localcloud.lambda.FunctionCredentials;
import com.example.localcloud.dynamodb.DynamoDbService;
import com.example.localcloud.iam.StagePolicies;
import com.example.localcloud.kinesis.KinesisService;
import com.example.localcloud.lambda.LambdaService;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.DirectSdkHttp;
import com.example.localcloud.service.LocalService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The local Lambda's event source mappings: one poller thread per {@code stream} event in
 * serverless.yml, reading DynamoDB Local's stream of a table ({@code type: dynamodb}) or a stream
 * of the local Kinesis ({@code type: kinesis}) and invoking the function with batches in AWS's
 * event shapes ({@code DynamodbEvent}, {@code KinesisEvent}).
 *
 * <p>Which DynamoDB stream: the table named in the event's ARN ({@code !GetAtt Table.StreamArn});
 * its actual ARN is the {@code LatestStreamArn} DynamoDB Local gave the table when it was created
 * with its {@code StreamSpecification} (looked up with the operator's credentials, as the
 * deployment would). Kinesis streams are addressed by their ARN ({@code !GetAtt Stream.Arn}). The
 * polling itself uses the function's credentials, as Lambda uses the function's role.
 *
 * <pre>
 *   GET /_local/streams    the subscriptions: which function reads which stream, batch size, start
 * </pre>
 */
public final class StreamSubscriptions implements LocalService {

    /** Where the streams are served. */
    public record Endpoints(URI dynamoDb, URI kinesis, AwsBasicCredentials operatorCredentials) {
    }

    private final List<StreamSubscription> subscriptions;
    private final List<ShardPoller<?>> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<SdkClient> clients = new ArrayList<>();

    private StreamSubscriptions(List<StreamSubscription> subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The subscriptions serverless.yml declares (the enabled ones; disabled ones are noted in the log). */
    public static List<StreamSubscription> of(ServerlessConfig config, Consumer<String> log) {
        List<StreamSubscription> subscriptions = new ArrayList<>();
        for (FunctionConfig function : config.functions()) {
            for (StreamEvent event : function.streamEvents()) {
                StreamSubscription subscription = new StreamSubscription(function.name(), event, config.deployment().region());
                if (!event.enabled()) {
                    log.accept("Note: functions." + function.name() + ": stream event " + event.arn() + " is disabled");
                } else if (subscription.isKinesis() && subscription.kinesisStreamName() == null) {
                    throw new IllegalStateException("serverless.yml: functions." + function.name() + ": " + event.arn()
                            + " is not a Kinesis stream ARN (use arn: !GetAtt <Stream>.Arn)");
                } else if (!subscription.isKinesis() && subscription.tableName() == null) {
                    throw new IllegalStateException("serverless.yml: functions." + function.name() + ": " + event.arn()
                            + " is not a DynamoDB stream ARN (use arn: !GetAtt <Table>.StreamArn)");
                } else {
                    subscriptions.add(subscription);
                }
            }
        }
        return subscriptions;
    }

    /** Starts after DynamoDB and Kinesis (if any), with Lambda running: the subscriptions invoke it. */
    public static LocalService.Starter starter(LambdaService lambda) {
        return context -> {
            URI kinesis = context.running().find(KinesisService.class).map(service -> service.kinesis().endpoint()).orElse(null);
            Endpoints endpoints = new Endpoints(context.running().get(DynamoDbService.class).dynamoDb().endpoint(), kinesis,
                    StagePolicies.operatorCredentials());
            return start(context.config(), context.credentials(), lambda, endpoints, context.log());
        };
    }

    /**
     * Finds each subscribed stream, gets the first shard iterators (so {@code LATEST} means from
     * now) and starts polling.
     */
    public static StreamSubscriptions start(ServerlessConfig config, FunctionCredentials credentials, LambdaService lambda,
                                            Endpoints endpoints, Consumer<String> log) {
        StreamSubscriptions started = new StreamSubscriptions(of(config, log));
        String subscribing = null;
        try {
            for (StreamSubscription subscription : started.subscriptions) {
                subscribing = subscription.functionName();
                FunctionConfig function = config.functions().stream()
                        .filter(f -> f.name().equals(subscription.functionName())).findFirst().orElseThrow();
                StaticCredentialsProvider role = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(function), credentials.secretAccessKey(), credentials.sessionToken(function)));
                ShardedStream<?> stream = subscription.isKinesis()
                        ? started.kinesisStream(config, subscription, endpoints, role)
                        : started.dynamoDbStream(config, subscription, endpoints, role);
                ShardPoller<?> poller = new ShardPoller<>(subscription, stream, lambda::invoke, log);
                started.pollers.add(poller);
                Thread thread = new Thread(poller, "stream-" + subscription.functionName());
                thread.setDaemon(true);
                started.threads.add(thread);
            }
        } catch (RuntimeException e) {
            started.close();
            // As Lambda refuses to create the event source mapping: serverless.yml is where to look.
            throw new IllegalStateException("Cannot subscribe functions." + subscribing + " to its stream (serverless.yml: the"
                    + " function's stream event, its role's statements, the stream's resource): " + e.getMessage(), e);
        }
        started.threads.forEach(Thread::start);
        return started;
    }

    private ShardedStream<?> dynamoDbStream(ServerlessConfig config, StreamSubscription subscription, Endpoints endpoints,
                                            StaticCredentialsProvider role) {
        Region region = Region.of(config.deployment().region());
        String streamArn;
        try (DynamoDbClient operator = DynamoDbClient.builder().httpClientBuilder(DirectSdkHttp.builder())
                .endpointOverride(endpoints.dynamoDb()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(endpoints.operatorCredentials())).build()) {
            streamArn = operator.describeTable(request -> request.tableName(subscription.tableName())).table().latestStreamArn();
        }
        if (streamArn == null) {
            throw new IllegalStateException("functions." + subscription.functionName() + " reads the stream of table "
                    + subscription.tableName() + ", which has none: add StreamSpecification: {StreamViewType: "
                    + "NEW_AND_OLD_IMAGES} to the table's Properties");
        }
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().httpClientBuilder(DirectSdkHttp.builder())
                .endpointOverride(endpoints.dynamoDb()).region(region)
                .credentialsProvider(role).build();
        clients.add(streams);
        return new DynamoDbShardedStream(subscription, streamArn, streams);
    }

    /**
     * Like Lambda creating the mapping: the stream must exist and be active (DescribeStreamSummary),
     * and its shards are listed once (DescribeStream) before polling, then by ListShards.
     */
    private ShardedStream<?> kinesisStream(ServerlessConfig config, StreamSubscription subscription, Endpoints endpoints,
                                           StaticCredentialsProvider role) {
        if (endpoints.kinesis() == null) {
            throw new IllegalStateException("functions." + subscription.functionName() + " reads a Kinesis stream, "
                    + "but the local cloud runs no Kinesis");
        }
        KinesisClient kinesis = KinesisClient.builder().httpClientBuilder(DirectSdkHttp.builder()).endpointOverride(endpoints.kinesis())
                .region(Region.of(config.deployment().region())).credentialsProvider(role).build();
        clients.add(kinesis);
        String arn = subscription.event().arn();
        StreamStatus status = kinesis.describeStreamSummary(request -> request.streamARN(arn))
                .streamDescriptionSummary().streamStatus();
        if (status != StreamStatus.ACTIVE) {
            throw new IllegalStateException("Kinesis stream " + subscription.kinesisStreamName() + " is " + status);
        }
        kinesis.describeStream(request -> request.streamARN(arn));
        String roleName = config.function(subscription.functionName()).map(config::roleFor)
                .map(com.example.localcloud.config.FunctionRole::name).orElse(config.deployment().roleName());
        return new KinesisShardedStream(subscription, kinesis,
                config.deployment().roleArn(roleName));
    }

    /** The running subscriptions, in serverless.yml's order. */
    public List<StreamSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    @Override
    public String name() {
        return "streams";
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        return request.route().equals("GET ")
                ? ControlResponses.ok(subscriptions.stream().map(StreamSubscription::describe).toList())
                : Optional.empty();
    }

    /** Stops polling: a batch being delivered finishes its current invocation, no retry follows. */
    @Override
    public void close() {
        pollers.forEach(ShardPoller::stop);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        clients.forEach(SdkClient::close);
    }
}
