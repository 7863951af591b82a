package com.example.localcloud.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a stage's serverless.yml into a {@link ServerlessConfig}: first the Serverless variables
 * ({@code ${self:...}}, {@code ${env:...}}, ...), then the CloudFormation functions
 * ({@code !Ref}, {@code !GetAtt}, ...) where the local cloud needs plain values: environment
 * variables, IAM statements and resource properties. Anything it cannot resolve is a
 * {@link ConfigException} naming the file, line, key path and value.
 */
public final class ServerlessConfigLoader {

    /** The Serverless Framework's defaults. */
    static final int DEFAULT_MEMORY_SIZE = 1024;
    static final int DEFAULT_TIMEOUT_SECONDS = 6;

    private final ConfigSource source;
    private final Map<String, Object> document;
    private final Deployment deployment;
    private final Map<String, Map<String, Object>> resourceDefinitions;
    private final Intrinsics intrinsics;
    private final RolesPerFunction rolesPerFunction;
    private final List<String> warnings = new ArrayList<>();

    private ServerlessConfigLoader(ConfigSource source, Map<String, Object> rawDocument, LoadOptions options) {
        this.source = source;
        ServerlessVariables variables = new ServerlessVariables(rawDocument, source, options);
        this.document = variables.resolveDocument();
        this.deployment = new Deployment(serviceName(), variables.stage(), variables.region(), Deployment.LOCAL_ACCOUNT_ID);
        this.resourceDefinitions = resourceDefinitions();
        this.intrinsics = new Intrinsics(source, deployment, resourceDefinitions);
        this.rolesPerFunction = rolesPerFunction();
    }

    /** Whether serverless.yml lists the {@code serverless-iam-roles-per-function} plugin, and its settings. */
    private RolesPerFunction rolesPerFunction() {
        Object plugins = document.get("plugins");
        if (plugins instanceof Map<?, ?> withPath) { // the `plugins: {localPath: ..., modules: [...]}` form
            plugins = withPath.get("modules");
        }
        List<String> names = list(plugins, "plugins").stream().map(String::valueOf).toList();
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) < i) {
                // Serverless Framework v3 refuses it ("Duplicate plugin definition in configuration").
                throw source.error(YamlValues.element("plugins", i), names.get(i), "listed twice (also plugins["
                        + names.indexOf(names.get(i)) + "]): keep one. The Serverless Framework refuses a duplicate plugin definition");
            }
        }
        boolean listed = names.contains(RolesPerFunction.PLUGIN);
        Object defaultInherit = map(map(document.get("custom"), "custom").get(RolesPerFunction.PLUGIN),
                "custom." + RolesPerFunction.PLUGIN).get("defaultInherit");
        return new RolesPerFunction(listed, Boolean.parseBoolean(String.valueOf(defaultInherit)), deployment);
    }

    /**
     * A no-break space (U+00A0), pasted from a web page, looks like a space and is none to YAML:
     * indentation or a list's "- " with one became text, and the line meant something else (a
     * variable's name with a space in it, an action "- secretsmanager:..."). Outside comments it is
     * refused, with its line.
     */
    private static void refuseANoBreakSpace(Path file, String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int comment = lines[i].indexOf('#');
            String content = comment < 0 ? lines[i] : lines[i].substring(0, comment);
            int column = content.indexOf('\u00A0');
            if (column >= 0) {
                throw new ConfigException(file, i + 1, "U+00A0", null, "a no-break space at column " + (column + 1)
                        + ", most likely pasted from a web page: it looks like a space, but YAML reads it as text."
                        + " Type a plain space there");
            }
        }
    }

    /** Reads {@code serverless.yml} (or another file in the same format). */
    public static ServerlessConfig load(Path file, LoadOptions options) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Path path = file.toAbsolutePath().normalize();
        refuseANoBreakSpace(path, text);
        Node tree;
        try {
            tree = CloudFormationYaml.compose(text); // once: the lines, the duplicates and the syntax
        } catch (YAMLException e) {
            throw new ConfigSource(path, Map.of()).error("", null, "not valid YAML: " + e.getMessage());
        }
        ConfigSource source = new ConfigSource(path, CloudFormationYaml.lineNumbers(tree));
        Optional<CloudFormationYaml.DuplicateKey> duplicate = CloudFormationYaml.firstDuplicateKey(tree);
        if (duplicate.isPresent()) { // before load(), which would keep the last one
            CloudFormationYaml.DuplicateKey key = duplicate.get();
            throw new ConfigException(source.file(), key.secondLine(), key.keyPath(), null, "written twice in the same"
                    + " mapping (lines " + key.firstLine() + " and " + key.secondLine() + "): keep one. The Serverless"
                    + " Framework refuses such a file (duplicated mapping key)");
        }
        Object raw;
        try {
            raw = CloudFormationYaml.load(text);
        } catch (YAMLException e) {
            throw source.error("", null, "not valid YAML: " + e.getMessage());
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw source.error("", null, "expected a YAML mapping (service:, provider:, functions:, ...) at the top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) raw;
        return new ServerlessConfigLoader(source, document, options).build();
    }

    private ServerlessConfig build() {
        warnings.addAll(new MisplacedKeys(source, document).notes());
        ProviderConfig provider = provider();
        List<FunctionConfig> functions = new ArrayList<>();
        map(document.get("functions"), "functions").forEach((name, definition) ->
                functions.add(function(name, definition, provider)));
        Map<String, CloudFormationResource> resources = new LinkedHashMap<>();
        resourceDefinitions.forEach((logicalId, definition) -> {
            if (!definition.containsKey(Intrinsics.GENERATED)) {
                resources.put(logicalId, resource(logicalId, definition));
            }
        });
        return new ServerlessConfig(source.file(), deployment, provider, functions, resources, warnings);
    }

    private String serviceName() {
        Object service = document.get("service");
        if (service instanceof Map<?, ?> map) { // the older `service: {name: x}` form
            service = map.get("name");
        }
        if (!(service instanceof String name) || name.isBlank()) {
            throw source.error("service", service, "serverless.yml needs a service name");
        }
        return name;
    }

    private ProviderConfig provider() {
        Map<String, Object> provider = map(document.get("provider"), "provider");
        List<IamStatement> statements = new ArrayList<>();
        Map<String, Object> role = map(map(provider.get("iam"), "provider.iam").get("role"), "provider.iam.role");
        if (role.get("statements") != null && provider.get("iamRoleStatements") != null) {
            // Serverless Framework v3 takes iam.role.statements and ignores iamRoleStatements (v2's name) beside it.
            throw source.error("provider.iamRoleStatements", provider.get("iamRoleStatements"), "provider has both"
                    + " iam.role.statements and iamRoleStatements: the Serverless Framework uses iam.role.statements alone"
                    + " and ignores these. Keep one list: move these statements under iam.role.statements");
        }
        statements.addAll(statements(role.get("statements"), "provider.iam.role.statements"));
        statements.addAll(statements(provider.get("iamRoleStatements"), "provider.iamRoleStatements"));
        List<String> binaryMediaTypes = new ArrayList<>();
        for (Object type : list(map(provider.get("apiGateway"), "provider.apiGateway").get("binaryMediaTypes"),
                "provider.apiGateway.binaryMediaTypes")) {
            binaryMediaTypes.add(String.valueOf(type));
        }
        return new ProviderConfig(
                provider.get("runtime") == null ? null : String.valueOf(provider.get("runtime")),
                intValue(provider.getOrDefault("memorySize", DEFAULT_MEMORY_SIZE), "provider.memorySize"),
                intValue(provider.getOrDefault("timeout", DEFAULT_TIMEOUT_SECONDS), "provider.timeout"),
                environment(provider.get("environment"), "provider.environment"),
                statements, binaryMediaTypes);
    }

    private FunctionConfig function(String name, Object definitionValue, ProviderConfig provider) {
        String path = "functions." + name;
        Map<String, Object> definition = map(definitionValue, path);
        if (!(definition.get("handler") instanceof String handler) || handler.isBlank()) {
            throw source.error(path + ".handler", definition.get("handler"), "every function needs a handler (a class name)");
        }
        String runtime = definition.get("runtime") != null ? String.valueOf(definition.get("runtime")) : provider.runtime();
        if (runtime == null || !runtime.startsWith("java")) {
            warnings.add(path + ": runtime " + runtime + " is not a Java runtime; the local cloud runs it on this JDK anyway");
        }
        refuseARuntimeOlderThanTheBuild(runtime, definition.get("runtime") != null ? path + ".runtime" : "provider.runtime");
        Map<String, String> environment = new LinkedHashMap<>(provider.environment());
        environment.putAll(environment(definition.get("environment"), path + ".environment"));
        List<IamStatement> own = rolesPerFunction.enabled()
                ? statements(definition.get("iamRoleStatements"), path + ".iamRoleStatements") : List.of();
        // Not a function's iam.role.statements: that is v4's, which v3 ignores (MisplacedKeys notes it), and so does this.
        List<StreamEvent> streams = streamEvents(definition.get("events"), path + ".events");
        return new FunctionConfig(name, deployedName(name, definition), handler, runtime,
                intValue(definition.getOrDefault("memorySize", provider.memorySize()), path + ".memorySize"),
                intValue(definition.getOrDefault("timeout", provider.timeoutSeconds()), path + ".timeout"),
                environment, httpEvents(definition.get("events"), path + ".events"), own, artifact(definition, path),
                streams, role(name, definition, provider, streams, own));
    }

    /** The function's own role when the roles-per-function plugin gives it one; null for the shared role. */
    private FunctionRole role(String name, Map<String, Object> definition, ProviderConfig provider, List<StreamEvent> streams,
                              List<IamStatement> own) {
        String path = "functions." + name + ".iamRoleStatements";
        if (!definition.containsKey("iamRoleStatements")) {
            // Statements indented into an event are noted as such (MisplacedKeys): "it works" would contradict that note.
            boolean inAnEvent = definition.get("events") instanceof List<?> events
                    && events.stream().anyMatch(event -> event instanceof Map<?, ?> keys && keys.containsKey("iamRoleStatements"));
            if (rolesPerFunction.enabled() && !inAnEvent) {
                warnings.add("functions." + name + " has no iamRoleStatements, so the " + RolesPerFunction.PLUGIN
                        + " plugin leaves it the service's shared role (every provider statement, and the read actions"
                        + " of every stream it subscribes to). It works, here and on AWS, but 'iamRoleStatements: []',"
                        + " or the statements it needs, gives it a role of its own that holds only those");
            }
            return null;
        }
        if (!rolesPerFunction.enabled()) {
            // The framework alone does not know the key: the function would run with the shared role.
            warnings.add(path + " needs the " + RolesPerFunction.PLUGIN + " plugin (plugins: - " + RolesPerFunction.PLUGIN
                    + "); without it the Serverless Framework ignores it, and so does the local cloud");
            return null;
        }
        Object inherit = definition.get("iamRoleStatementsInherit");
        Object roleName = definition.get("iamRoleStatementsName");
        try {
            return rolesPerFunction.roleOf(name, own,
                    inherit == null ? null : Boolean.parseBoolean(String.valueOf(inherit)),
                    roleName == null ? null : String.valueOf(roleName), provider.iamStatements(), streams);
        } catch (IllegalArgumentException e) {
            throw source.error(path, definition.get("iamRoleStatements"), e.getMessage());
        }
    }

    private String deployedName(String name, Map<String, Object> definition) {
        Object explicit = definition.get("name");
        return explicit != null ? String.valueOf(explicit) : deployment.stackName() + "-" + name;
    }

    private static final Pattern JAVA_RUNTIME = Pattern.compile("java(\\d+)(?:\\.al2)?");
    private static final Pattern COMPILER_RELEASE = Pattern.compile("<maven\\.compiler\\.release>\\s*(\\d+)\\s*</maven\\.compiler\\.release>");

    /**
     * A Java runtime older than the release that pom.xml (beside serverless.yml) compiles for: on AWS
     * every Init fails with UnsupportedClassVersionError, while the local cloud would run it on its
     * own JDK. Nothing to say without such a pom.xml.
     */
    private void refuseARuntimeOlderThanTheBuild(String runtime, String path) {
        Matcher java = runtime == null ? null : JAVA_RUNTIME.matcher(runtime);
        if (java == null || !java.matches()) {
            return;
        }
        Path pom = source.file().resolveSibling("pom.xml");
        Matcher release;
        try {
            release = COMPILER_RELEASE.matcher(Files.isRegularFile(pom) ? Files.readString(pom) : "");
        } catch (IOException e) {
            return;
        }
        if (release.find() && Integer.parseInt(java.group(1)) < Integer.parseInt(release.group(1))) {
            throw source.error(path, runtime, runtime + " cannot run this service: pom.xml compiles it for Java " + release.group(1)
                    + " (maven.compiler.release), and Lambda's " + runtime + " refuses such classes at every Init"
                    + " (UnsupportedClassVersionError): use java" + release.group(1) + " or later");
        }
    }

    /** {@code package.artifact} of the function, else of the service; relative to the stage directory. */
    private Path artifact(Map<String, Object> definition, String path) {
        Object artifact = map(map(definition.get("package"), path + ".package"), path + ".package").get("artifact");
        if (artifact == null) {
            artifact = map(document.get("package"), "package").get("artifact");
        }
        Path stageDirectory = source.file().getParent();
        return artifact == null ? null : stageDirectory.resolve(String.valueOf(artifact)).normalize();
    }

    private List<HttpEvent> httpEvents(Object eventsValue, String path) {
        List<HttpEvent> events = new ArrayList<>();
        List<Object> list = list(eventsValue, path);
        for (int i = 0; i < list.size(); i++) {
            String eventPath = YamlValues.element(path, i);
            Map<String, Object> event = map(list.get(i), eventPath);
            for (Map.Entry<String, Object> entry : event.entrySet()) {
                if (entry.getKey().equals("http")) {
                    events.add(httpEvent(entry.getValue(), eventPath + ".http"));
                } else if (!entry.getKey().equals("stream") && !MisplacedKeys.isNotedInAnEvent(event, entry.getKey())) {
                    // streamEvents reads a stream; MisplacedKeys notes a setting of the stream or of the function here.
                    warnings.add(eventPath + ": '" + entry.getKey() + "' events are not emulated by the local cloud (only http)");
                }
            }
        }
        return events;
    }

    private List<StreamEvent> streamEvents(Object eventsValue, String path) {
        List<StreamEvent> events = new ArrayList<>();
        List<Object> list = list(eventsValue, path);
        for (int i = 0; i < list.size(); i++) {
            String eventPath = YamlValues.element(path, i);
            Object stream = map(list.get(i), eventPath).get("stream");
            if (stream != null) {
                events.add(streamEvent(stream, eventPath + ".stream"));
            }
        }
        return events;
    }

    /** The largest batch Lambda takes from a DynamoDB or Kinesis stream (its event source mapping's BatchSize). */
    static final int MAXIMUM_STREAM_BATCH_SIZE = 10_000;

    /** What the local cloud does with a stream event's settings; the others are noted and ignored. */
    static final java.util.Set<String> STREAM_SETTINGS_EMULATED = java.util.Set.of("arn", "type", "batchSize",
            "startingPosition", "functionResponseType", "enabled");

    /** {@code stream: <arn>} or {@code stream: {arn, type, batchSize, startingPosition, functionResponseType, enabled}}. */
    private StreamEvent streamEvent(Object value, String path) {
        Map<String, Object> event = value instanceof Map<?, ?> ? map(value, path) : Map.of("arn", value);
        event.keySet().stream().filter(setting -> !STREAM_SETTINGS_EMULATED.contains(setting)).sorted()
                .forEach(setting -> warnings.add(MisplacedKeys.noStreamSetting(source, path, setting).orElse(path + "." + setting
                        + " is not emulated by the local cloud (AWS applies it as written): " + whatTheLocalCloudDoesInstead(setting))));
        onFailureTheFrameworkCannotRead(event.get("destinations"), path + ".destinations").ifPresent(warnings::add);
        if (event.get("arn") == null) {
            throw source.error(path, value, "a stream event needs the stream's arn, e.g. arn: !GetAtt MyTable.StreamArn");
        }
        if (!(event.get("arn") instanceof String) && event.get("type") == null) {
            // Serverless Framework v3 reads the kind from the ARN's text (arn:aws:kinesis:...) and, given a
            // CloudFormation function instead, stops `serverless package` with a TypeError.
            throw source.error(path + ".arn", event.get("arn"), "an arn written as a CloudFormation function (!GetAtt) needs"
                    + " type: dynamodb or type: kinesis beside it: the Serverless Framework can tell the kind only from an"
                    + " ARN's text, and fails to package without it");
        }
        String arn = intrinsics.resolveToString(event.get("arn"), path + ".arn");
        String type = event.get("type") != null ? String.valueOf(event.get("type"))
                : arn.startsWith("arn:aws:kinesis:") ? "kinesis" : "dynamodb";
        // Said here, before the function's role is built from this arn: else the IAM statement would be blamed for it.
        if (!arn.startsWith("arn:")) {
            throw source.error(path + ".arn", event.get("arn"), "the stream's arn is " + arn + ", a name, not an ARN (a !Ref of"
                    + " a table or a stream gives its name): a DynamoDB table's stream is !GetAtt <Table>.StreamArn, a Kinesis"
                    + " stream !GetAtt <Stream>.Arn");
        }
        String arnsType = arn.matches("arn:[^:]+:kinesis:.*") ? "kinesis" : arn.matches("arn:[^:]+:dynamodb:.*") ? "dynamodb" : null;
        if (arnsType != null && !arnsType.equals(type)) {
            // On AWS the role would be given the other service's actions on this stream, and Lambda could not read it.
            throw source.error(path + ".type", event.get("type"), "type: " + type + ", but the arn is a " + (arnsType.equals("kinesis")
                    ? "Kinesis stream's" : "DynamoDB table's stream's") + ": write type: " + arnsType + " (or, if the arn is"
                    + " the wrong one, the stream this function should read)");
        }
        String startingPosition = String.valueOf(event.getOrDefault("startingPosition", StreamEvent.DEFAULT_STARTING_POSITION));
        if (!List.of("LATEST", "TRIM_HORIZON").contains(startingPosition)) {
            throw source.error(path + ".startingPosition", event.get("startingPosition"),
                    "expected LATEST or TRIM_HORIZON, in capitals as AWS takes them (AWS also knows AT_TIMESTAMP, for Kinesis,"
                    + " which the local cloud does not emulate)");
        }
        Object responseType = event.get("functionResponseType");
        if (responseType != null && !"ReportBatchItemFailures".equals(String.valueOf(responseType))) {
            // The framework passes the value on as FunctionResponseTypes, an enum of one: the deploy would fail.
            throw source.error(path + ".functionResponseType", responseType, "expected ReportBatchItemFailures, the only value"
                    + " Lambda takes (it refuses any other when it deploys)");
        }
        int batchSize = intValue(event.getOrDefault("batchSize", StreamEvent.DEFAULT_BATCH_SIZE), path + ".batchSize");
        if (batchSize < 1 || batchSize > MAXIMUM_STREAM_BATCH_SIZE) {
            throw source.error(path + ".batchSize", event.get("batchSize"), "expected 1 to " + MAXIMUM_STREAM_BATCH_SIZE
                    + ": Lambda refuses a larger batch from a DynamoDB or Kinesis stream when it deploys");
        }
        return new StreamEvent(type, arn, batchSize,
                startingPosition,
                "ReportBatchItemFailures".equals(String.valueOf(event.get("functionResponseType"))),
                !"false".equals(String.valueOf(event.getOrDefault("enabled", "true"))));
    }

    /** What the local cloud does where a stream event's setting it does not emulate would act on AWS. */
    static String whatTheLocalCloudDoesInstead(String setting) {
        return switch (setting) {
            case "maximumRetryAttempts", "maximumRecordAgeInSeconds", "bisectBatchOnFunctionError", "destinations" ->
                    "here a failed batch is retried, from the record it reports, until it succeeds or expires, as Lambda"
                            + " does by default";
            case "parallelizationFactor" -> "here each shard is read one batch at a time, its shards one after another, in one"
                    + " environment";
            case "batchWindow", "maximumBatchingWindowInSeconds" -> "here a batch is handed over as soon as records are there";
            case "filterPatterns" -> "here every record is handed to the function";
            default -> "the local cloud ignores it";
        };
    }

    /**
     * Serverless Framework v3 takes {@code destinations.onFailure} as an ARN in text, or as a map with
     * {@code arn} and {@code type} (it cannot tell the kind of a {@code !GetAtt}): a {@code !GetAtt}
     * written as the value itself, or as an arn with no type, stops {@code serverless package} (its
     * stream events read {@code onFailure.arn}, then split it at ':' for the kind when no type is
     * given). The local cloud ignores destinations, so it can only say so.
     */
    static Optional<String> onFailureTheFrameworkCannotRead(Object destinations, String path) {
        if (!(destinations instanceof Map<?, ?> map) || map.get("onFailure") == null || map.get("onFailure") instanceof String) {
            return Optional.empty();
        }
        if (map.get("onFailure") instanceof Map<?, ?> onFailure && onFailure.containsKey("arn")) {
            // An ARN in text names its kind (arn:aws:sqs:...); a !GetAtt does not.
            return onFailure.containsKey("type") || onFailure.get("arn") instanceof String ? Optional.empty()
                    : Optional.of(path + ".onFailure.arn is a CloudFormation function with no type beside it: the Serverless"
                            + " Framework cannot tell the kind of destination from it and fails when it packages; add type: sqs"
                            + " (or sns)");
        }
        return Optional.of(path + ".onFailure is neither an ARN in text nor arn: and type: (as in onFailure: {arn: !GetAtt"
                + " MyQueue.Arn, type: sqs}): the Serverless Framework fails on it when it packages, so deploying fails");
    }

    private HttpEvent httpEvent(Object value, String path) {
        String method;
        String httpPath;
        if (value instanceof String shorthand) { // http: POST /users
            String[] parts = shorthand.trim().split("\\s+");
            if (parts.length != 2) {
                throw source.error(path, value, "expected 'METHOD path', e.g. 'GET /users/{username}'");
            }
            method = parts[0];
            httpPath = parts[1];
        } else {
            Map<String, Object> event = map(value, path);
            if (event.get("method") == null || event.get("path") == null) {
                throw source.error(path, value, "an http event needs a method and a path");
            }
            method = String.valueOf(event.get("method"));
            httpPath = String.valueOf(event.get("path"));
        }
        method = method.toUpperCase(Locale.ROOT);
        if (method.equals("*")) {
            method = "ANY";
        }
        if (!HTTP_METHODS.contains(method)) {
            // CloudFormation refuses it when it deploys ("Invalid HttpMethod specified").
            throw source.error(path, value, "the method must be one of " + String.join(", ", HTTP_METHODS)
                    + " (API Gateway refuses any other when it deploys)");
        }
        if (value instanceof Map<?, ?> event) {
            unhonouredHttpSettings(event, path);
        }
        httpPath = "/" + httpPath.replaceAll("^/+|/+$", "");
        return new HttpEvent(method, httpPath);
    }

    /** The methods an API Gateway REST API's route may have ({@code *} is read as ANY). */
    static final List<String> HTTP_METHODS = List.of("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    /**
     * Settings of an http event that change what API Gateway lets through on AWS, which the local
     * cloud does not do: each is noted, as the routes then answer here what AWS would refuse.
     */
    private void unhonouredHttpSettings(Map<?, ?> event, String path) {
        if ("true".equals(String.valueOf(event.get("private")))) { // true, or 'true' quoted
            warnings.add(path + ".private" + source.at(path) + ": on AWS, API Gateway then wants an API key (the x-api-key"
                    + " header) and answers 403 without one; the local cloud checks no key");
        }
        if (event.get("authorizer") != null) {
            warnings.add(path + ".authorizer" + source.at(path) + ": on AWS, API Gateway then refuses a request the"
                    + " authorizer does not let through (401 or 403); the local cloud runs no authorizer");
        }
        if (event.get("cors") != null) {
            warnings.add(path + ".cors" + source.at(path) + ": on AWS, the Serverless Framework then adds an OPTIONS route"
                    + " and CORS headers to the answers; the local cloud adds neither");
        }
    }

    /** The environment variables Lambda reserves: its runtime sets them, and a function's configuration may not. */
    static final java.util.Set<String> RESERVED_VARIABLES = java.util.Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private Map<String, String> environment(Object value, String path) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(value, path).forEach((name, variable) -> {
            String variablePath = YamlValues.child(path, name);
            if (variable == null) {
                throw source.error(variablePath, null, "an environment variable needs a value");
            }
            if (RESERVED_VARIABLES.contains(name)) {
                // Lambda sets these itself: the deployment is refused (InvalidParameterValueException), not the value ignored.
                throw source.error(variablePath, variable, "Lambda sets " + name + " itself and refuses a deployment that sets it"
                        + " (\"reserved keys that are currently not supported for modification\"): take it out, or use a name"
                        + " of your own");
            }
            environment.put(name, intrinsics.resolveToString(variable, variablePath));
        });
        return environment;
    }

    /**
     * The keys of an IAM statement the local cloud reads: anything else would be ignored, and so
     * allow or deny other calls than AWS does.
     */
    private static final java.util.Set<String> STATEMENT_KEYS = java.util.Set.of("Sid", "Effect", "Action", "Resource");

    private void refuseWhatTheLocalIamCannotHonour(Map<String, Object> statement, String statementPath) {
        for (String key : statement.keySet()) {
            if (!STATEMENT_KEYS.contains(key)) {
                throw source.error(statementPath + "." + key, statement.get(key), "the local cloud cannot honour " + key
                        + " in a function's IAM statement (ignored, it would allow or deny other calls than AWS does): write"
                        + " the statement with Effect, Action and Resource only, naming the actions the function calls on its"
                        + " own resources");
            }
        }
    }

    private List<IamStatement> statements(Object value, String path) {
        List<IamStatement> statements = new ArrayList<>();
        List<Object> list = list(value, path);
        for (int i = 0; i < list.size(); i++) {
            String statementPath = YamlValues.element(path, i);
            Map<String, Object> statement = map(list.get(i), statementPath);
            refuseWhatTheLocalIamCannotHonour(statement, statementPath);
            Object effect = statement.get("Effect");
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                throw source.error(statementPath + ".Effect", effect, "Effect must be Allow or Deny");
            }
            IamStatement parsed = new IamStatement((String) effect,
                    strings(statement.get("Action"), statementPath + ".Action"),
                    strings(statement.get("Resource"), statementPath + ".Resource"));
            if (grantsMoreThanNamed(parsed)) {
                warnings.add(statementPath + source.at(statementPath) + ": Allow " + String.join(", ", parsed.actions())
                        + " on " + String.join(", ", parsed.resources()) + " is more than a function needs. It works,"
                        + " here and on AWS, but the guides' statements name only the actions the function calls, on"
                        + " its own resources (least privilege): a bug or a leaked credential can then do no more");
            }
            statements.add(parsed);
        }
        return statements;
    }

    /**
     * A wildcard where the guides name things: every action ("*", "dynamodb:*") or every resource
     * ("*"). AWS accepts it; the local cloud says so, and {@code check} shows what it says.
     */
    private static boolean grantsMoreThanNamed(IamStatement statement) {
        return statement.effect().equals("Allow")
                && (statement.actions().stream().anyMatch(action -> action.equals("*") || action.endsWith(":*"))
                || statement.resources().contains("*"));
    }

    /** A string or a list of strings, CloudFormation functions resolved. */
    private List<String> strings(Object value, String path) {
        if (value == null) {
            throw source.error(path, null, "missing");
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                strings.add(intrinsics.resolveToString(list.get(i), YamlValues.element(path, i)));
            }
        } else {
            strings.add(intrinsics.resolveToString(value, path));
        }
        return strings;
    }

    private static final List<String> RESOURCE_ATTRIBUTES_IN_ORDER = List.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy", "Metadata");
    /** What CloudFormation knows at a resource's level; anything else there is refused. */
    private static final java.util.Set<String> RESOURCE_ATTRIBUTES = java.util.Set.copyOf(RESOURCE_ATTRIBUTES_IN_ORDER);

    private CloudFormationResource resource(String logicalId, Map<String, Object> definition) {
        String path = "resources.Resources." + logicalId;
        if (!(definition.get("Type") instanceof String type)) {
            // Step 7's Outputs pasted two spaces too far right, under Resources:
            String section = TEMPLATE_SECTIONS.contains(logicalId) ? "; " + logicalId + " is a section of the template, not a"
                    + " resource: indent it as far as Resources (resources." + logicalId + "), not under it" : "";
            throw source.error(path + ".Type", definition.get("Type"), "every resource needs a Type" + section);
        }
        definition.keySet().stream().filter(attribute -> !RESOURCE_ATTRIBUTES.contains(attribute)).findFirst().ifPresent(attribute -> {
            // A property pasted two spaces too far left, beside Properties:
            throw source.error(path + "." + attribute, null, "CloudFormation refuses the template (Invalid template"
                    + " resource property '" + attribute + "'): a resource holds only " + String.join(", ", RESOURCE_ATTRIBUTES_IN_ORDER)
                    + "; if it is one of the resource's properties, indent it under " + path + ".Properties:");
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) intrinsics.resolve(
                map(definition.get("Properties"), path + ".Properties"), path + ".Properties");
        refuseWhatTheServiceRefuses(type, properties, path + ".Properties");
        ResourceIdentity identity = intrinsics.identity(logicalId, path, null);
        return new CloudFormationResource(logicalId, type, properties, identity.physicalName(), identity.arn());
    }

    /**
     * Properties that DynamoDB Local and the local Kinesis take but AWS refuses, so that the stack
     * would fail when it creates the resource.
     */
    private void refuseWhatTheServiceRefuses(String type, Map<String, Object> properties, String path) {
        if (type.equals("AWS::DynamoDB::Table") && "PAY_PER_REQUEST".equals(properties.get("BillingMode"))
                && properties.get("ProvisionedThroughput") != null) {
            throw source.error(path + ".ProvisionedThroughput", null, "a table with BillingMode PAY_PER_REQUEST takes no"
                    + " ProvisionedThroughput: DynamoDB refuses both together, so the deploy would fail. Keep one");
        }
        Object hours = properties.get("RetentionPeriodHours");
        if (type.equals("AWS::Kinesis::Stream") && hours != null && !isWholeNumberFrom(hours, 24, 8_760)) {
            throw source.error(path + ".RetentionPeriodHours", hours, "expected 24 to 8760 hours, Kinesis's limits: the"
                    + " deploy would fail (the local stream ignores the setting)");
        }
    }

    private static boolean isWholeNumberFrom(Object value, int lowest, int highest) {
        String text = String.valueOf(value);
        return text.matches("\\d{1,9}") && Integer.parseInt(text) >= lowest && Integer.parseInt(text) <= highest;
    }

    /** What a CloudFormation template holds (and the framework's own extensions); the framework adds `resources` to it. */
    private static final java.util.Set<String> TEMPLATE_SECTIONS = java.util.Set.of("AWSTemplateFormatVersion", "Description",
            "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "extensions");

    /**
     * A block under resources: that is no section of a template, e.g. a resource or a function pasted
     * beside Resources: the framework adds it to the template, and CloudFormation refuses the
     * template ("Invalid template property or properties").
     */
    private void refuseAnUnknownSection(Map<String, Object> fragment, String path) {
        for (Map.Entry<String, Object> entry : fragment.entrySet()) {
            if (TEMPLATE_SECTIONS.contains(entry.getKey())) {
                continue;
            }
            Map<?, ?> block = entry.getValue() instanceof Map<?, ?> map ? map : Map.of();
            String what = block.containsKey("Type") ? "a resource beside Resources: indent it under " + path + ".Resources:"
                    : block.containsKey("handler") ? "a function's block under resources: move it under functions:"
                    : "no section of a CloudFormation template (Resources, Outputs, Conditions, ...)";
            throw source.error(path + "." + entry.getKey(), null, "CloudFormation refuses the template (Invalid template"
                    + " property or properties [" + entry.getKey() + "]): it is " + what);
        }
    }

    /**
     * {@code resources.Resources} (variables resolved), plus the function resources the framework
     * generates ({@code CreateUserLambdaFunction}) so that {@code !GetAtt CreateUserLambdaFunction.Arn} works.
     */
    private Map<String, Map<String, Object>> resourceDefinitions() {
        Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
        Object resources = document.get("resources");
        List<Object> fragments = resources instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        if (resources instanceof Map<?, ?>) {
            fragments.add(resources);
        }
        for (int i = 0; i < fragments.size(); i++) {
            Map<String, Object> fragment = map(fragments.get(i), "resources");
            refuseAnUnknownSection(fragment, resources instanceof List<?> ? YamlValues.element("resources", i) : "resources");
            map(fragment.get("Resources"), "resources.Resources").forEach((logicalId, definition) ->
                    definitions.put(logicalId, map(definition, "resources.Resources." + logicalId)));
        }
        map(document.get("functions"), "functions").forEach((name, definition) -> {
            String deployedName = deployedName(name, map(definition, "functions." + name));
            definitions.putIfAbsent(lambdaLogicalId(name), Map.of("Type", "AWS::Lambda::Function",
                    "Properties", Map.of("FunctionName", deployedName), Intrinsics.GENERATED, true));
        });
        return definitions;
    }

    /** The framework's naming: {@code create-user} becomes {@code CreateDashuserLambdaFunction}. */
    static String lambdaLogicalId(String functionName) {
        String normalized = functionName.replace("-", "Dash").replace("_", "Underscore");
        return Character.toUpperCase(normalized.charAt(0)) + normalized.substring(1) + "LambdaFunction";
    }

    private int intValue(Object value, String path) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw source.error(path, value, "expected a whole number");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String path) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw source.error(path, value, "expected a mapping (key: value)");
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw source.error(path, value, value instanceof Map<?, ?> ? "expected a list, and found one item without its \"- \":"
                + " a list's items each start with \"- \" (\"- Effect: Allow\", \"- http: GET /users\")" : "expected a list");
    }
}
