package com.example.localcloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.example.localcloud.config.Deployment;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.bootstrap.LambdaBootstrap;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts the JVM of one execution environment, as Lambda's Java runtime would run it:
 * {@code java -Xmx<memorySize>m ... -cp <the runtime's jars> LambdaBootstrap} (which loads the
 * function's code from the task root with a class loader of its own),
 * in the read-only task root (the unpacked artifact, {@link TaskRoots}), with a private
 * {@code /tmp}, the environment variables Lambda sets, the function's own, its credentials and
 * the local endpoints, on a JDK of the declared runtime's version where one is installed.
 */
final class EnvironmentLauncher {

    /** Variables of this machine the environment keeps: Windows cannot open a socket without SystemRoot. */
    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux");

    private static final List<String> INHERITED = List.of("PATH", "Path", "SystemRoot", "SYSTEMROOT", "windir");

    private final Deployment deployment;
    private final FunctionCredentials credentials;
    private final List<EnvironmentCustomizer> customizers;
    private final FunctionJvms jvms;

    /** The task root each artifact had when it was deployed, and the rebuilds already told. */
    private final Map<Path, Path> deployedRoots = new ConcurrentHashMap<>();
    private final Set<Path> toldRebuilds = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> rebuildNotes;

    /**
     * @param customizers what the local services add (e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}), in order
     * @param jvms        which {@code java} runs which runtime
     */
    EnvironmentLauncher(Deployment deployment, FunctionCredentials credentials, List<EnvironmentCustomizer> customizers,
                        FunctionJvms jvms) {
        this.deployment = deployment;
        this.credentials = credentials;
        this.customizers = List.copyOf(customizers);
        this.jvms = jvms;
    }

    /** The artifact's code at deployment, which a later build's is told apart from. */
    void deployed(Path artifact, Path taskRoot) {
        deployedRoots.putIfAbsent(artifact, taskRoot);
    }

    /** Where to say that a cold start runs a build made after the deployment (not with reload on edit, which expects it). */
    void noteRebuildsTo(Consumer<String> notes) {
        rebuildNotes = notes;
    }

    /** Starts the environment's JVM; its standard output and error go to the sandbox's output file. */
    Process start(FunctionConfig function, String runtimeApi, EnvironmentSandbox sandbox) throws IOException {
        Path taskRoot = TaskRoots.of(function.artifact());
        noteARebuild(function.artifact(), taskRoot);
        sandbox.runsOn(taskRoot);
        EnvironmentSpec spec = spec(function, runtimeApi, taskRoot, sandbox.tmp());
        ProcessBuilder builder = new ProcessBuilder(command(function, spec, sandbox.tmp())).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(sandbox.outputFile().toFile()));
        // stdin stays a pipe that we never write to: when it closes, the environment knows we are gone.
        return builder.start();
    }

    /**
     * A new environment runs the jar as it is now, while the routes, variables and roles are the deployment's: after a
     * build in the same working copy (a check there, another step's use, ./mvnw package), the two may be of different
     * steps, and nothing else shows it. Said once per build.
     */
    void noteARebuild(Path artifact, Path taskRoot) {
        Path deployedRoot = deployedRoots.putIfAbsent(artifact, taskRoot);
        Consumer<String> notes = rebuildNotes;
        if (notes != null && deployedRoot != null && !deployedRoot.equals(taskRoot) && toldRebuilds.add(taskRoot)) {
            notes.accept("Note: " + artifact.getFileName() + " was built again since this local cloud started (a check, a use"
                    + " or ./mvnw package in this working copy?): new execution environments run that build, while the"
                    + " routes, variables and roles stay as serverless.yml had them at the start. To serve your working copy"
                    + " as it is now, all of it, start the local cloud again (-Dwatch=true redeploys on every edit).");
        }
    }

    EnvironmentSpec spec(FunctionConfig function, String runtimeApi, Path taskRoot, Path tmp) {
        EnvironmentSpec spec = new EnvironmentSpec();
        spec.runtimeMainClass(LambdaBootstrap.class.getName());
        spec.runtimeClasspath().addAll(bootstrapClasspath());
        Map<String, String> env = spec.environment();
        INHERITED.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        });
        env.put("LANG", "en_US.UTF-8"); // as on Lambda
        if (LINUX) {
            // Lambda's image has the en_US.UTF-8 locale; many machines (containers, minimal or non-US
            // installs) do not, and a JVM whose locale is missing reads file names and environment
            // variables as ASCII: from a clone under ".../Zoë/..." it could not even load the runtime's
            // classes. C.UTF-8 is in every current glibc; -Duser.country (below) keeps Lambda's en_US.
            env.put("LC_ALL", "C.UTF-8");
        }
        env.putAll(function.environment());
        env.putAll(lambdaVariables(function, runtimeApi, taskRoot));
        // The environment's own /tmp, under every name a runtime or tool looks for
        env.put("TMPDIR", tmp.toString());
        env.put("TMP", tmp.toString());
        env.put("TEMP", tmp.toString());
        customizers.forEach(customizer -> customizer.customize(function, spec));
        return spec;
    }

    /** The variables Lambda itself sets; a function cannot override them. */
    private Map<String, String> lambdaVariables(FunctionConfig function, String runtimeApi, Path taskRoot) {
        String date = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/');
        String runtime = function.runtime() == null ? "java21" : function.runtime();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("AWS_REGION", deployment.region());
        env.put("AWS_DEFAULT_REGION", deployment.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.deployedName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.deployedName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", date + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", function.handler());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId(function));
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", credentials.sessionToken(function));
        // Keep the developer's ~/.aws (profiles, SSO, another region) out, as it is out of a real Lambda.
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "local-cloud-has-no-aws-config");
        env.put("AWS_CONFIG_FILE", nowhere.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", nowhere.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    List<String> command(FunctionConfig function, EnvironmentSpec spec, Path tmp) {
        List<String> command = new ArrayList<>();
        FunctionJvms.Choice jvm = jvms.choose(function.runtime());
        command.add(jvm.javaExecutable().toString());
        command.add("-Xmx" + function.memorySize() + "m");
        // Lambda's java17/java21 runtimes default to the serial collector and C1-only compilation,
        // which start faster; keep the cold start comparable.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8"); // Java 19+ would use the platform's (e.g. Windows') encoding for the pipe
        command.add("-Dstderr.encoding=UTF-8");
        command.add("-Duser.timezone=UTC");
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(jvm.jvmOptions()); // e.g. a JDK 25 standing in for java21: as quiet as JDK 21
        command.addAll(spec.jvmArguments());
        command.add("-cp");
        // The runtime's classes only: the bootstrap loads the function's code from the task root
        // with a class loader of its own, as Lambda's runtime does (FunctionClassLoader).
        command.add(String.join(File.pathSeparator, spec.runtimeClasspath()));
        command.add(spec.runtimeMainClass());
        command.addAll(spec.runtimeArguments());
        return command;
    }

    /**
     * The runtime's class path: the bootstrap's own classes and the Lambda libraries Lambda's Java
     * runtime provides (aws-lambda-java-core, aws-lambda-java-serialization). Not
     * aws-lambda-java-events: on AWS the function's jar brings it. Taken from where this JVM
     * loaded them, which works from Maven, an IDE or a test run alike.
     */
    static List<String> bootstrapClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(LambdaBootstrap.class, Context.class, LambdaEventSerializers.class)) {
            entries.add(locationOf(type));
        }
        return new ArrayList<>(entries);
    }

    /** The jar or class directory {@code type} was loaded from, for an environment's class path. */
    static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
