package com.example.localcloud;

import com.example.localcloud.apigateway.GatewayTiming;
import com.example.localcloud.apigateway.Route;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.dynamodb.DynamoDbFaults;
import com.example.localcloud.dynamodb.DynamoDbService;
import com.example.localcloud.dynamodb.DynamoDbStats;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.iam.IamService;
import com.example.localcloud.iam.StagePolicies;
import com.example.localcloud.kinesis.KinesisService;
import com.example.localcloud.kinesis.LocalKinesis;
import com.example.localcloud.lambda.EnvironmentCustomizer;
import com.example.localcloud.lambda.FunctionCredentials;
import com.example.localcloud.lambda.InvocationListener;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.LambdaService;
import com.example.localcloud.momento.LocalMomento;
import com.example.localcloud.momento.MomentoService;
import com.example.localcloud.secretsmanager.LocalSecretsManager;
import com.example.localcloud.secretsmanager.SecretsManagerService;
import com.example.localcloud.service.CallTimer;
import com.example.localcloud.service.ControlLog;
import com.example.localcloud.service.LocalService;
import com.example.localcloud.service.RunningServices;
import com.example.localcloud.startup.CloudStartup;
import com.example.localcloud.startup.StartOptions;
import com.example.localcloud.startup.StageBuilder;
import com.example.localcloud.startup.StartedCloud;
import com.example.localcloud.reload.StageWatcher;
import com.example.localcloud.streams.StreamSubscriptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The local cloud: runs a stage's Lambda jar offline, as AWS would, from its serverless.yml.
 * API Gateway on {@code http://localhost:<port>}, one JVM per Lambda execution environment,
 * DynamoDB Local with the stage's tables, and local Secrets Manager, Momento and Kinesis. Each
 * of those is a {@link LocalService}; {@link CloudStartup} starts them in order.
 *
 * <pre>
 * ./mvnw -q -f workshop/local-cloud compile exec:java -Dstage=solutions/step-1-lambda-dynamodb -Dport=3000
 * </pre>
 *
 * <p>From code (tests, the load test): {@code LocalCloud.builder(stageDirectory).port(0).start()}.
 */
public final class LocalCloud implements AutoCloseable {

    private final StartOptions options;
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<GatewayTiming>> gatewayListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Replaced by a redeploy (serverless.yml edited under -Dwatch=true). */
    private volatile StartedCloud started;
    /** The last redeploy stopped the running deployment and could not start the new one. */
    private volatile boolean deploymentDown;
    private StageWatcher watcher;

    private LocalCloud(StartOptions options, StartedCloud started) {
        this.options = options;
        this.started = started;
    }

    public static Builder builder(Path stageDirectory) {
        return new Builder(stageDirectory);
    }

    public ServerlessConfig config() {
        return started.config();
    }

    /** E.g. {@code http://localhost:3000}. */
    public URI baseUri() {
        return started.apiGateway().baseUri();
    }

    /** DynamoDB Local's endpoint, e.g. for the AWS CLI's {@code --endpoint-url}. */
    public URI dynamoDbEndpoint() {
        return running().get(DynamoDbService.class).dynamoDb().endpoint();
    }

    /** The calls DynamoDB Local ran so far, per operation (e.g. the load test's "DynamoDB reads"). */
    public DynamoDbStats dynamoDbStats() {
        return running().get(DynamoDbService.class).dynamoDb().stats();
    }

    public List<Route> routes() {
        return started.routes().routes();
    }

    /**
     * Credentials allowed everything, for you rather than for a function: tests, the load test's
     * seeding, or {@code aws dynamodb scan --endpoint-url ...} with this access key id.
     */
    public AwsBasicCredentials operatorCredentials() {
        return StagePolicies.operatorCredentials();
    }

    /** Which function an access key id belongs to (each function gets its own). */
    public FunctionCredentials credentials() {
        return started.credentials();
    }

    public LambdaService lambda() {
        return started.lambda();
    }

    /** Every running service, in start-up order. */
    public List<LocalService> services() {
        return running().all();
    }

    private RunningServices running() {
        return started.services();
    }

    /**
     * Per service (by its name, e.g. {@code dynamodb}, {@code momento}): the calls it answered so
     * far and its own time for them in all, measured inside it. With {@link #addGatewayTimingListener}
     * and the REPORT's handler time, where a request's time goes.
     */
    public Map<String, CallTimer.Totals> serviceCallTimes() {
        Map<String, CallTimer.Totals> times = new LinkedHashMap<>();
        services().forEach(service -> {
            CallTimer.Totals totals = service.callTimes();
            if (totals.calls() > 0) {
                times.put(service.name(), totals);
            }
        });
        return times;
    }

    /** The local Momento server: its counters ({@code stats()}) and fault injection ({@code faults()}). */
    public LocalMomento momento() {
        return running().get(MomentoService.class).momento();
    }

    /** The local Secrets Manager (its endpoint, and its store of secrets). */
    public LocalSecretsManager secretsManager() {
        return running().get(SecretsManagerService.class).secretsManager();
    }

    /**
     * The local Kinesis, or null when serverless.yml declares no {@code AWS::Kinesis::Stream}: its
     * endpoint, and fault injection. Its streams are named as {@code !Ref} names them.
     */
    public LocalKinesis kinesis() {
        return running().find(KinesisService.class).map(KinesisService::kinesis).orElse(null);
    }

    /** The Kinesis streams serverless.yml declares: logical id -> stream name. */
    public Map<String, String> kinesisStreams() {
        return running().find(KinesisService.class).map(KinesisService::streams).orElse(Map.of());
    }

    /** Fault injection in front of DynamoDB Local (throttling, server errors). */
    public DynamoDbFaults dynamoDbFaults() {
        return running().get(DynamoDbService.class).faults();
    }

    /** The changes made through the {@code /_local} routes (faults, flushes, delays), e.g. by a scripted demo. */
    public ControlLog controlLog() {
        return options.controlLog();
    }

    /** Every IAM decision taken on the functions' calls to DynamoDB, Secrets Manager and Kinesis, oldest first. */
    public List<Decision> iamDecisions() {
        return running().get(IamService.class).decisions();
    }

    /** The Momento caches the stage's functions name in CACHE_NAME (created at start-up). */
    public List<String> caches() {
        return running().get(MomentoService.class).caches();
    }

    /** The secrets the stage's functions name in MOMENTO_API_KEY_SECRET_ID (each holds the local key). */
    public List<String> secrets() {
        return running().get(SecretsManagerService.class).secrets();
    }

    /** The most recent REPORT records, oldest first. */
    public List<InvocationReport> reports() {
        return started.lambda().reports();
    }

    /** The functions subscribed to streams ({@code stream} events: DynamoDB or Kinesis), each polled by its own thread. */
    public StreamSubscriptions streams() {
        return running().get(StreamSubscriptions.class);
    }

    public void addInvocationListener(InvocationListener listener) {
        listeners.add(listener);
        started.lambda().addListener(listener);
    }

    /**
     * Told, for each API request that invoked a function, how long API Gateway took and how much
     * of it was the invocation (with the REPORT's Duration and handler time: a time budget).
     */
    public void addGatewayTimingListener(Consumer<GatewayTiming> listener) {
        gatewayListeners.add(listener);
        started.apiGateway().addTimingListener(listener);
    }

    /**
     * Starts everything again from serverless.yml, as a deploy would, on the same port. Reads and
     * builds first: if that fails, the running cloud keeps serving. Tables start empty (DynamoDB
     * Local keeps them in memory); the caches too.
     */
    synchronized void redeploy() {
        Consumer<String> log = options.log();
        StartOptions again = options.onPort(baseUri().getPort());
        ServerlessConfig config;
        try {
            config = CloudStartup.readConfig(again);
        } catch (RuntimeException e) {
            log.accept("serverless.yml changed, but the stage cannot be deployed: " + sentence(e.getMessage())
                    + " The previous deployment keeps serving.");
            return;
        }
        long begun = System.nanoTime();
        started.services().close();
        try {
            started = CloudStartup.start(again, config);
            deploymentDown = false;
        } catch (RuntimeException e) {
            deploymentDown = true;
            log.accept("The local cloud could not start again: " + sentence(e.getMessage()) + " Nothing serves now: fix it and"
                    + " save (serverless.yml or the code), and the next change deploys again.");
            return;
        }
        listeners.forEach(started.lambda()::addListener);
        gatewayListeners.forEach(started.apiGateway()::addTimingListener);
        log.accept(String.format(Locale.ROOT, "Redeployed from serverless.yml in %.1f s on %s (tables and caches start empty).",
                (System.nanoTime() - begun) / 1e9, baseUri()));
    }

    /** A message as a sentence, so that the next one reads apart from it. */
    private static String sentence(String message) {
        String text = String.valueOf(message).strip();
        return text.endsWith(".") ? text : text + ".";
    }

    /** Stops every part, the last started first: the watcher, API Gateway, ..., IAM. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // closed already (e.g. by a test, then by the shutdown hook)
        }
        if (watcher != null) {
            watcher.close();
        }
        synchronized (this) { // not in the middle of a redeploy
            started.services().close();
        }
    }

    /** What the watcher of {@code -Dwatch=true} does on an edit. */
    private final class Reload implements StageWatcher.Reload {
        @Override
        public void build() {
            StageBuilder.build(options.stageDirectory(), options.log());
        }

        @Override
        public void retireEnvironments() {
            started.lambda().retireEnvironments();
        }

        @Override
        public void redeploy() {
            LocalCloud.this.redeploy();
        }

        @Override
        public boolean deploymentIsDown() {
            return deploymentDown;
        }
    }

    /** Options, then {@link #start()}. */
    public static final class Builder {
        private final Path stageDirectory;
        private int port = 3000;
        private boolean build = true;
        private boolean watch;
        private int dynamoDbPort = 0;
        private int maxEnvironmentsPerFunction = 10;
        private LoadOptions loadOptions = LoadOptions.defaults();
        private final List<EnvironmentCustomizer> customizers = new ArrayList<>();
        private boolean enforceIam = true;
        private Consumer<String> log = new ConsoleLog();
        private boolean keepIdleEnvironments;

        private Builder(Path stageDirectory) {
            this.stageDirectory = stageDirectory.toAbsolutePath().normalize();
        }

        /** API Gateway's port on 127.0.0.1; 0 picks a free one. Default 3000. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Reload on edit: rebuild the jar when src/ or pom.xml changes, then use new environments. Default false. */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /** Whether to build the stage's jar first (mvn package -Dmaven.test.skip). Default true. */
        public Builder build(boolean build) {
            this.build = build;
            return this;
        }

        /** DynamoDB Local's port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        /** How many environments a function may have at once; further events wait. Default 10. */
        public Builder maxEnvironmentsPerFunction(int max) {
            if (max < 1) { // no environment at all: every request would wait for one for ever
                throw new IllegalArgumentException("maxEnvironmentsPerFunction must be at least 1, not " + max);
            }
            this.maxEnvironmentsPerFunction = max;
            return this;
        }

        /** What {@code ${env:...}}, {@code ${opt:stage}} and {@code ${opt:region}} see. */
        public Builder loadOptions(LoadOptions loadOptions) {
            this.loadOptions = loadOptions;
            return this;
        }

        /** Adds JVM arguments or environment variables to every execution environment. */
        public Builder environmentCustomizer(EnvironmentCustomizer customizer) {
            customizers.add(customizer);
            return this;
        }

        /**
         * Whether each function's calls to DynamoDB and Secrets Manager are checked against its
         * {@code iam.role.statements}, as in AWS. Default true.
         */
        public Builder enforceIam(boolean enforceIam) {
            this.enforceIam = enforceIam;
            return this;
        }

        /**
         * Whether to keep every execution environment however long it goes without an event.
         * Default false: one is stopped after 10 minutes, as Lambda stops idle ones. A paused load
         * test keeps them, or its start would meet every function's cold start at once.
         */
        public Builder keepIdleEnvironments(boolean keep) {
            this.keepIdleEnvironments = keep;
            return this;
        }

        /** Where REPORT lines, the functions' output and messages go. Default: standard output. */
        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        /** Reads serverless.yml, builds the jar, then starts every service (see {@link CloudStartup}). */
        public LocalCloud start() throws IllegalStateException {
            StartOptions options = new StartOptions(stageDirectory, port, build, watch, dynamoDbPort,
                    maxEnvironmentsPerFunction, loadOptions, customizers, enforceIam, log, new ControlLog(), keepIdleEnvironments);
            LocalCloud cloud = new LocalCloud(options, CloudStartup.start(options));
            if (watch) {
                try {
                    cloud.watcher = StageWatcher.start(stageDirectory, cloud.new Reload(), log);
                } catch (IOException e) {
                    cloud.close();
                    throw new IllegalStateException("Cannot watch " + stageDirectory + " for edits: " + e.getMessage(), e);
                }
            }
            return cloud;
        }
    }

    /** Standard output, one whole line at a time (many threads write to it). */
    private static final class ConsoleLog implements Consumer<String> {
        @Override
        public synchronized void accept(String line) {
            System.out.println(line);
        }
    }
}
