package com.example.workshop.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What deploys, not what serverless.yml claims: every stage packaged by the Serverless Framework v3
 * with the roles-per-function plugin (the versions the root {@code package.json} pins, installed by
 * npm into {@code target/serverless}), without AWS credentials; the template linted by cfn-lint;
 * and in it, every function running with a role of its own that holds exactly the statements
 * serverless.yml gives that function, plus what the framework and the plugin add, listed in
 * {@link #ADDED}. Runs wherever Node.js, npm and cfn-lint are on the PATH (about 75 s on 2 cores the
 * first time, most of it npm installing the framework, which is then kept for every clone: see
 * {@link #cachedFramework}), and says it skipped otherwise. CI's machine has Node.js but no
 * cfn-lint (it is not a Debian package, and PyPI is out of its reach), so there it skips; a
 * maintainer with both runs it in every build, or turns it off with {@code -Dpackaging=false}.
 */
class PackagedTemplateTest {
    static final Path ROOT = StageChainTest.ROOT;
    static final Path WORK = Path.of("target/serverless").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The statements a function's role holds that no serverless.yml line wrote: the plugin's
     * CloudWatch Logs statement (writing the function's own log group), and, for a stream event,
     * read access to that stream.
     */
    static final List<Set<String>> ADDED = List.of(
            Set.of("logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents"),
            Set.of("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"),
            Set.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"));

    /**
     * The framework is installed as an attendee installs it: {@code npm ci}, the exact tree that the
     * committed lock file holds (a plain {@code npm install} may resolve newer transitive versions).
     */
    static final List<String> NPM_FILES = List.of("package.json", "package-lock.json");
    static final List<String> NPM_CI = List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");

    /** cfn-lint's W3005 ("DependsOn already enforced by a GetAtt") is the plugin's own redundant DependsOn. */
    static final String IGNORED_LINT = "W3005";

    /**
     * The stages, less those whose serverless.yml is the same as an earlier stage's (steps 3 and 4
     * teach code, not deployment): the same file packages to the same template.
     */
    static Stream<String> stages() throws IOException {
        List<String> distinct = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("solutions"))) {
            for (Path dir : dirs.filter(dir -> Files.isRegularFile(dir.resolve("serverless.yml"))).sorted().toList()) {
                if (seen.add(Files.readString(dir.resolve("serverless.yml")))) {
                    distinct.add(dir.getFileName().toString());
                }
            }
        }
        return distinct.stream();
    }

    @BeforeAll
    static void installThePackageAndLint() throws Exception {
        installTheFramework();
        packageEveryStage();
    }

    private static void installTheFramework() throws Exception {
        skipUnless(!"false".equals(System.getProperty("packaging")), "PackagedTemplateTest skipped: -Dpackaging=false");
        for (String tool : List.of("node", "npm", "cfn-lint")) {
            skipUnless(onPath(tool), "PackagedTemplateTest skipped: " + tool + " is not on the PATH (this test needs Node.js, npm and cfn-lint;"
                    + " cfn-lint: pip install cfn-lint)");
        }
        Files.createDirectories(WORK);
        for (String file : NPM_FILES) {
            Files.copy(ROOT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path nodeModules = WORK.resolve("node_modules");
        if (installed(nodeModules)) {
            return;
        }
        Path cached = cachedFramework();
        if (cached != null) {
            try {
                Files.deleteIfExists(nodeModules); // a link to a cache that is gone
                Files.createSymbolicLink(nodeModules, cached);
                return;
            } catch (IOException | UnsupportedOperationException noLink) {
                // e.g. Windows without the right to create links: install here, as without a cache
            }
        }
        Run install = run(WORK, NPM_CI, 600);
        assertThat(install.exitCode()).as("npm ci:\n%s", install.output()).isZero();
    }

    /**
     * The framework's node_modules installed once per machine and package.json, as Maven keeps its
     * downloads in ~/.m2: under ~/.cache/momento-workshop (or {@code -Dserverless.cache=<dir>}), in a
     * directory named by the SHA-256 of package.json and package-lock.json, so a fresh clone links to
     * it instead of installing again (npm was about half of this test's time). {@code -Dserverless.cache=none}
     * installs into target/serverless instead. Null when there is no cache.
     */
    private static Path cachedFramework() throws Exception {
        String where = System.getProperty("serverless.cache",
                Path.of(System.getProperty("user.home"), ".cache", "momento-workshop").toString());
        if (where.equals("none")) {
            return null;
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String file : NPM_FILES) {
            sha256.update(Files.readAllBytes(ROOT.resolve(file)));
        }
        String hash = HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        Path home = Path.of(where).resolve("serverless-" + hash);
        if (installed(home.resolve("node_modules"))) {
            return home.resolve("node_modules");
        }
        // Installed beside it, then renamed into place: another build may be installing at the same time.
        Files.createDirectories(home.getParent());
        Path staging = Files.createTempDirectory(home.getParent(), "installing-");
        for (String file : NPM_FILES) {
            Files.copy(ROOT.resolve(file), staging.resolve(file));
        }
        Run install = run(staging, NPM_CI, 600);
        assertThat(install.exitCode()).as("npm ci:\n%s", install.output()).isZero();
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherBuildWasFirst) {
            deleteTree(staging);
        }
        return installed(home.resolve("node_modules")) ? home.resolve("node_modules") : null;
    }

    private static boolean installed(Path nodeModules) {
        return Files.isRegularFile(nodeModules.resolve("serverless-iam-roles-per-function/package.json"))
                && Files.exists(nodeModules.resolve(".bin/serverless"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Packages every stage once, two at a time (each a Node.js process of a few seconds, mostly one
     * thread), then lints all the templates in one cfn-lint run (it takes seconds to start).
     */
    private static void packageEveryStage() throws Exception {
        List<String> stages = stages().toList();
        ExecutorService packagers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Run>> packagings = new ArrayList<>();
            for (String stage : stages) {
                Path service = WORK.resolve("stages").resolve(stage);
                Files.createDirectories(service.resolve("target"));
                Files.copy(ROOT.resolve("solutions").resolve(stage).resolve("serverless.yml"), service.resolve("serverless.yml"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(service.resolve("target/accounts-service.jar"), "the template does not depend on the jar's content");
                packagings.add(packagers.submit(() -> run(service, List.of(WORK.resolve("node_modules/.bin/serverless").toString(),
                        "package", "--stage", "dev", "--region", "us-east-1", "--package", "out"), 300)));
            }
            for (int i = 0; i < stages.size(); i++) {
                Run packaging = packagings.get(i).get();
                assertThat(packaging.exitCode()).as("serverless package of %s:\n%s", stages.get(i), packaging.output()).isZero();
            }
        } finally {
            packagers.shutdownNow();
        }
        List<String> lint = new ArrayList<>(List.of("cfn-lint", "--ignore-checks", IGNORED_LINT, "--"));
        stages.forEach(stage -> lint.add(template(stage).toString()));
        lintResult = run(WORK, lint, 600);
    }

    private static Run lintResult;

    private static Path template(String stage) {
        return WORK.resolve("stages").resolve(stage).resolve("out/cloudformation-template-update-stack.json");
    }

    @Test
    void everyTemplateLintsClean() {
        assertThat(lintResult.exitCode()).as("cfn-lint:\n%s", lintResult.output()).isZero();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void givesEachFunctionARoleWithOnlyItsOwnStatements(String stage) throws Exception {
        Path service = WORK.resolve("stages").resolve(stage);
        Path template = template(stage);
        JsonNode resources = JSON.readTree(template.toFile()).path("Resources");
        JsonNode yml = ServerlessYml.read(service.resolve("serverless.yml"));
        boolean inherit = yml.path("custom").path("serverless-iam-roles-per-function").path("defaultInherit").asBoolean(false);
        Set<String> roles = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> functions = yml.path("functions").fields();
        assertThat(functions.hasNext()).as("%s declares functions", stage).isTrue();
        while (functions.hasNext()) {
            Map.Entry<String, JsonNode> function = functions.next();
            String who = stage + " " + function.getKey();
            String roleId = lambdaResource(resources, "momento-accounts-workshop-dev-" + function.getKey())
                    .path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
            assertThat(roleId).as("%s: a role of its own, not the service's shared one", who).isNotEqualTo("IamRoleLambdaExecution");
            assertThat(roles.add(roleId)).as("%s: its role %s is not another function's", who, roleId).isTrue();

            List<Grant> expected = new ArrayList<>();
            if (inherit) {
                yml.path("provider").path("iam").path("role").path("statements").forEach(statement -> expected.add(Grant.of(statement)));
            }
            function.getValue().path("iamRoleStatements").forEach(statement -> expected.add(Grant.of(statement)));
            List<Grant> written = new ArrayList<>();
            for (JsonNode statement : resources.path(roleId).path("Properties").path("Policies").path(0)
                    .path("PolicyDocument").path("Statement")) {
                if (!ADDED.contains(actions(statement))) {
                    written.add(Grant.of(statement));
                }
            }
            assertThat(written).as("%s: the role's statements, less the listed additions, versus serverless.yml's", who)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** A statement as IAM reads it: a single action and a list of one are the same. */
    record Grant(String effect, Set<String> actions, JsonNode resource) {
        static Grant of(JsonNode statement) {
            return new Grant(statement.path("Effect").asText(), PackagedTemplateTest.actions(statement), statement.path("Resource"));
        }
    }

    private static JsonNode lambdaResource(JsonNode resources, String functionName) {
        for (JsonNode resource : resources) {
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")
                    && resource.path("Properties").path("FunctionName").asText().equals(functionName)) {
                return resource;
            }
        }
        throw new AssertionError("no AWS::Lambda::Function named " + functionName + " in the template");
    }

    private static Set<String> actions(JsonNode statement) {
        Set<String> actions = new HashSet<>();
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
            action.forEach(one -> actions.add(one.asText()));
        } else {
            actions.add(action.asText());
        }
        return actions;
    }

    /** Surefire counts a class skipped in @BeforeAll as 0 tests run: say why in the build's output. */
    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println(why);
        }
        assumeTrue(condition, why);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }

    record Run(int exitCode, String output) {
    }

    /** Runs a command without AWS credentials, telemetry or update notices; its output, stdout and stderr together. */
    private static Run run(Path directory, List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("SLS_TELEMETRY_DISABLED", "1");
        environment.put("SLS_NOTIFICATIONS_MODE", "off");
        Path output = Files.createTempFile(WORK, "run", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
