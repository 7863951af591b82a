package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.ClientsMadeDuringInit;
import com.example.workshop.tools.check.ClosedClient;
import com.example.workshop.tools.check.DeployedJar;
import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LocalService.Reply;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StepLessons;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Step 2: one Momento client per execution environment, its key read from Secrets Manager. */
final class Step2MomentoClient {
    /** The method that Clients.java's edit adds, in any layout: once it is there, that edit is made. */
    private static final Pattern CACHE_CLIENT_METHOD = Pattern.compile("CacheClient\\s+cacheClient\\s*\\(");
    /** A catch whose first statement logs ("catch (RuntimeException e) { LOG.warn(...)"): Dependencies' during Init. */
    private static final Pattern LOGS_WHAT_IT_CATCHES = Pattern.compile(
            "catch\\s*\\(\\s*(?:final\\s+)?\\w*(?:Exception|Throwable)\\s+\\w+\\s*\\)\\s*\\{\\s*LOG\\.\\w+\\(");
    /** A catch that throws, the caught exception or another ("throw e;"): cacheClient's, after noting the failure. */
    private static final Pattern THROWS_WHAT_IT_CATCHES = Pattern.compile(
            "catch\\s*\\(\\s*(?:final\\s+)?\\w*(?:Exception|Throwable)\\s+\\w+\\s*\\)\\s*\\{[^{}]*\\bthrow\\b");

    private Step2MomentoClient() {
    }

    /** Longer than the guide's Secrets Manager client waits (2 s in all), shorter than Lambda's Init may take (10 s). */
    private static final long SLOW_SECRETS_MANAGER_MILLIS = 5000;
    /** Longer than the second Init waits for Momento's connection. */
    private static final long SLOW_CONNECTION_MILLIS = 3000;
    /** A log level that tells of a failure, as SLF4J and most loggers write it (not the JVM's "WARNING:"). */
    private static final Pattern FAILURE_LEVEL = Pattern.compile("\\b(WARN|ERROR)\\b");

    static StepLessons lessons() {
        return new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(
                Lesson.of("the API key is read from the secret's JSON, and an error never shows the secret",
                        "MomentoApiKey.java",
                        List.of("MomentoApiKeyTest"),
                        null),
                Lesson.of("the function reads the secret named by MOMENTO_API_KEY_SECRET_ID, as its IAM statement allows",
                        "serverless.yml",
                        List.of(),
                        Step2MomentoClient::readsTheSecretOncePerEnvironment),
                Lesson.of("one Momento client per execution environment, created during Init",
                        "Clients.java",
                        List.of("ClientsTest"),
                        Step2MomentoClient::createsOneClientDuringInit),
                Lesson.of("a client that cannot be created is logged, not fatal: DynamoDB still answers",
                        "Dependencies.java",
                        List.of(),
                        Step2MomentoClient::aClientThatCannotBeCreatedDoesNotFailTheFunction),
                Lesson.of("the jar leaves out what Lambda never loads: gRPC's libraries for macOS and Windows",
                        "pom.xml",
                        List.of(),
                        DeployedJar::holdsGrpcForLinuxOnly)));
    }

    /** Three requests to one function: one environment, one allowed GetSecretValue. */
    static void readsTheSecretOncePerEnvironment(LocalService service) throws Exception {
        KeyInTheEnvironment.expectNone(service); // locally such a variable is empty, and the code then reads the secret
        for (int i = 0; i < 3; i++) {
            service.get("/users/" + LocalService.unique("nobody"));
        }
        List<JsonNode> reads = service.iamDecisions("getUser", "secretsmanager:GetSecretValue");
        boolean failureLogged = !getUsersLines(service, Step2MomentoClient::tellsOfAFailure).isEmpty();
        // The guide's edit of serverless.yml (the variable and the statement) comes before the code's: said first when not made.
        boolean serverlessYmlEdited = service.serverlessYml().stream().anyMatch(line -> line.contains("MOMENTO_API_KEY_SECRET_ID"))
                && service.serverlessYml().stream().anyMatch(line -> line.contains("secretsmanager:GetSecretValue"));
        expect(!reads.isEmpty(), "getUser never called secretsmanager:GetSecretValue: the key must come from the secret"
                + " named by the MOMENTO_API_KEY_SECRET_ID environment variable, read when the client is created during Init"
                + (failureLogged ? " (IAM was never asked: the function's log line below says why)"
                        : !serverlessYmlEdited ? " (IAM was never asked; and serverless.yml does not have that variable and"
                                + " its statement yet either: its edit comes first in the guide)"
                        : " (IAM was never asked, so the code, not the statement, is what is missing)")
                + twoEditsAhead(service), failureLogged ? whereTheLoggedFailureIs(service)
                        : serverlessYmlEdited ? whereInitCreatesNoClient(service) : "serverless.yml");
        for (JsonNode read : reads) {
            if (!read.path("outcome").asText().equals("ALLOWED")) { // the message reads serverless.yml: only when refused
                Optional<String> otherRegion = readInAnotherRegion(read);
                if (otherRegion.isPresent()) {
                    throw new ProbeFailure(otherRegion.get(), "Clients.java");
                }
                throw new ProbeFailure(misspeltAction(service) + refused(read, inheritsTheProvidersStatements(service)));
            }
        }
        long environments = environments(service, "getUser");
        // More reads than environments: the code builds the client (or reads the key) again, not serverless.yml.
        expect(reads.size() <= Math.max(1, environments), "getUser read the secret " + reads.size() + " times in "
                + environments + " execution environment(s): read it once, when the client is created", "Clients.java");
        everyFunctionMayReadTheKey(service);
        theSecretIsNamedByTheVariable(service);
    }

    /**
     * The code takes the secret's name from MOMENTO_API_KEY_SECRET_ID, not from a string of its own: the same
     * name works until serverless.yml names another secret (another stage's, say), and the role then allows
     * only that one. The name is custom.momentoSecretId's, as serverless.yml writes it.
     */
    static void theSecretIsNamedByTheVariable(LocalService service) throws ProbeFailure {
        Optional<String> name = service.serverlessYml().stream().map(String::strip)
                .filter(line -> line.startsWith("momentoSecretId:")).findFirst()
                .map(line -> line.substring("momentoSecretId:".length()).strip().replaceAll("^['\"]|['\"]$", ""))
                .filter(value -> !value.isEmpty() && !value.contains("${"));
        Optional<String> written = name.flatMap(secret -> service.foundInCode(Pattern.compile("\"(" + Pattern.quote(secret)
                + ")\"")).stream().findFirst());
        expect(written.isEmpty(), written.map(found -> found.substring(0, found.indexOf(':'))).orElse("") + " names the"
                + " secret itself (\"" + name.orElse("") + "\"): read its name from the MOMENTO_API_KEY_SECRET_ID environment"
                + " variable, which serverless.yml sets from custom.momentoSecretId, so that the code reads whichever secret"
                + " serverless.yml names (and its role allows)", written.map(found -> found.substring(0, found.indexOf(':')))
                .orElse(null));
    }

    /**
     * Every function creates the client during Init, so each must be allowed to read the key, not getUser
     * alone (a statement under getUser's iamRoleStatements): a function that may not answers from DynamoDB
     * alone, every request, which no answer shows. Each route is called once; IAM's refusals tell.
     */
    static void everyFunctionMayReadTheKey(LocalService service) throws Exception {
        String owner = service.createUser("owner");
        String member = service.createUser("member");
        String organization = service.createOrganization(owner);
        service.addMember(organization, member, "Member", owner);
        service.get("/organizations/" + organization);
        service.get("/organizations/" + organization + "/members/" + member);
        boolean inheritDeclared = inheritsTheProvidersStatements(service);
        for (JsonNode denial : service.iamRefusals("secretsmanager:GetSecretValue")) {
            String principal = denial.path("principalArn").asText("");
            String function = principal.substring(principal.lastIndexOf('-') + 1);
            throw new ProbeFailure(function + " has no Momento client, as it may not read the key, while getUser may:"
                    + " every function creates the client during Init. " + refused(denial, inheritDeclared, function));
        }
    }

    /**
     * The next edit when Init creates no client and logged no failure (a failure, such as a variable
     * serverless.yml lacks, says where itself): Clients.java until it has its cacheClient method
     * (its edit comes first in the guide; its imports alone, typed first, are not the edit), then
     * Dependencies.java, whose edit calls it during Init.
     */

    static String whereInitCreatesNoClient(LocalService service) {
        if (!getUsersLines(service, Step2MomentoClient::tellsOfAFailure).isEmpty()) {
            return null;
        }
        return service.sourceHas("Clients.java", CACHE_CLIENT_METHOD) ? "Dependencies.java" : "Clients.java";
    }

    /**
     * Where to look when Init logged why it made no client before it asked Secrets Manager: serverless.yml
     * when a variable it sets is missing (the service's own message says "see serverless.yml"), else the code
     * that reads the key and builds the client (a key taken from an environment variable of its own, say).
     */
    static String whereTheLoggedFailureIs(LocalService service) {
        return getUsersLines(service, Step2MomentoClient::tellsOfAFailure).stream().anyMatch(line -> line.contains("serverless.yml"))
                ? null : "Clients.java";
    }

    /**
     * Where the pointer is Clients.java, it takes two edits to make the line ✔: said, so that the
     * attendee who made the first is not surprised by the same line pointing at the second.
     */
    static String twoEditsAhead(LocalService service) {
        return "Clients.java".equals(whereInitCreatesNoClient(service))
                ? "; two edits make it: Clients.java's builds the client from the secret, then Dependencies.java's calls it during Init"
                : "";
    }

    /** "serverless.yml names secretsmanager:GetSecretValues, ...: " when it names a Secrets Manager action but the one read needs. */
    static String misspeltAction(LocalService service) {
        return service.serverlessYml().stream().map(SECRETS_MANAGER_ACTION::matcher).filter(java.util.regex.Matcher::find)
                .map(found -> found.group()).filter(action -> !action.equals("secretsmanager:GetSecretValue")).findFirst()
                .map(action -> "serverless.yml names " + action + ", which is not the action of the read (it is"
                        + " secretsmanager:GetSecretValue, spelt exactly so): ")
                .orElse("");
    }

    private static final java.util.regex.Pattern SECRETS_MANAGER_ACTION = java.util.regex.Pattern.compile("secretsmanager:[A-Z]\\w*");

    /**
     * Whether serverless.yml has {@code custom.serverless-iam-roles-per-function.defaultInherit: true}, where
     * the plugin reads it (one at another level is the local cloud's note to tell). Nodes only: no
     * constructor for CloudFormation's !GetAtt is needed.
     */
    static boolean inheritsTheProvidersStatements(LocalService service) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(String.join("\n", service.serverlessYml())));
            for (String key : List.of("custom", "serverless-iam-roles-per-function", "defaultInherit")) {
                node = node instanceof MappingNode mapping ? mapping.getValue().stream()
                        .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key))
                        .map(NodeTuple::getValueNode).findFirst().orElse(null) : null;
            }
            return node instanceof ScalarNode value && value.getValue().equals("true");
        } catch (RuntimeException notYaml) {
            return false;
        }
    }

    static String refused(JsonNode read) {
        return refused(read, false);
    }

    /**
     * Why IAM refused the read: no statement names the action, or one does on a Resource that misses the secret.
     *
     * @param inheritDeclared serverless.yml has defaultInherit: true, so a function's own role is not the cause
     */
    static String refused(JsonNode read, boolean inheritDeclared) {
        return refused(read, inheritDeclared, "getUser");
    }

    /** The same, for {@code function}'s read. */
    static String refused(JsonNode read, boolean inheritDeclared, String function) {
        String denied = "IAM denied " + function + " secretsmanager:GetSecretValue on " + read.path("resource").asText() + ": ";
        List<String> allowedOn = new ArrayList<>();
        read.path("allowedOn").forEach(resource -> allowedOn.add(resource.asText()));
        if (allowedOn.stream().anyMatch(resource -> resource.contains("${AWS::"))) {
            // The statement's text reached IAM as written: CloudFormation fills in ${AWS::Region} only inside !Sub.
            return denied + "the role allows it only on " + String.join(", ", allowedOn) + ", with ${AWS::...} left as"
                    + " written: CloudFormation replaces them only in a value written with !Sub, so write the Resource as"
                    + " !Sub arn:${AWS::Partition}:secretsmanager:...";
        }
        if (!allowedOn.isEmpty()) {
            return denied + "the role allows it only on " + String.join(", ", allowedOn) + ", which does not match that ARN:"
                    + " the statement's Resource must name the secret MOMENTO_API_KEY_SECRET_ID names, ending in -??????"
                    + " for the six characters Secrets Manager adds to its name";
        }
        String statementNeeded = "the provider's iam.role.statements need a statement that allows it on that ARN: its"
                + " Action exactly secretsmanager:GetSecretValue (no other spelling is that action), and"
                + " MOMENTO_API_KEY_SECRET_ID and the statement's Resource must name the same secret, the Resource ending in"
                + " -?????? for the suffix Secrets Manager adds";
        if (!inheritDeclared && runsWithARoleOfItsOwn(read.path("principalArn").asText(""), function)) {
            return denied + function + " runs with a role of its own (serverless-iam-roles-per-function gives one to each function"
                    + " with iamRoleStatements), which holds the provider's statements only when it inherits them:"
                    + " custom.serverless-iam-roles-per-function.defaultInherit: true. And " + statementNeeded;
        }
        return denied + statementNeeded;
    }

    /**
     * A read refused because the code built its Secrets Manager client for a region of its own
     * ({@code .region(...)}): the secret's ARN names that region, while the role allows the read
     * only in another, the one the service is deployed to. On AWS such a client asks that region's
     * Secrets Manager, which does not hold the secret; in Lambda the SDK finds the function's own
     * region in {@code AWS_REGION} when none is written.
     */
    static Optional<String> readInAnotherRegion(JsonNode read) {
        String resource = read.path("resource").asText("");
        String region = regionOf(resource);
        List<String> allowedRegions = new ArrayList<>();
        read.path("allowedOn").forEach(allowed -> allowedRegions.add(regionOf(allowed.asText())));
        boolean allowedInConcreteRegions = !allowedRegions.isEmpty()
                && allowedRegions.stream().allMatch(allowed -> allowed.matches("[a-z0-9-]+"));
        if (region.isEmpty() || !allowedInConcreteRegions || allowedRegions.contains(region)) {
            return Optional.empty();
        }
        return Optional.of("IAM denied getUser secretsmanager:GetSecretValue on " + resource + ": a secret in " + region
                + ", while the role allows the read in " + String.join(", ", new LinkedHashSet<>(allowedRegions))
                + " only, where the service is deployed: the code builds its Secrets Manager client for " + region
                + " (a .region(...) of its own), and on AWS that client would ask " + region + "'s Secrets Manager,"
                + " which does not hold the secret. Leave the region out: in Lambda the SDK takes the function's own"
                + " from AWS_REGION");
    }

    /** The region of an ARN ({@code arn:partition:service:region:account:resource}), or "" if it has none. */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[3] : "";
    }

    /**
     * Whether the caller's role is the function's own, not the service's shared role: the plugin names
     * it {@code <service>-<stage>-<function>-<region>-lambdaRole}; the caller is
     * {@code arn:aws:sts::<account>:assumed-role/<role>/<deployed function name>}.
     */
    static boolean runsWithARoleOfItsOwn(String principalArn, String function) {
        String[] parts = principalArn.split("/");
        return parts.length == 3 && parts[1].contains("-" + function + "-");
    }

    /** An AWS or Momento call that ran out of time, as the SDKs word it: the machine's speed, not the code. */
    private static final Pattern TIMED_OUT = Pattern.compile(
            "ApiCallTimeoutException|ApiCallAttemptTimeoutException|did not complete before the specified timeout");

    /**
     * The SDK logs "Creating Momento Cache Client" each time a CacheClient is built: one client (two
     * if a slow connection fell back to a lazy one) by the end of the first request, and no more after.
     * In step 2 nothing but Init asks for the client, so it was built during Init.
     */
    static void createsOneClientDuringInit(LocalService service) throws Exception {
        ClosedClient.neverClosed(service); // closed after Init, it passes here, and every request from step 3 on times out
        int failuresBefore = getUsersLines(service, Step2MomentoClient::tellsOfAFailure).size(); // a first try's, on a second
        String path = "/users/" + LocalService.unique("nobody");
        service.get(path);
        long afterFirst = clientsBuiltBy(service, "getUser");
        for (int i = 0; i < 3; i++) {
            service.get(path);
        }
        long afterFourth = clientsBuiltBy(service, "getUser");
        List<String> logged = getUsersLines(service, Step2MomentoClient::tellsOfAFailure);
        List<String> sinceThisTry = logged.subList(Math.min(failuresBefore, logged.size()), logged.size());
        if (afterFirst == 0 && !logged.isEmpty()) {
            // This try's own failure first: a second try quotes its environment's, not the first try's.
            String failure = LocalService.brief((sinceThisTry.isEmpty() ? logged : sinceThisTry).get(0).strip());
            if (!sinceThisTry.isEmpty() && TIMED_OUT.matcher(failure).find()) {
                // A cold start on a busy machine outlasted the SDK's timeout. The environment keeps going without a client
                // (nothing in step 2 asks for one again), so the second try needs a new one.
                service.retireEnvironments("getUser");
                throw new ProbeFailure("the client could not be created in time, most likely because the machine was busy"
                        + " (its cold start was slow; check again when it is quieter): " + failure);
            }
            throw new ProbeFailure("the client could not be created: " + failure);
        }
        expect(afterFirst > 0, "getUser never created a Momento client: the handler's constructor (Init) must create it,"
                + " through Dependencies.accountService()" + twoEditsAhead(service), whereInitCreatesNoClient(service));
        Optional<String> late = ClientsMadeDuringInit.madeOnFirstUse(service).stream()
                .filter(environment -> environment.startsWith("[getUser#")).findFirst();
        expect(late.isEmpty(), late.map(ClientsMadeDuringInit::saidOf).orElse("") + ": Init must wait until it is made"
                + " (the join() in Dependencies.accountService()), so that the cold start pays for it, not the first request",
                "Dependencies.java");
        expect(afterFourth == afterFirst, "getUser built " + (afterFourth - afterFirst) + " more Momento clients for 3 more"
                + " requests: keep the one client in a static field and reuse it");
        // Step 2 makes no cache call, so only a client that connects while it is created opens a connection.
        expect(service.momentoConnections() > 0, "getUser built a Momento client that never connected: a client from"
                + " CacheClient.builder(...).build() connects on its first call, which the first request would wait for;"
                + " connect it during Init with CacheClient.create(credentials, configuration, ttl, timeout), as Clients.connect does,"
                + " with a timeout of whole seconds (under 1 s the SDK does not connect at once); and Init must wait for it (the join() in"
                + " Dependencies.accountService())");
        fallsBackWhenMomentoIsSlowToConnect(service);
        keepaliveIsOff(service);
    }

    /**
     * The client's configuration is Momento's for Lambda, whose keepalive pings are off: Laptop's (or
     * InRegion's) ping the connection, which a frozen execution environment cannot answer, so a thawed one
     * may find it closed. Nothing a request shows here: the code says it.
     */
    static void keepaliveIsOff(LocalService service) throws ProbeFailure {
        Optional<String> other = service.foundInCode(OTHER_CONFIGURATION).stream().findFirst();
        expect(other.isEmpty(), other.map(found -> found.substring(0, found.indexOf(':'))).orElse("") + " builds the client"
                + " with " + other.map(found -> found.substring(found.indexOf(':') + 2)).orElse("") + ", not Momento's"
                + " configuration for Lambda: its keepalive pings the connection, which a frozen execution environment cannot"
                + " answer; Configurations.Lambda.latest() turns them off", other.map(found -> found.substring(0,
                found.indexOf(':'))).orElse(null));
    }

    /** A configuration of Momento's other than Lambda's, in the code (comments left out). */
    private static final Pattern OTHER_CONFIGURATION = Pattern.compile("\\b(Configurations\\.(?!Lambda\\b)\\w+)");

    /**
     * Momento slow to connect at a cold start: Init waits a second, then keeps a client that
     * connects on first use; the SDK logs "Creating Momento Cache Client" for each of the two.
     */
    private static void fallsBackWhenMomentoIsSlowToConnect(LocalService service) throws Exception {
        String path = "/users/" + LocalService.unique("nobody");
        int clientsBefore = service.logLines("Creating Momento Cache Client").size();
        Reply read = service.coldStartWhile("getUser", path, () -> service.delayMomentoConnections(SLOW_CONNECTION_MILLIS),
                service::healMomento);
        expect(read.status() == 404, "with Momento slow to connect at a cold start, " + read.describe("GET " + path));
        long clients = service.logLines("Creating Momento Cache Client").size() - clientsBefore;
        expect(clients > 0, "getUser's cold start answered before it built a Momento client: Init must wait for the"
                + " client's thread (the join() in Dependencies.accountService()), or Lambda freezes it half-done",
                "Dependencies.java");
        expect(clients == 2, "with Momento taking " + SLOW_CONNECTION_MILLIS / 1000 + " s to connect, getUser's cold start built "
                + clients + " client(s) instead of 2: Init must wait at most 1 s (CacheClient.create with a timeout of 1 s; the"
                + " 3-argument create waits 30 s) and, on ConnectionFailedException, keep a client from CacheClient.builder(...).build(),"
                + " as Clients.connect does");
    }

    /**
     * Secrets Manager fails during a cold start: the function must still answer from DynamoDB
     * (Dependencies logs the failure); an uncaught one fails Init, and every request with it.
     */
    static void aClientThatCannotBeCreatedDoesNotFailTheFunction(LocalService service) throws Exception {
        // An Init that does not wait for its client logs a failure only after the request: nothing here could tell.
        expect(ClientsMadeDuringInit.madeOnFirstUse(service).stream().noneMatch(environment -> environment.startsWith("[getUser#")),
                "not tried while Init does not wait for its client (see the line above: the join() in"
                        + " Dependencies.accountService()): a failure would be logged only after the first request",
                "Dependencies.java");
        String path = "/users/" + LocalService.unique("nobody");
        long failuresBefore = logged(service, Step2MomentoClient::tellsOfSecretsManagersFault);
        long otherLinesBefore = logged(service, Step2MomentoClient::tellsOfAFailure);
        long clientsBefore = logged(service, line -> line.contains("Creating Momento Cache Client"));
        Reply read = service.coldStartWhile("getUser", path, service::failSecretsManager, service::healSecretsManager);
        expect(read.status() == 404, "with Secrets Manager failing during a cold start, " + read.describe("GET " + path)
                + ": the Momento client could not be created; catch that in Init, log it and go on without a cache"
                + " (Dependencies.createCacheClientDuringInit), so DynamoDB still answers");
        if (!logsMore(service, Step2MomentoClient::tellsOfSecretsManagersFault, failuresBefore)) {
            List<String> logged = getUsersLines(service, Step2MomentoClient::tellsOfAFailure);
            List<String> loggedNow = logged.subList((int) Math.min(otherLinesBefore, logged.size()), logged.size());
            if (loggedNow.stream().anyMatch(Step2MomentoClient::namesAnException)) {
                throw new ProbeFailure("with Secrets Manager failing during a cold start, getUser never asked it: the client"
                        + " failed before that, as in every cold start here: " + LocalService.brief(last(loggedNow).strip()));
            }
            if (!loggedNow.isEmpty()) {
                throw new ProbeFailure("with Secrets Manager failing during a cold start, getUser logged \""
                        + LocalService.brief(last(loggedNow).strip()) + "\" but not why: log the exception with it"
                        + " (e.g. its toString(): the class names the fault)", "Dependencies.java");
            }
            // A client built although Secrets Manager failed until the answer: its thread read the key after Init
            // (once the fault was cleared). The next request thaws a thread that a frozen environment stopped.
            service.get(path);
            expect(!logsMore(service, line -> line.contains("Creating Momento Cache Client"), clientsBefore),
                    "with Secrets Manager failing during a cold start, getUser answered before its client's thread was done"
                    + " (the thread built the client later, once Secrets Manager answered): Init must wait for it (the join()"
                    + " in Dependencies.accountService()), or Lambda freezes it half-done", "Dependencies.java");
            // Code that reads no secret yet (Clients.java not made, or Init not calling it) has nothing to fail: not a
            // missing log line. Once Clients.java has its cacheClient, what is missing is Dependencies' call during Init.
            boolean clientsMade = service.sourceHas("Clients.java", CACHE_CLIENT_METHOD);
            expect(!service.iamDecisions("getUser", "secretsmanager:GetSecretValue").isEmpty(), "with Secrets Manager failing"
                    + " during a cold start, getUser answered, but it never asks Secrets Manager for the key, so nothing failed"
                    + " to log: this is tried once " + (clientsMade ? "Init creates the client (Dependencies calls"
                    + " Clients.cacheClient during Init; Clients.java has it already)" : "the client is created from the secret"
                    + " (Clients.cacheClient)"), clientsMade ? "Dependencies.java" : "Clients.java");
            // Dependencies logs what it catches, so nothing reached it: cacheClient's catch kept the failure to itself.
            expect(!service.sourceHas("Dependencies.java", LOGS_WHAT_IT_CATCHES) || service.sourceHas("Clients.java",
                    THROWS_WHAT_IT_CATCHES), "with Secrets Manager failing during a cold start, getUser answered but never"
                    + " logged why it has no cache, and Dependencies logs what it catches: Clients.cacheClient caught the failure"
                    + " and did not throw it again (its catch notes the failure for the five-second pause, then throws it on)",
                    "Clients.java");
            throw new ProbeFailure("with Secrets Manager failing during a cold start, getUser answered but never logged why it"
                    + " has no cache: log the failure, with its exception");
        }

        // Slow, not failing: the client's timeouts must end the wait, and a timeout is a failure like any other.
        service.logSoFarWasExpected(); // the failure just logged is not what a slow answer should log
        long timeoutsBefore = logged(service, Step2MomentoClient::tellsOfATimeout);
        read = service.coldStartWhile("getUser", path, () -> service.delaySecretsManager(SLOW_SECRETS_MANAGER_MILLIS),
                service::healSecretsManager);
        expect(read.status() == 404, "with Secrets Manager taking " + SLOW_SECRETS_MANAGER_MILLIS / 1000 + " s to answer during a"
                + " cold start, " + read.describe("GET " + path) + ": catch every RuntimeException while creating the client"
                + " in Init (a timeout is an SdkClientException, not a SecretsManagerException)");
        expect(logsMore(service, Step2MomentoClient::tellsOfATimeout, timeoutsBefore), "with Secrets Manager taking "
                + SLOW_SECRETS_MANAGER_MILLIS / 1000 + " s to answer, getUser's cold start waited for it and logged no timeout:"
                + " give the Secrets Manager client short timeouts (Clients.secretsManager), so a cold start gives up on it and"
                + " goes on without a cache", "Clients.java");
        List<String> timeouts = getUsersLines(service, Step2MomentoClient::tellsOfATimeout);
        Optional<String> triedTooLong = triedPastTheWholeCallsLimit(timeouts.subList((int) Math.min(timeoutsBefore,
                timeouts.size()), timeouts.size()), limitsTheSecretsManagerCall(service));
        if (triedTooLong.isPresent()) {
            throw new ProbeFailure(triedTooLong.get(), "Clients.java");
        }
    }

    /** The SDK's count of tries, at the end of a failed call's message: "... (SDK Attempt Count: 4)". */
    private static final Pattern ATTEMPTS = Pattern.compile("SDK Attempt Count: (\\d+)");
    /**
     * The setting that bounds a whole call, its retries included, in the Secrets Manager client's builder chain (up
     * to its statement's end; comments left out): the DynamoDB client has one of its own.
     */
    private static final Pattern API_CALL_TIMEOUT = Pattern.compile(
            "SecretsManagerClient\\s*\\.\\s*builder\\s*\\(\\s*\\)[^;]*?\\b(apiCallTimeout)\\s*\\(");

    /** Whether the code gives its Secrets Manager client a limit on the whole call (apiCallTimeout). */
    static boolean limitsTheSecretsManagerCall(LocalService service) {
        return !service.foundInCode(API_CALL_TIMEOUT).isEmpty();
    }

    /**
     * A slow Secrets Manager's timeout logged after three tries or more, by code that sets no limit on the whole
     * call: each try waited out its own timeout, and the cold start waited for all of them (four tries of a second
     * each, with the SDK's pauses between them). With the guide's apiCallTimeout (two seconds, retries included) a
     * call ends within two tries. Empty when that is not so.
     */
    static Optional<String> triedPastTheWholeCallsLimit(List<String> timeoutLines, boolean limitsTheWholeCall) {
        if (limitsTheWholeCall) {
            return Optional.empty();
        }
        for (String line : timeoutLines) {
            java.util.regex.Matcher attempts = ATTEMPTS.matcher(line);
            if (attempts.find() && Integer.parseInt(attempts.group(1)) >= 3) {
                return Optional.of("with Secrets Manager taking " + SLOW_SECRETS_MANAGER_MILLIS / 1000 + " s to answer,"
                        + " getUser's cold start tried it " + attempts.group(1) + " times before it gave up (its log: "
                        + LocalService.brief(line.strip()) + "): each try waited out its own timeout, and Init waited for them"
                        + " all; give the Secrets Manager client a limit for the whole call, retries included (apiCallTimeout,"
                        + " in Clients.secretsManager)");
            }
        }
        return Optional.empty();
    }

    /**
     * A line that tells of a failure, whatever its words: logged at WARN or ERROR, or naming an
     * exception or an error. (The JVM's own "WARNING: ..." lines are not a level, so they do not count.)
     */
    static boolean tellsOfAFailure(String line) {
        return !line.contains("REPORT RequestId") && (FAILURE_LEVEL.matcher(line).find() || namesAnException(line));
    }

    /** An exception's class or message, as toString() or getMessage() gives them, IAM's refusal included. */
    static boolean namesAnException(String line) {
        return line.contains("Exception") || line.contains("is not authorized to perform") || line.contains("Status Code: ");
    }

    /** The local Secrets Manager's 500, as the SDK's exception tells it: its class (toString()) or its message. */
    static boolean tellsOfSecretsManagersFault(String line) {
        return line.contains("InternalServiceError") || line.contains("An error occurred on the server side");
    }

    private static List<String> getUsersLines(LocalService service, Predicate<String> matching) {
        return service.logLines("[getUser#").stream().filter(matching).toList();
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    private static boolean tellsOfATimeout(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        return (lower.contains("timeout") || lower.contains("timed out")) && !line.contains("REPORT RequestId");
    }

    /** How many of getUser's log lines match. */
    private static long logged(LocalService service, Predicate<String> matching) {
        return getUsersLines(service, matching).size();
    }

    /** Whether getUser logs more matching lines than {@code before} within 5 s (a line may trail the answer). */
    private static boolean logsMore(LocalService service, Predicate<String> matching, long before) throws InterruptedException {
        for (int tries = 0; tries < 50; tries++) {
            if (logged(service, matching) > before) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static long clientsBuiltBy(LocalService service, String function) throws InterruptedException {
        return service.awaitLogLines("Creating Momento Cache Client").stream().filter(line -> line.contains("[" + function + "#")).count();
    }

    /** How many execution environments of {@code function} served requests (one REPORT line with Init Duration each). */
    static long environments(LocalService service, String function) {
        return service.logLines("[" + function + "#").stream()
                .filter(line -> line.contains("REPORT RequestId") && line.contains("Init Duration")).count();
    }
}
