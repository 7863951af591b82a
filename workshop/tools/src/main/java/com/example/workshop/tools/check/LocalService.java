package com.example.workshop.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The attendee's service in the local cloud, as the probes see it: the API over HTTP, the local
 * cloud's own counters and fault switches ({@code /_local/...}), and every line it logged.
 */
public final class LocalService {
    /**
     * How long a probe waits for an answer: well past the functions' timeout (serverless.yml's 10 s,
     * and Init's 10 s more), after which the local cloud answers 502, so a request left unanswered
     * this long was held up by the machine, not the code.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NAMES_MADE_UP = ConcurrentHashMap.newKeySet();

    /** One HTTP answer: status and JSON body (a missing node when the body is not JSON). */
    public record Reply(int status, JsonNode json, String body) {
        public String error() {
            return json.path("error").asText("");
        }

        /** e.g. "GET /users/alice answered 500 {"error":"Internal error."}" */
        public String describe(String request) {
            String answer = request + " answered " + status + " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
            // API Gateway's answer to a method and path that no route has, whatever the function would do.
            return status == 403 && body.contains("Missing Authentication Token")
                    ? answer + ": API Gateway has no such route, so serverless.yml has no http event with this method"
                            + " and path (as the guide spells them)"
                    : answer;
        }
    }

    /** The local Momento's counters for the service's cache. */
    public record CacheCounters(long hits, long misses, long sets) {
        public CacheCounters minus(CacheCounters earlier) {
            return new CacheCounters(hits - earlier.hits, misses - earlier.misses, sets - earlier.sets);
        }
    }

    private final URI base;
    private final Supplier<List<String>> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int logQuotedFrom;

    /** The working copy whose service this is (its jar is in target/), or null where there is none. */
    private final Path workingCopy;

    public LocalService(URI base, Supplier<List<String>> log) {
        this(base, log, null);
    }

    public LocalService(URI base, Supplier<List<String>> log, Path workingCopy) {
        this.base = base;
        this.log = log;
        this.workingCopy = workingCopy;
    }

    /** The jar the local cloud deployed, as the service's serverless.yml names it since step 1. */
    public Path deployedJar() {
        if (workingCopy == null) {
            throw new IllegalStateException("no working copy: this service was not started from one");
        }
        return workingCopy.resolve("target/accounts-service.jar");
    }

    /**
     * Whether the working copy's {@code fileName} (in any package of src/main/java) has code that
     * {@code pattern} finds, comments left out: what an edit adds, in the attendee's own layout
     * ({@code CacheClient  cacheClient (}), and not a line they commented out.
     */
    public boolean sourceHas(String fileName, java.util.regex.Pattern pattern) {
        try {
            for (Path file : sources(fileName)) {
                if (pattern.matcher(JavaSource.withoutComments(Files.readString(file))).find()) {
                    return true;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return false;
    }

    /**
     * Whether the working copy's {@code fileName} declares {@code method} with a call of {@code call}
     * in its body (up to the body's first closing brace), e.g. findUser reading through the cache
     * ({@code cache.read(}): where the attendee's code has the edit, whatever else the file holds.
     */
    public boolean methodCalls(String fileName, String method, String call) {
        return sourceHas(fileName, java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(method)
                + "\\s*\\([^)]*\\)\\s*\\{[^}]*\\.\\s*" + java.util.regex.Pattern.quote(call) + "\\s*\\("));
    }

    /**
     * The first line of the working copy's source file {@code fileName} (anywhere under src/main/java)
     * that contains {@code text}; empty where there is none, or no working copy.
     */
    public Optional<String> sourceLine(String fileName, String text) {
        try {
            for (Path file : sources(fileName)) {
                Optional<String> line = Files.readAllLines(file).stream().filter(candidate -> candidate.contains(text)).findFirst();
                if (line.isPresent()) {
                    return line;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * What group 1 of {@code pattern} finds in the code (comments left out) of every file under
     * src/main/java, as "File.java: found"; none without a working copy.
     */
    public List<String> foundInCode(java.util.regex.Pattern pattern) {
        if (workingCopy == null || !Files.isDirectory(workingCopy.resolve("src/main/java"))) {
            return List.of();
        }
        List<String> found = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(workingCopy.resolve("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                pattern.matcher(JavaSource.withoutComments(Files.readString(file))).results()
                        .forEach(match -> found.add(file.getFileName() + ": " + match.group(1)));
            }
        } catch (IOException | UncheckedIOException e) {
            return found;
        }
        return found;
    }

    /** The working copy's files of that name under src/main/java, in any package; none without a working copy. */
    private List<Path> sources(String fileName) throws IOException {
        if (workingCopy == null || !Files.isDirectory(workingCopy.resolve("src/main/java"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(workingCopy.resolve("src/main/java"))) {
            return files.filter(path -> path.getFileName().toString().equals(fileName)).toList();
        }
    }

    /** The working copy's serverless.yml, line by line; empty where there is none, or no working copy. */
    public List<String> serverlessYml() {
        try {
            return workingCopy == null ? List.of() : Files.readAllLines(workingCopy.resolve("serverless.yml"));
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The deployed jar's path, where the service runs from a working copy. */
    public Optional<Path> deployedJarIfAny() {
        return workingCopy == null ? Optional.empty() : Optional.of(deployedJar());
    }

    /** Where the service listens: the local cloud's API Gateway, whose {@code /_local/endpoints} names the rest. */
    public URI base() {
        return base;
    }

    /** A name no other probe uses, e.g. "alice-k3x9", so probes do not see each other's items. */
    public static String unique(String prefix) {
        String name = prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
        NAMES_MADE_UP.add(name);
        return name;
    }

    /** Every name {@link #unique} gave, so that a key built from one can be told from a cache's name. */
    public static Set<String> namesMadeUp() {
        return Set.copyOf(NAMES_MADE_UP);
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply post(String path, Map<String, String> body, String actingUser) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
        if (actingUser != null) {
            request.header("Authorization", actingUser);
        }
        return send(request);
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(ANSWER_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = JSON.missingNode();
        }
        return new Reply(response.statusCode(), json, response.body());
    }

    // The API, as the guides' curl commands call it. Each creates the item or fails the probe.

    public String createUser(String prefix) throws Exception {
        return createUserNamed(unique(prefix));
    }

    /** Creates the user of exactly this name (one no other probe uses). */
    public String createUserNamed(String username) throws Exception {
        Reply reply = post("/users", Map.of("username", username, "firstName", "First", "lastName", "Last"), null);
        ProbeFailure.expect(reply.status() == 201, reply.describe("POST /users"));
        return username;
    }

    /** Creates an organization founded by {@code founder}; returns its slug (the name in URLs). */
    public String createOrganization(String founder) throws Exception {
        return createOrganizationNamed(founder, unique("org"));
    }

    /** Creates the organization of exactly this name, founded by {@code founder}; returns its slug. */
    public String createOrganizationNamed(String founder, String name) throws Exception {
        Reply reply = post("/organizations", Map.of("organizationName", name), founder);
        ProbeFailure.expect(reply.status() == 201, reply.describe("POST /organizations"));
        return reply.json().path("organization").path("organizationName").asText(name);
    }

    public Reply addMember(String organization, String member, String role, String actingUser) throws Exception {
        return post("/organizations/" + organization + "/members", Map.of("memberUsername", member, "role", role), actingUser);
    }

    // The local cloud's counters and switches.

    public CacheCounters cacheCounters() throws Exception {
        JsonNode caches = control(get("/_local/momento/stats")).path("caches");
        Iterator<JsonNode> all = caches.elements();
        if (!all.hasNext()) {
            return new CacheCounters(0, 0, 0);
        }
        JsonNode cache = all.next(); // a stage has one cache (CACHE_NAME)
        return new CacheCounters(cache.path("hits").asLong(), cache.path("misses").asLong(), cache.path("sets").asLong());
    }

    /** Cache names that calls gave and no cache has (the local Momento lists them only when there are some). */
    public List<String> cachesNotFound() throws Exception {
        List<String> names = new ArrayList<>();
        control(get("/_local/momento/stats")).path("cachesNotFound").forEach(name -> names.add(name.asText()));
        return names;
    }

    /**
     * Calls the local Momento got of one data-plane method so far, as Momento's protocol names it
     * ("Set", "SetIfNotExists", "Get", ...), whatever they did: unlike the cache counters' sets, a
     * conditional set that stored nothing counts too.
     */
    public long momentoCalls(String method) throws Exception {
        return control(get("/_local/momento/stats")).path("rpcs").path(method).path("calls").asLong(0);
    }

    /** DynamoDB read calls so far (GetItem, BatchGetItem, Query, Scan, TransactGetItems). */
    public long dynamoDbReads() throws Exception {
        JsonNode stats = control(get("/_local/dynamodb/stats"));
        long reads = 0;
        for (String operation : List.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems")) {
            reads += stats.path(operation).asLong(0);
        }
        return reads;
    }

    /** IAM's answers to the calls a function made with {@code action}, e.g. "secretsmanager:GetSecretValue". */
    public List<JsonNode> iamDecisions(String function, String action) throws Exception {
        return iamDecisions(action, decision -> decision.path("principalArn").asText("").endsWith("-" + function));
    }

    /** The calls IAM refused with {@code action}, whichever function made them. */
    public List<JsonNode> iamRefusals(String action) throws Exception {
        return iamDecisions(action, decision -> !decision.path("outcome").asText("").equals("ALLOWED"));
    }

    private List<JsonNode> iamDecisions(String action, java.util.function.Predicate<JsonNode> which) throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode decision : control(get("/_local/iam/decisions"))) {
            if (decision.path("action").asText("").equals(action) && which.test(decision)) {
                matching.add(decision);
            }
        }
        return matching;
    }

    /** The stage's DynamoDB table (the first it declares), as the local cloud named it. */
    public String table() throws Exception {
        Iterator<JsonNode> tables = control(get("/_local/endpoints")).path("tables").elements();
        if (!tables.hasNext()) {
            throw new ProbeFailure("the stage declares no DynamoDB table in serverless.yml's resources");
        }
        return tables.next().asText();
    }

    /** Whether some function reads the stage's table's DynamoDB stream (step 6's streamCacher, from then on). */
    public boolean aFunctionReadsTheTablesStream() throws Exception {
        return !tablesStreamReaders().isEmpty();
    }

    /** The subscriptions to the accounts table's stream: "streamCacher <- dynamodb stream of T (batch 100, ...)". */
    public List<String> tablesStreamReaders() throws Exception {
        String stream = "dynamodb stream of " + table() + " ";
        return streamSubscriptions().stream().filter(subscription -> subscription.contains(stream)).toList();
    }

    /** The stream subscriptions running, as the local cloud describes them: "streamCacher <- dynamodb stream of T (batch ...)". */
    public List<String> streamSubscriptions() throws Exception {
        List<String> subscriptions = new java.util.ArrayList<>();
        control(get("/_local/streams")).forEach(subscription -> subscriptions.add(subscription.asText()));
        return subscriptions;
    }

    /** The table that serverless.yml declares as {@code logicalId} (the local cloud names it {@code <service>-<stage>-<logicalId>}). */
    public String table(String logicalId) throws Exception {
        for (JsonNode table : control(get("/_local/endpoints")).path("tables")) {
            if (table.asText().endsWith("-" + logicalId)) {
                return table.asText();
            }
        }
        throw new ProbeFailure("serverless.yml's resources declare no DynamoDB table " + logicalId);
    }

    /** Makes every DynamoDB {@code operation} fail with a 500 until {@link #healDynamoDb()}. */
    public void failDynamoDb(String operation) throws Exception {
        control(post("/_local/dynamodb/faults?operation=" + operation + "&kind=SERVER_ERROR", null, null));
    }

    public void healDynamoDb() throws Exception {
        control(delete("/_local/dynamodb/faults"));
    }

    /** GET {@code path} while every DynamoDB {@code operation} fails; healed after, whatever happened. */
    public Reply getWhileDynamoDbFails(String operation, String path) throws Exception {
        failDynamoDb(operation);
        try {
            return get(path);
        } finally {
            healDynamoDb();
        }
    }

    /** A DynamoDB API call made as the operator, behind the service's back, e.g. ("UpdateItem", request). */
    public Reply operatorDynamoDbCall(String operation, Map<String, Object> request) throws Exception {
        HttpRequest.Builder call = HttpRequest.newBuilder(base.resolve("/_local/dynamodb/" + operation))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
        Reply reply = send(call);
        control(reply);
        return reply;
    }

    /** Asks {@code path} until {@code done} holds or 10 s pass (a stream delivers changes a moment later); the last reply. */
    public Reply awaitReply(String path, java.util.function.Predicate<Reply> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Reply reply = get(path);
        while (!done.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = get(path);
        }
        return reply;
    }

    /** Makes every Momento data call fail with UNAVAILABLE until {@link #healMomento()}. */
    public void breakMomento() throws Exception {
        control(post("/_local/momento/faults?rpc=data&status=UNAVAILABLE", null, null));
    }

    /** Makes every Momento read (the Get call) fail with UNAVAILABLE until {@link #healMomento()}; writes still work. */
    public void breakMomentoReads() throws Exception {
        control(post("/_local/momento/faults?rpc=Get&status=UNAVAILABLE", null, null));
    }

    public void healMomento() throws Exception {
        control(delete("/_local/momento/faults"));
    }

    public long injectedMomentoFaults() throws Exception {
        long faults = 0;
        for (JsonNode rpc : control(get("/_local/momento/stats")).path("rpcs")) {
            faults += rpc.path("injectedFaults").asLong(0);
        }
        return faults;
    }

    /** Connections the functions' Momento clients opened so far (the local Momento counts them). */
    public long momentoConnections() throws Exception {
        return control(get("/_local/momento/connections")).path("connections").asLong();
    }

    /** Holds each new Momento connection {@code millis} long, until {@link #healMomento()}. */
    public void delayMomentoConnections(long millis) throws Exception {
        control(post("/_local/momento/connect-delay?ms=" + millis, null, null));
    }

    /** Makes every Secrets Manager GetSecretValue fail with a 500 until {@link #healSecretsManager()}. */
    public void failSecretsManager() throws Exception {
        control(post("/_local/secretsmanager/faults?operation=GetSecretValue&kind=INTERNAL_SERVICE_ERROR", null, null));
    }

    /** Makes every Secrets Manager call answer {@code millis} later, until {@link #healSecretsManager()}. */
    public void delaySecretsManager(long millis) throws Exception {
        control(post("/_local/secretsmanager/delay?ms=" + millis, null, null));
    }

    public void healSecretsManager() throws Exception {
        control(delete("/_local/secretsmanager/faults"));
    }

    /** One of the local cloud's switches: a fault to set, or its heal. */
    @FunctionalInterface
    public interface Switch {
        void flip() throws Exception;
    }

    /** GET {@code path} from a new environment of {@code function} (a cold start) while {@code fault} holds; healed whatever happens. */
    public Reply coldStartWhile(String function, String path, Switch fault, Switch heal) throws Exception {
        fault.flip();
        try {
            retireEnvironments(function);
            return get(path);
        } finally {
            heal.flip();
        }
    }

    /** The function's next request starts a new execution environment (a cold start), as when Lambda replaces one. */
    public void retireEnvironments(String function) throws Exception {
        control(post("/_local/lambda/retire?function=" + function, null, null));
    }

    /**
     * The time each cached item whose key holds {@code text} has left, in milliseconds, by key
     * (the local cloud's look into the cache: no Momento call, no counter moves).
     */
    public Map<String, Long> cachedItemsTtlMillis(String text) throws Exception {
        String query = "?contains=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        JsonNode items = control(get("/_local/momento/items" + query)).path("items");
        Map<String, Long> ttls = new LinkedHashMap<>();
        items.forEach(item -> ttls.put(item.path("key").asText(), item.path("remainingTtlMillis").asLong()));
        return ttls;
    }

    /** The cached items whose key holds {@code text}, their values by key (a look into the cache, as above). */
    public Map<String, String> cachedItems(String text) throws Exception {
        String query = "?contains=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        control(get("/_local/momento/items" + query)).path("items")
                .forEach(item -> values.put(item.path("key").asText(), item.path("value").asText()));
        return values;
    }

    /** Empties the cache, so the next reads start cold. */
    public void flushCache() throws Exception {
        control(post("/_local/momento/flush", null, null));
    }

    private static JsonNode control(Reply reply) throws ProbeFailure {
        if (reply.status() / 100 != 2) {
            throw new ProbeFailure("the local cloud's control endpoint answered " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    // The log: the local cloud's lines and every line the functions printed ("[getUser#1] ...").

    /**
     * What the functions logged so far is what the probe asked for (the failure of a fault it
     * injected, say): if the probe fails after this, the checklist quotes only later lines.
     */
    public void logSoFarWasExpected() {
        logQuotedFrom = log.get().size();
    }

    /** The first log line a failure may quote (see {@link #logSoFarWasExpected()}). */
    int logQuotedFrom() {
        return logQuotedFrom;
    }

    public List<String> logLines(String text) {
        return log.get().stream().filter(line -> line.contains(text)).toList();
    }

    /** How many WARN and ERROR lines the log has so far of {@code function} ("[getUser#"), as the service's loggers write them. */
    public long warnings(String function) {
        return logLines(function).stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).count();
    }

    /** Waits up to {@code seconds} for more than {@code seen} {@link #warnings} of {@code function}; how many there are then. */
    public long awaitMoreWarnings(String function, long seen, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (warnings(function) <= seen && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return warnings(function);
    }

    /** Waits up to {@code seconds} for more than {@code seen} lines containing {@code text}; the lines then. */
    public List<String> awaitMoreLogLines(String text, int seen, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (logLines(text).size() <= seen && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return logLines(text);
    }

    /** IAM's refusal names the role first and the action late: keep the function's name and what was refused. */
    public static String brief(String line) {
        int refusal = line.indexOf("is not authorized to perform");
        if (refusal > 0 && line.startsWith("[")) {
            int because = line.indexOf(" because ", refusal);
            line = line.substring(0, line.indexOf(']') + 1) + " ... " + line.substring(refusal, because > 0 ? because : line.length());
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The lines containing {@code text}, after waiting up to 5 s for the first (output may trail the answer). */
    public List<String> awaitLogLines(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (logLines(text).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return logLines(text);
    }
}
