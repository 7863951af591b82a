package com.example.localcloud;

import com.example.localcloud.apigateway.ApiGateway;
import com.example.localcloud.apigateway.ProxyEventMapper;
import com.example.localcloud.apigateway.Route;
import com.example.localcloud.apigateway.RouteTable;
import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.HttpEvent;
import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.example.localcloud.dynamodb.DynamoDbFaults;
import com.example.localcloud.dynamodb.DynamoDbRequestFilter;
import com.example.localcloud.dynamodb.DynamoDbStats;
import com.example.localcloud.dynamodb.LocalDynamoDb;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.iam.DecisionLog;
import com.example.localcloud.kinesis.LocalKinesis;
import com.example.localcloud.lambda.EnvironmentCustomizer;
import com.example.localcloud.lambda.FunctionCredentials;
import com.example.localcloud.lambda.InvocationListener;
import com.example.localcloud.lambda.InvocationReport;
import com.example.localcloud.lambda.LambdaService;
import com.example.localcloud.reload.StageWatcher;
import com.example.localcloud.momento.LocalMomento;
import com.example.localcloud.secretsmanager.LocalSecretsManager;
import com.example.localcloud.streams.StreamSubscriptions;
import java.io.IOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The local cloud: runs a stage's Lambda jar offline, as AWS would, from its serverless.yml.
 * API Gateway on {@code http://localhost:<port>}, one JVM per Lambda execution environment,
 * DynamoDB Local with the stage's tables.
 *
 * <pre>
 * ./mvnw -q -f workshop/local-cloud compile exec:java -Dstage=solutions/step-1-lambda-dynamodb -Dport=3000
 * </pre>
 *
 * <p>From code (tests, the load test): {@code LocalCloud.builder(stageDirectory).port(0).start()}.
 */
public final class LocalCloud implements AutoCloseable {

    private final ServerlessConfig config;
    private final LocalDynamoDb dynamoDb;
    private final LambdaService lambda;
    private final ApiGateway apiGateway;
    private final FunctionCredentials credentials;
    private final RouteTable routes;
    private final CacheServices cacheServices;
    private final DecisionLog iam;
    private final DynamoDbFaults dynamoDbFaults;
    private final KinesisServices kinesisServices;
    private final AtomicBoolean closed = new AtomicBoolean();
    private StreamSubscriptions streams;
    private StageWatcher watcher;

    private LocalCloud(ServerlessConfig config, LocalDynamoDb dynamoDb, LambdaService lambda, ApiGateway apiGateway,
                       FunctionCredentials credentials, RouteTable routes, CacheServices cacheServices, DecisionLog iam,
                       DynamoDbFaults dynamoDbFaults, KinesisServices kinesisServices) {
        this.config = config;
        this.dynamoDb = dynamoDb;
        this.lambda = lambda;
        this.apiGateway = apiGateway;
        this.credentials = credentials;
        this.routes = routes;
        this.cacheServices = cacheServices;
        this.iam = iam;
        this.dynamoDbFaults = dynamoDbFaults;
        this.kinesisServices = kinesisServices;
    }

    public static Builder builder(Path stageDirectory) {
        return new Builder(stageDirectory);
    }

    public static void main(String[] args) throws InterruptedException {
        // Before any JDK HTTP server exists: without TCP_NODELAY each answer waits ~44 ms for a
        // delayed ACK (workshop/DESIGN-NOTES.md).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // Jetty's start-up chatter
        }
        Path root = repositoryRoot();
        Path stage = root.resolve(System.getProperty("stage", ".")).normalize();
        Builder builder = builder(stage)
                .port(Integer.getInteger("port", 3000))
                .build(Boolean.parseBoolean(System.getProperty("build", "true")))
                .watch(Boolean.parseBoolean(System.getProperty("watch", "false")))
                .dynamoDbPort(Integer.getInteger("dynamodbPort", 0))
                .maxEnvironmentsPerFunction(Integer.getInteger("maxEnvironments", 10))
                // -Dstage names the directory, so Serverless' --stage and --region are -DslsStage and -Dregion
                .loadOptions(new LoadOptions(System.getenv(), System.getProperty("slsStage"), System.getProperty("region")));
        LocalCloud cloud;
        try {
            cloud = builder.start();
        } catch (RuntimeException e) { // a ConfigException names file, line and key: the message is enough
            System.err.println();
            System.err.println("The local cloud cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local cloud and its execution environments.");
            cloud.close();
        }, "local-cloud-shutdown"));
        System.out.println(StartupBanner.text(cloud, root));
        new CountDownLatch(1).await(); // serve until Ctrl-C; the shutdown hook stops everything
    }

    /** The directory with the Maven Wrapper's .mvn, found from where these classes are. */
    static Path repositoryRoot() {
        try {
            Path here = Path.of(LocalCloud.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path directory = here; directory != null; directory = directory.getParent()) {
                if (Files.isDirectory(directory.resolve(".mvn")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                    return directory;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    public ServerlessConfig config() {
        return config;
    }

    /** E.g. {@code http://localhost:3000}. */
    public URI baseUri() {
        return apiGateway.baseUri();
    }

    /** DynamoDB Local's endpoint, e.g. for the AWS CLI's {@code --endpoint-url}. */
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** The calls DynamoDB Local ran so far, per operation (e.g. the load test's "DynamoDB reads"). */
    public DynamoDbStats dynamoDbStats() {
        return dynamoDb.stats();
    }

    public List<Route> routes() {
        return routes.routes();
    }

    /**
     * Credentials allowed everything, for you rather than for a function: tests, the load test's
     * seeding, or {@code aws dynamodb scan --endpoint-url ...} with this access key id.
     */
    public AwsBasicCredentials operatorCredentials() {
        return AwsBasicCredentials.create(StageIam.OPERATOR_ACCESS_KEY_ID, "local-operator-secret");
    }

    /** Which function an access key id belongs to (each function gets its own). */
    public FunctionCredentials credentials() {
        return credentials;
    }

    public LambdaService lambda() {
        return lambda;
    }

    /** The local Momento server: its counters ({@code stats()}) and fault injection ({@code faults()}). */
    public LocalMomento momento() {
        return cacheServices.momento();
    }

    /** The local Secrets Manager (its endpoint, and its store of secrets). */
    public LocalSecretsManager secretsManager() {
        return cacheServices.secretsManager();
    }

    /**
     * The local Kinesis, or null when serverless.yml declares no {@code AWS::Kinesis::Stream}: its
     * endpoint, and fault injection. Its streams are named as {@code !Ref} names them.
     */
    public LocalKinesis kinesis() {
        return kinesisServices.kinesis();
    }

    /** The Kinesis streams serverless.yml declares: logical id -> stream name. */
    public Map<String, String> kinesisStreams() {
        return kinesisServices.streams();
    }

    /** Fault injection in front of DynamoDB Local (throttling, server errors). */
    public DynamoDbFaults dynamoDbFaults() {
        return dynamoDbFaults;
    }

    /** Every IAM decision taken on the functions' calls to DynamoDB and Secrets Manager, oldest first. */
    public List<Decision> iamDecisions() {
        return iam.decisions();
    }

    /** The Momento caches the stage's functions name in CACHE_NAME (created at start-up). */
    public List<String> caches() {
        return cacheServices.caches();
    }

    /** The secrets the stage's functions name in MOMENTO_API_KEY_SECRET_ID (each holds the local key). */
    public List<String> secrets() {
        return cacheServices.secrets();
    }

    /** The most recent REPORT records, oldest first. */
    public List<InvocationReport> reports() {
        return lambda.reports();
    }

    /** The functions subscribed to streams ({@code stream} events: DynamoDB or Kinesis), each polled by its own thread. */
    public StreamSubscriptions streams() {
        return streams;
    }

    public void addInvocationListener(InvocationListener listener) {
        lambda.addListener(listener);
    }

    /** Stops API Gateway, destroys every execution environment and stops DynamoDB Local. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // closed already (e.g. by a test, then by the shutdown hook)
        }
        if (watcher != null) {
            watcher.close();
        }
        apiGateway.close();
        if (streams != null) {
            streams.close();
        }
        lambda.close();
        dynamoDb.close();
        cacheServices.close();
        kinesisServices.close();
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
        private Function<FunctionCredentials, DynamoDbRequestFilter> dynamoDbFilter;
        private boolean enforceIam = true;
        private final DynamoDbFaults dynamoDbFaults = new DynamoDbFaults();
        private Consumer<String> log = new ConsoleLog();

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

        /** Whether to build the stage's jar first (mvn package -DskipTests). Default true. */
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
         * Puts a check in front of DynamoDB Local (IAM enforcement). It is built once the
         * functions' credentials exist, so it can map an access key id back to its function.
         */
        public Builder dynamoDbFilter(Function<FunctionCredentials, DynamoDbRequestFilter> filter) {
            this.dynamoDbFilter = filter;
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

        /** Where REPORT lines, the functions' output and messages go. Default: standard output. */
        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        /** Reads serverless.yml, builds the jar, starts DynamoDB Local (with tables) and API Gateway. */
        public LocalCloud start() throws IllegalStateException {
            Path file = stageDirectory.resolve("serverless.yml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("No serverless.yml in " + stageDirectory
                        + " (pass another stage, e.g. -Dstage=solutions/step-1-lambda-dynamodb)");
            }
            ServerlessConfig config = ServerlessConfigLoader.load(file, loadOptions);
            config.warnings().forEach(warning -> log.accept("Note: " + warning));
            RouteTable routes = routes(config);
            if (build) {
                StageBuilder.build(stageDirectory, log);
            }
            checkArtifacts(config);
            FunctionCredentials credentials = new FunctionCredentials(config.functions());
            DecisionLog iam = new DecisionLog(enforceIam ? StageIam.policies(config, credentials) : AccessCheck.allowAll());
            CacheServices cacheServices = startCacheServices(config, iam);
            KinesisServices kinesisServices;
            try {
                kinesisServices = KinesisServices.start(config, iam);
            } catch (IOException | RuntimeException e) {
                cacheServices.close();
                throw new IllegalStateException("Cannot start the local Kinesis: " + e.getMessage(), e);
            }
            LocalDynamoDb dynamoDb = null;
            LambdaService lambda = null;
            try {
                dynamoDb = startDynamoDb(config, DynamoDbFaults.inOrder(dynamoDbFilter(config, credentials, iam), dynamoDbFaults));
                List<EnvironmentCustomizer> allCustomizers = new ArrayList<>(customizers);
                allCustomizers.add(0, cacheServices::customize);
                allCustomizers.add(1, kinesisServices::customize);
                lambda = new LambdaService(config, credentials,
                        Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString()),
                        allCustomizers, maxEnvironmentsPerFunction, log);
                ProxyEventMapper events = new ProxyEventMapper(config.deployment().stage(), config.deployment().accountId(),
                        config.provider().binaryMediaTypes());
                ApiGateway apiGateway = ApiGateway.start(port, routes, events, lambda::invoke,
                        new LocalControlEndpoints(cacheServices.momento(),
                                endpoints(config, dynamoDb, cacheServices, kinesisServices), dynamoDbFaults,
                                kinesisServices.kinesis() == null ? null : kinesisServices.kinesis().faults(),
                                dynamoDb::stats, iam::decisions), log);
                LocalCloud cloud = new LocalCloud(config, dynamoDb, lambda, apiGateway, credentials, routes, cacheServices, iam,
                        dynamoDbFaults, kinesisServices);
                try {
                    cloud.streams = StreamSubscriptions.start(config, credentials, lambda,
                            new StreamSubscriptions.Endpoints(dynamoDb.endpoint(), kinesisServices.endpoint(),
                                    cloud.operatorCredentials()), log);
                } catch (RuntimeException e) {
                    apiGateway.close(); // the rest is stopped below
                    throw e;
                }
                if (watch) {
                    LambdaService functions = lambda;
                    cloud.watcher = StageWatcher.start(stageDirectory, new StageWatcher.Reload() {
                        @Override
                        public void build() {
                            StageBuilder.build(stageDirectory, log);
                        }

                        @Override
                        public void retireEnvironments() {
                            functions.retireEnvironments();
                        }
                    }, log);
                }
                return cloud;
            } catch (Exception e) {
                if (lambda != null) {
                    lambda.close();
                }
                if (dynamoDb != null) {
                    dynamoDb.close();
                }
                cacheServices.close();
                kinesisServices.close();
                if (e instanceof IllegalStateException started) {
                    throw started;
                }
                throw new IllegalStateException("Cannot start API Gateway on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            }
        }

        /** What {@code GET /_local/endpoints} answers: where the local services listen, for tools such as the producer. */
        private static Map<String, Object> endpoints(ServerlessConfig config, LocalDynamoDb dynamoDb, CacheServices cacheServices,
                                                     KinesisServices kinesisServices) {
            Map<String, Object> endpoints = new java.util.LinkedHashMap<>();
            endpoints.put("region", config.deployment().region());
            endpoints.put("operatorAccessKeyId", StageIam.OPERATOR_ACCESS_KEY_ID);
            endpoints.put("dynamodb", dynamoDb.endpoint().toString());
            endpoints.put("secretsmanager", cacheServices.secretsManager().endpoint().toString());
            if (kinesisServices.endpoint() != null) {
                endpoints.put("kinesis", kinesisServices.endpoint().toString());
                endpoints.put("kinesisStreams", kinesisServices.streams());
            }
            endpoints.put("tables", config.resourcesOfType("AWS::DynamoDB::Table").stream()
                    .collect(java.util.stream.Collectors.toMap(CloudFormationResource::logicalId,
                            CloudFormationResource::physicalName, (a, b) -> a, java.util.LinkedHashMap::new)));
            return endpoints;
        }

        private DynamoDbRequestFilter dynamoDbFilter(ServerlessConfig config, FunctionCredentials credentials, AccessCheck iam) {
            return dynamoDbFilter != null ? dynamoDbFilter.apply(credentials) : StageIam.dynamoDbFilter(config, iam);
        }

        private static CacheServices startCacheServices(ServerlessConfig config, AccessCheck iam) {
            try {
                return CacheServices.start(config, iam);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the local Momento and Secrets Manager: " + e.getMessage(), e);
            }
        }

        private LocalDynamoDb startDynamoDb(ServerlessConfig config, DynamoDbRequestFilter filter) {
            LocalDynamoDb dynamoDb;
            try {
                dynamoDb = LocalDynamoDb.start(dynamoDbPort, filter);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start DynamoDB Local on 127.0.0.1:" + dynamoDbPort + ": " + e.getMessage(), e);
            }
            try {
                for (CloudFormationResource table : config.resourcesOfType("AWS::DynamoDB::Table")) {
                    dynamoDb.createTable(table, config.deployment().region());
                }
            } catch (RuntimeException e) {
                dynamoDb.close();
                throw e;
            }
            return dynamoDb;
        }

        private static RouteTable routes(ServerlessConfig config) {
            List<Route> routes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (FunctionConfig function : config.functions()) {
                for (HttpEvent event : function.httpEvents()) {
                    if (!seen.add(event.toString())) {
                        throw new IllegalStateException(config.file() + ": two functions serve " + event);
                    }
                    routes.add(new Route(event.method(), event.path(), function.name()));
                }
            }
            return new RouteTable(routes);
        }

        private void checkArtifacts(ServerlessConfig config) {
            for (FunctionConfig function : config.functions()) {
                if (function.artifact() == null) {
                    throw new IllegalStateException(config.file() + ": no package.artifact for function " + function.name()
                            + " (the jar to run, e.g. target/accounts-service.jar)");
                }
                if (!Files.isRegularFile(function.artifact())) {
                    throw new IllegalStateException(function.artifact() + " does not exist: build the stage with "
                            + "./mvnw -f " + stageDirectory.resolve("pom.xml") + " package, or start without -Dbuild=false");
                }
            }
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
