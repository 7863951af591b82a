package com.example.localcloud.startup;

import com.example.localcloud.apigateway.ApiGateway;
import com.example.localcloud.apigateway.ProxyEventMapper;
import com.example.localcloud.apigateway.Route;
import com.example.localcloud.apigateway.RouteTable;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.HttpEvent;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.example.localcloud.dynamodb.DynamoDbService;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.IamService;
import com.example.localcloud.iam.StagePolicies;
import com.example.localcloud.kinesis.KinesisService;
import com.example.localcloud.lambda.EnvironmentCustomizer;
import com.example.localcloud.lambda.FunctionCredentials;
import com.example.localcloud.lambda.LambdaService;
import com.example.localcloud.lambda.SecretMasking;
import com.example.localcloud.momento.MomentoService;
import com.example.localcloud.secretsmanager.SecretsManagerService;
import com.example.localcloud.service.LocalControlRouter;
import com.example.localcloud.service.RunningServices;
import com.example.localcloud.service.ServiceContext;
import com.example.localcloud.streams.StreamSubscriptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts a local cloud from a stage's serverless.yml, in this order (each may use those before
 * it; they stop in the reverse order, also when one fails to start):
 * <ol>
 *   <li>IAM (the stage's roles), Momento, Secrets Manager (holding Momento's key), Kinesis (if the
 *       stage has a stream), DynamoDB Local (with the stage's tables): the backing services;</li>
 *   <li>Lambda, whose execution environments get every backing service's settings;</li>
 *   <li>the stream pollers (they invoke Lambda), then API Gateway (it invokes Lambda and serves
 *       every service's {@code /_local} routes).</li>
 * </ol>
 */
public final class CloudStartup {

    private CloudStartup() {
    }

    /** Reads serverless.yml, builds the jar, then starts every part. */
    public static StartedCloud start(StartOptions options) {
        return start(options, readConfig(options));
    }

    /**
     * Reads and checks serverless.yml, and builds the jar if asked: all that can fail before
     * anything starts (a redeploy does this first, and keeps the running cloud when it fails).
     */
    public static ServerlessConfig readConfig(StartOptions options) {
        Path stage = options.stageDirectory();
        Path file = stage.resolve("serverless.yml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No serverless.yml in " + stage
                    + " (pass another stage, e.g. -Dstage=solutions/step-1-lambda-dynamodb)");
        }
        ServerlessConfig config = ServerlessConfigLoader.load(file, options.loadOptions());
        config.warnings().forEach(warning -> options.log().accept("Note: " + warning));
        routes(config);
        if (options.enforceIam()) {
            // Every function's statements as IAM reads them: one it cannot read fails here, before a redeploy stops anything.
            StagePolicies.of(config, new FunctionCredentials(config.functions()));
        }
        if (options.build()) {
            StageBuilder.build(stage, options.log());
        }
        checkArtifacts(config, stage);
        return config;
    }

    /** Starts every part from a config {@link #readConfig} accepted. */
    public static StartedCloud start(StartOptions options, ServerlessConfig config) {
        RouteTable routes = routes(config);

        FunctionCredentials credentials = new FunctionCredentials(config.functions());
        IamService iam = new IamService(options.enforceIam() ? StagePolicies.of(config, credentials) : AccessCheck.allowAll());
        RunningServices services = new RunningServices();
        ServiceContext context = new ServiceContext(config, credentials, iam.accessCheck(), options.log(), services);
        services.add(iam);
        services.start("the local Momento", MomentoService.starter(), context);
        services.start("the local Secrets Manager", SecretsManagerService.starter(), context);
        services.start("the local Kinesis", KinesisService.starter(), context);
        services.start("DynamoDB Local on 127.0.0.1:" + options.dynamoDbPort(), DynamoDbService.on(options.dynamoDbPort()), context);

        List<EnvironmentCustomizer> environment = new ArrayList<>(services.all());
        environment.addAll(options.customizers());
        // The functions' output goes to the log with the Momento key masked, should a function print it.
        SecretMasking functionLog = new SecretMasking(services.get(MomentoService.class).momento().secrets(), options.log());
        LambdaService lambda = services.startPart("the local Lambda", () -> new LambdaService(config, credentials,
                environment, options.maxEnvironmentsPerFunction(), functionLog,
                options.keepIdleEnvironments() ? null : LambdaService.IDLE_LIMIT), LambdaRoutes::new);
        if (!options.watch()) { // reload on edit redeploys on a change of serverless.yml, and expects new builds
            lambda.noteRebuildsTo(options.log());
        }
        services.start("the stream subscriptions", StreamSubscriptions.starter(lambda), context);

        ProxyEventMapper events = new ProxyEventMapper(config.deployment().stage(), config.deployment().accountId(),
                config.provider().binaryMediaTypes());
        LocalControlRouter control = new LocalControlRouter(services, cloudWideEndpoints(config), options.controlLog());
        ApiGateway apiGateway = services.startPart("apigateway", "API Gateway on 127.0.0.1:" + options.port(),
                () -> ApiGateway.start(options.port(), routes, events, lambda::invoke, control, options.log()));
        return new StartedCloud(config, routes, credentials, services, lambda, apiGateway);
    }

    /** What {@code GET /_local/endpoints} says before each service adds its own part. */
    private static Map<String, Object> cloudWideEndpoints(ServerlessConfig config) {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put("region", config.deployment().region());
        endpoints.put("operatorAccessKeyId", StagePolicies.OPERATOR_ACCESS_KEY_ID);
        return endpoints;
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
        oneVariablePerLevel(config);
        return new RouteTable(routes);
    }

    /**
     * API Gateway builds the paths into one tree of resources, in which a resource's children may
     * hold one variable part between them: {@code /users/{id}} beside {@code /users/{username}/...}
     * is refused at deployment, so the local cloud refuses it too (it would route one of them only).
     */
    static void oneVariablePerLevel(ServerlessConfig config) {
        Map<String, HttpEvent> variableUnder = new HashMap<>(); // parent resource -> the first path with a variable there
        for (FunctionConfig function : config.functions()) {
            for (HttpEvent event : function.httpEvents()) {
                String[] parts = event.path().replaceFirst("^/", "").split("/");
                for (int level = 0; level < parts.length; level++) {
                    if (parts[level].startsWith("{")) {
                        String parent = String.join("/", java.util.Arrays.copyOf(parts, level));
                        HttpEvent first = variableUnder.putIfAbsent(parent, event);
                        String firstPart = first == null ? parts[level] : first.path().replaceFirst("^/", "").split("/")[level];
                        if (!firstPart.equals(parts[level])) {
                            throw new IllegalStateException(config.file() + ": the paths " + first.path() + " and " + event.path()
                                    + " name the same part differently, " + firstPart + " and " + parts[level] + ": API Gateway"
                                    + " refuses the deployment (\"A sibling (" + firstPart + ") of this resource already has a"
                                    + " variable path part -- only one is allowed\"): use one name in both");
                        }
                    }
                }
            }
        }
    }

    private static void checkArtifacts(ServerlessConfig config, Path stage) {
        for (FunctionConfig function : config.functions()) {
            if (function.artifact() == null) {
                throw new IllegalStateException(config.file() + ": no package.artifact for function " + function.name()
                        + " (the jar to run, e.g. target/accounts-service.jar)");
            }
            if (!Files.isRegularFile(function.artifact())) {
                throw new IllegalStateException(function.artifact() + " does not exist: build the stage with "
                        + "./mvnw -f " + stage.resolve("pom.xml") + " package, or start without -Dbuild=false");
            }
        }
    }
}
