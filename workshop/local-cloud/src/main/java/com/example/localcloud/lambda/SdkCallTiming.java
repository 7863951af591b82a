package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.bootstrap.SdkCallAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import net.bytebuddy.ByteBuddy;

/**
 * Starts each execution environment with {@link SdkCallAgent}, so that every REPORT also says how
 * long the handler waited for its SDK calls ({@link InvocationReport#sdkCallsMs()}). For the load
 * test's {@code profile}: the agent adds to Init, and nothing on AWS does this.
 */
public final class SdkCallTiming implements EnvironmentCustomizer {

    private static Path agentJar;

    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.jvmArguments().add("-javaagent:" + agentJar());
        spec.runtimeClasspath().add(EnvironmentLauncher.locationOf(ByteBuddy.class));
    }

    /**
     * {@code -javaagent} takes a jar; this one holds only the manifest naming the agent class, which
     * the JVM then loads from the class path like the bootstrap's other classes.
     */
    private static synchronized Path agentJar() {
        if (agentJar == null) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Premain-Class", SdkCallAgent.class.getName());
            try {
                Path jar = Files.createTempFile("local-cloud-sdk-call-agent", ".jar");
                jar.toFile().deleteOnExit();
                try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                    // the manifest is the whole jar
                }
                agentJar = jar;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the SDK call agent's jar", e);
            }
        }
        return agentJar;
    }
}
