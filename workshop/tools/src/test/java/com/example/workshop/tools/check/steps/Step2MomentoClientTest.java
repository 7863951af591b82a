package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.workshop.tools.check.DeployedJar;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What step 2's check says: when IAM refused the secret's read, and about the jar it deployed. */
class Step2MomentoClientTest {
    @TempDir
    Path workingCopy;

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aResourceThatMissesTheSecretIsNamedWithTheSuffixItLacks() throws Exception {
        JsonNode refusal = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\","
                + "\"allowedOn\":[\"" + SECRET + "\"]}");

        assertThat(Step2MomentoClient.refused(refusal))
                .contains("the role allows it only on " + SECRET + ", which does not match that ARN")
                .contains("ending in -??????");
    }

    @Test
    void aSecretReadInAnotherRegionNamesTheClientsRegionNotTheStatement() throws Exception {
        String elsewhere = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:accounts/MomentoApiKey-Ab12Cd";
        JsonNode refusal = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + elsewhere + "\","
                + "\"allowedOn\":[\"" + SECRET + "-??????\"]}");

        assertThat(Step2MomentoClient.readInAnotherRegion(refusal)).hasValueSatisfying(message -> assertThat(message)
                .contains("a secret in eu-west-1, while the role allows the read in us-east-1 only")
                .contains("Leave the region out"));
    }

    @Test
    void aRefusalInTheDeploymentsRegionIsNoOtherRegionsRead() throws Exception {
        JsonNode sameRegion = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\","
                + "\"allowedOn\":[\"" + SECRET + "\"]}");
        JsonNode noStatement = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\"}");
        JsonNode anyRegion = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET.replace("us-east-1", "eu-west-1")
                + "-Ab12Cd\",\"allowedOn\":[\"arn:aws:secretsmanager:*:000000000000:secret:other-??????\"]}");

        assertThat(Step2MomentoClient.readInAnotherRegion(sameRegion)).isEmpty();
        assertThat(Step2MomentoClient.readInAnotherRegion(noStatement)).isEmpty();
        assertThat(Step2MomentoClient.readInAnotherRegion(anyRegion)).as("a statement for every region misses on the name").isEmpty();
    }

    @Test
    void aResourceWrittenWithoutSubIsNamedAsSuch() throws Exception {
        String asWritten = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:accounts/MomentoApiKey-??????";
        JsonNode refusal = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\","
                + "\"allowedOn\":[\"" + asWritten + "\"]}");

        assertThat(Step2MomentoClient.refused(refusal))
                .contains("with ${AWS::...} left as written: CloudFormation replaces them only in a value written with !Sub")
                .doesNotContain("ending in -??????");
    }

    @Test
    void aJarWithGrpcsMacOsAndWindowsLibrariesIsNamedWithTheFilterItLacks() throws Exception {
        jarWith("META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so",
                "META-INF/native/libio_grpc_netty_shaded_netty_tcnative_osx_aarch_64.jnilib",
                "META-INF/native/io_grpc_netty_shaded_netty_tcnative_windows_x86_64.dll");

        assertThatThrownBy(() -> DeployedJar.leavesOutWhatLambdaNeverLoads(service()))
                .isInstanceOf(ProbeFailure.class)
                .hasMessageContaining("target/accounts-service.jar holds 2 native libraries for macOS and Windows")
                .hasMessageContaining("need a second <filter>, for io.grpc:grpc-netty-shaded");
    }

    /** The filter made, its macOS exclude typed as the comment names the platform: *macos* matches no file. */
    @Test
    void aFilterWhoseExcludeMissesTheNamesIsSaidSo() throws Exception {
        jarWith("META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so",
                "META-INF/native/libio_grpc_netty_shaded_netty_tcnative_osx_aarch_64.jnilib");
        Files.writeString(workingCopy.resolve("pom.xml"), "<filter>\n  <artifact>io.grpc:grpc-netty-shaded</artifact>\n"
                + "  <excludes><exclude>META-INF/native/*macos*</exclude><exclude>META-INF/native/*windows*</exclude></excludes>\n"
                + "</filter>\n");

        assertThatThrownBy(() -> DeployedJar.leavesOutWhatLambdaNeverLoads(service()))
                .isInstanceOf(ProbeFailure.class)
                .hasMessageContaining("holds 1 native library for macOS (")
                .hasMessageContaining("the shade plugin's <filter> for io.grpc:grpc-netty-shaded lets them through: its"
                        + " <exclude>s must match their names, META-INF/native/*osx*")
                .hasMessageNotContaining("second <filter>");
    }

    /** Step 2's Secrets Manager dependency typed without its exclusion of netty-nio-client: 4 MB more, all ✔ before. */
    @Test
    void aJarWithAnHttpClientTheServiceNeverUsesNamesTheDependencyThatBringsIt() throws Exception {
        jarWith("META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so",
                "io/grpc/netty/shaded/io/netty/channel/Channel.class", // gRPC's own, shaded: not the one
                "software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class", "io/netty/channel/Channel.class");
        Files.writeString(workingCopy.resolve("pom.xml"), """
                <project>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>software.amazon.awssdk</groupId><artifactId>bom</artifactId>
                  </dependency></dependencies></dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>software.amazon.awssdk</groupId><artifactId>dynamodb</artifactId>
                      <exclusions>
                        <exclusion><groupId>software.amazon.awssdk</groupId><artifactId>apache5-client</artifactId></exclusion>
                        <exclusion><groupId>software.amazon.awssdk</groupId><artifactId>netty-nio-client</artifactId></exclusion>
                      </exclusions>
                    </dependency>
                    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>url-connection-client</artifactId></dependency>
                    <dependency>
                      <groupId>software.amazon.awssdk</groupId><artifactId>secretsmanager</artifactId>
                      <exclusions>
                        <exclusion><groupId>software.amazon.awssdk</groupId><artifactId>apache5-client</artifactId></exclusion>
                      </exclusions>
                    </dependency>
                  </dependencies>
                </project>
                """);

        assertThatThrownBy(() -> DeployedJar.leavesOutWhatLambdaNeverLoads(service()))
                .isInstanceOf(ProbeFailure.class)
                .hasMessageContaining("target/accounts-service.jar holds the AWS SDK's Netty HTTP client (0.0 MB unpacked, e.g."
                        + " software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class), which the service never uses")
                .hasMessageEndingWith("In pom.xml, secretsmanager lacks an <exclusion> of netty-nio-client, as dynamodb's"
                        + " <exclusions> have it");
    }

    /** The filter made for io.grpc:grpc-netty, an artifact of gRPC's that the service does not have. */
    @Test
    void aFilterForAnotherOfGrpcsArtifactsIsNamed() throws Exception {
        jarWith("META-INF/native/libio_grpc_netty_shaded_netty_tcnative_osx_aarch_64.jnilib");
        Files.writeString(workingCopy.resolve("pom.xml"), "<filter>\n  <artifact>io.grpc:grpc-netty</artifact>\n"
                + "  <excludes><exclude>META-INF/native/*osx*</exclude><exclude>META-INF/native/*windows*</exclude></excludes>\n"
                + "</filter>\n");

        assertThatThrownBy(() -> DeployedJar.leavesOutWhatLambdaNeverLoads(service()))
                .isInstanceOf(ProbeFailure.class)
                .hasMessageEndingWith("the shade plugin's <filter> names io.grpc:grpc-netty, while the libraries come in"
                        + " io.grpc:grpc-netty-shaded: its <artifact> must name that one");
    }

    @Test
    void aJarWithOnlyTheLinuxLibrariesPasses() throws Exception {
        jarWith("META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so",
                "META-INF/native-image/io.grpc.netty.shaded.io.netty/windows-is-no-library-here.properties");

        assertThatCode(() -> DeployedJar.leavesOutWhatLambdaNeverLoads(service())).doesNotThrowAnyException();
    }

    @Test
    void aJarWithoutGrpcHasNothingToLeaveOutYetAndDoesNotPassTheLesson() throws Exception {
        jarWith("com/example/accounts/Clients.class", "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class");

        assertThatCode(() -> DeployedJar.leavesOutWhatLambdaNeverLoads(service())).as("later steps' regressions: nothing wrong")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DeployedJar.holdsGrpcForLinuxOnly(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageContaining("holds no gRPC yet").hasMessageContaining("Momento SDK's dependency in pom.xml");
    }

    @Test
    void aJarWithGrpcForLinuxOnlyPassesTheLesson() throws Exception {
        jarWith("io/grpc/netty/shaded/io/grpc/netty/NettyChannelBuilder.class",
                "META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so");

        assertThatCode(() -> DeployedJar.holdsGrpcForLinuxOnly(service())).doesNotThrowAnyException();
    }

    @Test
    void aMisspeltSecretsManagerActionInServerlessYmlIsNamed() throws IOException {
        Files.writeString(workingCopy.resolve("serverless.yml"), String.join("\n",
                "      - Effect: Allow",
                "        Action:",
                "          - secretsmanager:GetSecretValues",
                "        Resource: arn:aws:secretsmanager:${aws:region}:${aws:accountId}:secret:momento-??????"));

        assertThat(Step2MomentoClient.misspeltAction(service())).startsWith("serverless.yml names secretsmanager:GetSecretValues,");

        Files.writeString(workingCopy.resolve("serverless.yml"), "          - secretsmanager:GetSecretValue\n"
                + "        Resource: arn:aws:secretsmanager:us-east-1:000000000000:secret:momento-??????\n");
        assertThat(Step2MomentoClient.misspeltAction(service())).as("the right action, and a region in the ARN").isEmpty();
    }

    /** Momento's Laptop configuration: keepalive pings, which a frozen execution environment cannot answer. */
    @Test
    void aClientWithAnotherConfigurationThanLambdasIsToldAsKeepalive() throws Exception {
        Path clients = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        Files.writeString(clients, "final class Clients {\n    /** Keepalive off: not Configurations.Laptop. */\n"
                + "    private static final Configuration MOMENTO_CONFIGURATION = Configurations.Laptop.latest();\n}\n");
        assertThatThrownBy(() -> Step2MomentoClient.keepaliveIsOff(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("Clients.java builds the client with Configurations.Laptop, not Momento's configuration"
                        + " for Lambda").hasMessageContaining("Configurations.Lambda.latest() turns them off");

        Files.writeString(clients, Files.readString(clients).replace("= Configurations.Laptop", "= Configurations.Lambda"));
        assertThatCode(() -> Step2MomentoClient.keepaliveIsOff(service())).doesNotThrowAnyException();
    }

    /** The secret's name written into Dependencies: it works until serverless.yml names another secret. */
    @Test
    void aSecretNamedInTheCodeIsToldAsTheVariablesToRead() throws Exception {
        Files.writeString(workingCopy.resolve("serverless.yml"), "custom:\n  momentoSecretId: accounts/MomentoApiKey\n");
        Path dependencies = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"))
                .resolve("Dependencies.java");
        Files.writeString(dependencies, "final class Dependencies {\n    // reads MOMENTO_API_KEY_SECRET_ID, e.g. \"accounts/MomentoApiKey\"\n"
                + "    static CacheClient cacheClient() {\n        return Clients.cacheClient(\"accounts/MomentoApiKey\");\n    }\n}\n");
        assertThatThrownBy(() -> Step2MomentoClient.theSecretIsNamedByTheVariable(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("Dependencies.java names the secret itself (\"accounts/MomentoApiKey\")")
                .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Dependencies.java"));

        Files.writeString(dependencies, Files.readString(dependencies).replace("Clients.cacheClient(\"accounts/MomentoApiKey\")",
                "Clients.cacheClient(requiredEnv(\"MOMENTO_API_KEY_SECRET_ID\"))"));
        assertThatCode(() -> Step2MomentoClient.theSecretIsNamedByTheVariable(service())).doesNotThrowAnyException();
    }

    private LocalService service() {
        return new LocalService(URI.create("http://localhost:1"), List::of, workingCopy);
    }

    private void jarWith(String... entries) throws IOException {
        Path jar = Files.createDirectories(workingCopy.resolve("target")).resolve("accounts-service.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[1000]);
                zip.closeEntry();
            }
        }
    }

    @Test
    void withoutAnyStatementForTheActionTheProvidersStatementsAreNamed() throws Exception {
        JsonNode refusal = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\"}");

        assertThat(Step2MomentoClient.refused(refusal))
                .contains("the provider's iam.role.statements")
                .doesNotContain("allows it only on");
    }

    @Test
    void aFunctionWithARoleOfItsOwnIsToldItMustInheritTheProvidersStatements() throws Exception {
        JsonNode ownRole = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\","
                + "\"principalArn\":\"arn:aws:sts::000000000000:assumed-role/accounts-dev-getUser-us-east-1-lambdaRole/accounts-dev-getUser\"}");
        JsonNode sharedRole = json.readTree("{\"outcome\":\"IMPLICIT_DENY\",\"resource\":\"" + SECRET + "-Ab12Cd\","
                + "\"principalArn\":\"arn:aws:sts::000000000000:assumed-role/accounts-dev-us-east-1-lambdaRole/accounts-dev-getUser\"}");

        assertThat(Step2MomentoClient.refused(ownRole)).contains("a role of its own").contains("defaultInherit: true")
                .contains("the provider's iam.role.statements need a statement");
        assertThat(Step2MomentoClient.refused(sharedRole)).doesNotContain("defaultInherit")
                .contains("the provider's iam.role.statements need a statement");
        assertThat(Step2MomentoClient.refused(ownRole, true)).as("defaultInherit: true is there: only the statement is missing")
                .doesNotContain("defaultInherit").contains("the provider's iam.role.statements need a statement");
    }

    @Test
    void defaultInheritIsSeenWhereThePluginReadsItAndOnlyWhenTrue() throws IOException {
        Files.writeString(workingCopy.resolve("serverless.yml"), "custom:\n  serverless-iam-roles-per-function:\n"
                + "    defaultInherit: true   # the provider's statements too\n");
        assertThat(Step2MomentoClient.inheritsTheProvidersStatements(service())).isTrue();

        Files.writeString(workingCopy.resolve("serverless.yml"), "custom:\n  serverless-iam-roles-per-function:\n"
                + "    defaultInherit: false\n");
        assertThat(Step2MomentoClient.inheritsTheProvidersStatements(service())).isFalse();

        Files.writeString(workingCopy.resolve("serverless.yml"), "custom:\n  defaultInherit: true\nresources:\n"
                + "  Outputs:\n    X:\n      Value: !GetAtt T.Arn\n");
        assertThat(Step2MomentoClient.inheritsTheProvidersStatements(service())).as("beside the plugin's name, not under it").isFalse();
    }

    @Test
    void initWithoutAClientPointsAtClientsUntilItBuildsOneThenAtDependencies() throws Exception {
        Path clients = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        Files.writeString(clients, "final class Clients {\n    static DynamoDbClient dynamoDb() { return null; }\n}\n");
        assertThat(Step2MomentoClient.whereInitCreatesNoClient(service())).as("step 1's Clients: its edit comes first")
                .isEqualTo("Clients.java");
        assertThat(Step2MomentoClient.twoEditsAhead(service())).as("and the line says the next one is Dependencies.java's")
                .contains("then Dependencies.java's calls it during Init");

        Files.writeString(clients, "import momento.sdk.CacheClient;\nfinal class Clients {\n    private static CacheClient cacheClient;\n"
                + "    static DynamoDbClient dynamoDb() { return null; }\n}\n");
        assertThat(Step2MomentoClient.whereInitCreatesNoClient(service())).as("the edit's imports and fields, typed first: not done")
                .isEqualTo("Clients.java");

        Files.writeString(clients, "final class Clients {\n    static CacheClient cacheClient(String id) { return null; }\n}\n");
        assertThat(Step2MomentoClient.whereInitCreatesNoClient(service())).as("Clients builds one: nothing calls it during Init")
                .isEqualTo("Dependencies.java");
        assertThat(Step2MomentoClient.twoEditsAhead(service())).isEmpty();

        List<String> log = List.of("[getUser#1] WARN Dependencies - no cache: java.lang.IllegalStateException: Environment"
                + " variable MOMENTO_API_KEY_SECRET_ID is not set: see serverless.yml");
        assertThat(Step2MomentoClient.whereInitCreatesNoClient(new LocalService(URI.create("http://localhost:1"), () -> log,
                workingCopy))).as("a failure logged says where itself").isNull();
    }

    @Test
    void aClientThatTimedOutInABusyColdStartIsSaidToBeTheMachinesAndTheSecondTryGetsANewEnvironment() throws Exception {
        List<String> posts = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        // What the next request's Init logs, as it runs: a cold start on a busy machine, past the SDK's 2 s.
        List<String> nextColdStartLogs = new CopyOnWriteArrayList<>(List.of("[getUser#1] WARN Dependencies - Momento client"
                + " not created during Init, will retry on use: software.amazon.awssdk.core.exception.ApiCallTimeoutException:"
                + " Client execution did not complete before the specified timeout configuration: 2000 millis"));
        try (StubGateway gateway = new StubGateway((method, path) -> {
            if (method.equals("POST")) {
                posts.add(path);
            }
            if (path.startsWith("/users/")) {
                log.addAll(nextColdStartLogs);
                nextColdStartLogs.clear();
            }
            return new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200, "{}");
        })) {
            LocalService service = gateway.service(() -> List.copyOf(log));

            assertThatThrownBy(() -> Step2MomentoClient.createsOneClientDuringInit(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageContaining("most likely because the machine was busy").hasMessageContaining("ApiCallTimeoutException");
            assertThat(posts).as("getUser's environment retired: check tries once more, on a new one")
                    .containsExactly("/_local/lambda/retire");

            posts.clear();
            // The second try's new environment fails on the code: said as that, not as the first try's timeout.
            nextColdStartLogs.add("[getUser#2] WARN Dependencies - Momento client not created during Init, will retry on use:"
                    + " java.lang.IllegalStateException: Environment variable MOMENTO_API_KEY_SECRET_ID is not set");
            assertThatThrownBy(() -> Step2MomentoClient.createsOneClientDuringInit(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageStartingWith("the client could not be created: ").hasMessageContaining("MOMENTO_API_KEY_SECRET_ID")
                    .hasMessageNotContaining("busy");
            assertThat(posts).as("the code's failure: no new environment would change it").isEmpty();
        }
    }

    /** A key not read from the secret (Momento's own environment variable, say): the code, not serverless.yml. */
    @Test
    void aKeyTakenFromElsewhereThanTheSecretPointsAtClientsNotServerlessYml() throws Exception {
        Files.writeString(workingCopy.resolve("serverless.yml"), "provider:\n  environment:\n    MOMENTO_API_KEY_SECRET_ID: k\n"
                + "  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: secretsmanager:GetSecretValue\n");
        List<String> log = new CopyOnWriteArrayList<>(List.of("[getUser#1] WARN Dependencies - Momento client not created during"
                + " Init, will retry on use: java.lang.IllegalArgumentException: Missing required Momento API Key environment"
                + " variable: MOMENTO_API_KEY"));
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/iam/decisions") ? "[]" : "{}"))) {
            LocalService service = gateway.service(() -> List.copyOf(log), workingCopy);

            assertThatThrownBy(() -> Step2MomentoClient.readsTheSecretOncePerEnvironment(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageContaining("the function's log line below says why")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Clients.java"));

            log.set(0, "[getUser#1] WARN Dependencies - Momento client not created during Init, will retry on use:"
                    + " java.lang.IllegalStateException: Environment variable CACHE_NAME is not set: see serverless.yml");
            assertThatThrownBy(() -> Step2MomentoClient.readsTheSecretOncePerEnvironment(service)).isInstanceOf(ProbeFailure.class)
                    .as("a variable serverless.yml lacks: the lesson's own file, serverless.yml")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).isEmpty());
        }
    }

    /** Made on the first request (no join()), or closed once made (try-with-resources): not during Init's, for good. */
    @Test
    void aClientMadeAfterTheFirstStartOrClosedAfterInitFailsTheInitLine() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>(List.of("[getUser#1] START RequestId: a Version: $LATEST",
                "[getUser#1] INFO CacheClient - Creating Momento Cache Client",
                "[getUser#1] REPORT RequestId: a\tDuration: 900.00 ms\tInit Duration: 400.00 ms"));
        Path accounts = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"));
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/momento/stats") ? "{\"connections\": 1}" : "{}"))) {
            LocalService service = gateway.service(() -> List.copyOf(log), workingCopy);

            assertThatThrownBy(() -> Step2MomentoClient.createsOneClientDuringInit(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageStartingWith("[getUser#1] created its Momento client in its first invocation")
                    .hasMessageContaining("the join() in Dependencies.accountService()")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Dependencies.java"));

            assertThatThrownBy(() -> Step2MomentoClient.aClientThatCannotBeCreatedDoesNotFailTheFunction(service))
                    .as("the fallback's line: not tried, as its failures would come after the request")
                    .isInstanceOf(ProbeFailure.class).hasMessageStartingWith("not tried while Init does not wait for its client")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Dependencies.java"));

            Files.writeString(accounts.resolve("Dependencies.java"), "class Dependencies {\n    void init() {\n"
                    + "        try (CacheClient client = Clients.cacheClient(\"s\")) {\n        }\n    }\n}\n");
            assertThatThrownBy(() -> Step2MomentoClient.createsOneClientDuringInit(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageStartingWith("Dependencies.java closes the Momento client after using it");
        }
    }

    /** Half done, serverless.yml's edit not made either: said, and pointed at first, as the guide makes it first. */
    @Test
    void noSecretReadWithoutServerlessYmlsEditPointsThereFirst() throws Exception {
        Files.writeString(workingCopy.resolve("serverless.yml"), "provider:\n  environment:\n    TABLE_NAME: x\n");
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/iam/decisions") ? "[]" : "{}"))) {
            LocalService service = gateway.service(List::of, workingCopy);

            assertThatThrownBy(() -> Step2MomentoClient.readsTheSecretOncePerEnvironment(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageContaining("serverless.yml does not have that variable and its statement yet either")
                    .hasMessageNotContaining("the code, not the statement")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("serverless.yml"));

            Files.writeString(workingCopy.resolve("serverless.yml"), "provider:\n  environment:\n    MOMENTO_API_KEY_SECRET_ID: k\n"
                    + "  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: secretsmanager:GetSecretValue\n");
            assertThatThrownBy(() -> Step2MomentoClient.readsTheSecretOncePerEnvironment(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageContaining("the code, not the statement, is what is missing");
        }
    }

    /**
     * The statement moved under getUser's iamRoleStatements: getUser reads the key, createUser may not, and answers
     * from DynamoDB alone, every request. Every function creates the client during Init, so the lesson fails there.
     */
    @Test
    void aFunctionOtherThanGetUserThatMayNotReadTheKeyFailsTheLesson() throws Exception {
        String allowed = "{\"action\": \"secretsmanager:GetSecretValue\", \"outcome\": \"ALLOWED\","
                + " \"principalArn\": \"arn:aws:sts::000000000000:assumed-role/r/accounts-dev-getUser\", \"resource\": \"arn:k-abc123\"}";
        String denied = "{\"action\": \"secretsmanager:GetSecretValue\", \"outcome\": \"IMPLICIT_DENY\","
                + " \"principalArn\": \"arn:aws:sts::000000000000:assumed-role/r/accounts-dev-createUser\", \"resource\": \"arn:k-abc123\"}";
        String[] decisions = {"[" + allowed + "," + denied + "]"};
        List<String> log = List.of("[getUser#1] REPORT RequestId: 1\tDuration: 5.00 ms\tInit Duration: 900.00 ms");
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404
                : method.equals("POST") ? 201 : 200, path.startsWith("/_local/iam/decisions") ? decisions[0] : "{}"))) {
            LocalService service = gateway.service(() -> log, workingCopy);

            assertThatThrownBy(() -> Step2MomentoClient.readsTheSecretOncePerEnvironment(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessageStartingWith("createUser has no Momento client, as it may not read the key, while getUser may")
                    .hasMessageContaining("IAM denied createUser secretsmanager:GetSecretValue on arn:k-abc123")
                    .hasMessageContaining("the provider's iam.role.statements need a statement");

            decisions[0] = "[" + allowed + "]";
            Step2MomentoClient.readsTheSecretOncePerEnvironment(service);
        }
    }

    /** A client (or key) made per request reads the secret per request: the code's slip, not serverless.yml's. */
    @Test
    void theSecretReadMoreOftenThanEnvironmentsStartedPointsAtClients() throws Exception {
        String allowed = "{\"action\": \"secretsmanager:GetSecretValue\", \"outcome\": \"ALLOWED\","
                + " \"principalArn\": \"arn:aws:iam::000000000000:role/accounts-dev-getUser\"}";
        List<String> log = List.of("[getUser#1] REPORT RequestId: 1\tDuration: 5.00 ms\tInit Duration: 900.00 ms");
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/iam/decisions") ? "[" + allowed + "," + allowed + "," + allowed + "]" : "{}"))) {
            LocalService service = gateway.service(() -> log);

            assertThatThrownBy(() -> Step2MomentoClient.readsTheSecretOncePerEnvironment(service)).isInstanceOf(ProbeFailure.class)
                    .hasMessage("getUser read the secret 3 times in 1 execution environment(s): read it once, when the client is"
                            + " created")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Clients.java"));
        }
    }

    /** Clients.java made, Dependencies.java not (its edit typed into solutions/, say): Init never calls cacheClient. */
    @Test
    void codeWhoseClientsHasCacheClientButNeverAsksSecretsManagerIsPointedAtDependencies() throws Exception {
        Path clients = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        Files.writeString(clients, "final class Clients {\n    static CacheClient cacheClient(String apiKeySecretId) {\n"
                + "        return null;\n    }\n}\n");
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/iam/decisions") ? "[]" : "{}"))) {
            assertThatThrownBy(() -> Step2MomentoClient.aClientThatCannotBeCreatedDoesNotFailTheFunction(
                    gateway.service(List::of, workingCopy)))
                    .isInstanceOf(ProbeFailure.class).hasMessageContaining("it never asks Secrets Manager for the key")
                    .hasMessageContaining("Dependencies calls Clients.cacheClient during Init")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Dependencies.java"));
        }
    }

    /** Mid-step, before Clients.java reads the secret: Secrets Manager's fault has nothing to fail, no log line is missing. */
    @Test
    void codeThatNeverAsksSecretsManagerIsNotToldToLogItsFailure() throws Exception {
        List<String> decisions = new CopyOnWriteArrayList<>(List.of("[]"));
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/iam/decisions") ? decisions.get(0) : "{}"))) {
            LocalService service = gateway.service(List::of);

            assertThatThrownBy(() -> Step2MomentoClient.aClientThatCannotBeCreatedDoesNotFailTheFunction(service))
                    .isInstanceOf(ProbeFailure.class).hasMessageContaining("it never asks Secrets Manager for the key")
                    .hasMessageNotContaining("never logged why")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Clients.java"));

            decisions.set(0, "[{\"action\": \"secretsmanager:GetSecretValue\", \"outcome\": \"ALLOWED\","
                    + " \"principalArn\": \"arn:aws:iam::000000000000:role/accounts-dev-getUser\"}]");
            assertThatThrownBy(() -> Step2MomentoClient.aClientThatCannotBeCreatedDoesNotFailTheFunction(service))
                    .isInstanceOf(ProbeFailure.class).hasMessageContaining("never logged why it has no cache");
        }
    }

    /** cacheClient's catch notes the failure and forgets its throw: Dependencies, which logs what it catches, hears nothing. */
    @Test
    void aFailureThatNeverReachesDependenciesLoggingCatchIsPointedAtClients() throws Exception {
        Path accounts = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"));
        Files.writeString(accounts.resolve("Dependencies.java"), "class Dependencies {\n    void init() {\n        try {\n"
                + "            Clients.cacheClient(\"s\");\n        } catch (RuntimeException e) {\n"
                + "            LOG.warn(\"Momento client not created during Init, will retry on use: {}\", e.toString());\n"
                + "        }\n    }\n}\n");
        String clients = "class Clients {\n    static CacheClient cacheClient(String apiKeySecretId) {\n        try {\n"
                + "            return connect(readApiKey(apiKeySecretId));\n        } catch (RuntimeException e) {\n"
                + "            lastFailure = e.toString();\n%s        }\n        return null;\n    }\n}\n";
        Files.writeString(accounts.resolve("Clients.java"), String.format(clients, ""));
        String asked = "[{\"action\": \"secretsmanager:GetSecretValue\", \"outcome\": \"ALLOWED\","
                + " \"principalArn\": \"arn:aws:iam::000000000000:role/accounts-dev-getUser\"}]";
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(path.startsWith("/users/") ? 404 : 200,
                path.startsWith("/_local/iam/decisions") ? asked : "{}"))) {
            LocalService service = gateway.service(List::of, workingCopy);

            assertThatThrownBy(() -> Step2MomentoClient.aClientThatCannotBeCreatedDoesNotFailTheFunction(service))
                    .isInstanceOf(ProbeFailure.class).hasMessageContaining("Clients.cacheClient caught the failure and did not"
                            + " throw it again")
                    .satisfies(failure -> assertThat(((ProbeFailure) failure).file()).contains("Clients.java"));

            Files.writeString(accounts.resolve("Clients.java"), String.format(clients, "            throw e;\n"));
            assertThatThrownBy(() -> Step2MomentoClient.aClientThatCannotBeCreatedDoesNotFailTheFunction(service))
                    .as("cacheClient throws: then Dependencies is where the log line is missing")
                    .isInstanceOf(ProbeFailure.class).hasMessageContaining("never logged why it has no cache: log the failure");
        }
    }

    /** The Secrets Manager client's apiCallTimeout left out: the SDK tries four times, each try waiting out its own timeout. */
    @Test
    void aSlowSecretsManagerTriedFourTimesByCodeWithoutALimitOnTheWholeCallIsSaidSo() {
        String fourTries = "[getUser#3] WARN Dependencies - Momento client not created during Init, will retry on use:"
                + " software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Read timed out"
                + " (SDK Attempt Count: 4)";
        String oneCall = "[getUser#3] WARN Dependencies - Momento client not created during Init, will retry on use:"
                + " software.amazon.awssdk.core.exception.ApiCallTimeoutException: Client execution did not complete before the"
                + " specified timeout configuration: 2000 millis";

        assertThat(Step2MomentoClient.triedPastTheWholeCallsLimit(List.of(fourTries), false)).hasValueSatisfying(said ->
                assertThat(said).startsWith("with Secrets Manager taking 5 s to answer, getUser's cold start tried it 4 times"
                        + " before it gave up (its log: ").contains("Read timed out (SDK Attempt Count: 4)")
                        .endsWith("give the Secrets Manager client a limit for the whole call, retries included (apiCallTimeout,"
                                + " in Clients.secretsManager)"));
        assertThat(Step2MomentoClient.triedPastTheWholeCallsLimit(List.of(oneCall), false)).as("the guide's limit, met").isEmpty();
        assertThat(Step2MomentoClient.triedPastTheWholeCallsLimit(List.of(fourTries), true))
                .as("a limit set, with shorter tries: their count is not the slip").isEmpty();
        assertThat(Step2MomentoClient.triedPastTheWholeCallsLimit(List.of(fourTries.replace(": 4)", ": 2)")), false))
                .as("two tries fit in the guide's two seconds").isEmpty();
    }

    /** The DynamoDB client's own apiCallTimeout is not the Secrets Manager client's. */
    @Test
    void theLimitOnTheWholeCallIsLookedForInTheSecretsManagerClientsBuilder() throws Exception {
        Path clients = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        String dynamoDb = "        dynamoDb = DynamoDbClient.builder()\n"
                + "                .overrideConfiguration(config -> config.apiCallTimeout(DYNAMODB_CALL_TIMEOUT))\n                .build();\n";
        String secretsManager = "        return SecretsManagerClient.builder()\n                .httpClient(UrlConnectionHttpClient.builder()\n"
                + "                        .socketTimeout(SECRETS_MANAGER_TIMEOUT)\n                        .build())\n";
        String limit = "                .overrideConfiguration(config -> config.apiCallTimeout(SECRETS_MANAGER_TIMEOUT.multipliedBy(2)))\n";
        String end = "                .build();\n";
        LocalService service = new LocalService(URI.create("http://127.0.0.1:9/"), List::of, workingCopy);

        Files.writeString(clients, dynamoDb + secretsManager + end);
        assertThat(Step2MomentoClient.limitsTheSecretsManagerCall(service)).as("only DynamoDB's").isFalse();
        Files.writeString(clients, dynamoDb + secretsManager + limit + end);
        assertThat(Step2MomentoClient.limitsTheSecretsManagerCall(service)).isTrue();
    }

    @Test
    void aFailureIsToldByItsLevelOrItsExceptionWhateverTheWords() {
        assertThat(List.of(
                "[getUser#1] WARN Dependencies - Momento client not created during Init, will retry on use: "
                        + "software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException: An error occurred",
                "[getUser#1] WARN Dependencies - No Momento client at cold start (User: arn:aws:sts::000000000000:assumed-role/x"
                        + " is not authorized to perform: secretsmanager:GetSecretValue); the next cache use will try again",
                "[getUser#1] ERROR Clients - cache unavailable",
                "[getUser#1] no cache: java.lang.IllegalStateException: no key"))
                .allMatch(Step2MomentoClient::tellsOfAFailure);
        assertThat(List.of(
                "[getUser#1] WARNING: A terminally deprecated method in sun.misc.Unsafe has been called",
                "[getUser#1] INFO CacheClient - Creating Momento Cache Client",
                "[getUser#1] REPORT RequestId: 1\tDuration: 3.1 ms\tInit Duration: 900.0 ms"))
                .noneMatch(Step2MomentoClient::tellsOfAFailure);
    }

    @Test
    void secretsManagersFaultIsKnownByTheExceptionsClassOrByItsMessage() {
        assertThat(Step2MomentoClient.tellsOfSecretsManagersFault("[getUser#2] WARN Dependencies - no client: "
                + "software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException: ...")).isTrue();
        assertThat(Step2MomentoClient.tellsOfSecretsManagersFault("[getUser#2] WARN Dependencies - no client: An error occurred"
                + " on the server side. (Service: SecretsManager, Status Code: 500, Request ID: 1)")).isTrue();
        assertThat(Step2MomentoClient.tellsOfSecretsManagersFault("[getUser#2] WARN Dependencies - no client: User: x is not"
                + " authorized to perform: secretsmanager:GetSecretValue")).isFalse();
        assertThat(Step2MomentoClient.namesAnException("[getUser#2] WARN Dependencies - no cache this time")).isFalse();
    }
}
