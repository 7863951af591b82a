package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Runs an environment with Amazon's own runtime interface client (the one in Lambda's Java base
 * images) instead of the local bootstrap, started as those images start it:
 * {@code java -cp <the runtime's jars> AWSLambda <handler>}. Linux only: the client's native HTTP
 * library in its jar is for Linux.
 *
 * <p>That client unpacks its native library to the fixed path {@code /tmp/.libaws-lambda-jni.so}
 * (not {@code java.io.tmpdir}), which is safe on Lambda, where every environment has a {@code /tmp}
 * of its own, but not here, where environments share the machine's: two starting at once overwrite
 * the file while the other loads it (seen: a JVM killed by SIGBUS, another's "file too short").
 * So it is unpacked once, to a file of this test run's, and every environment loads that one
 * through the client's own property for it.
 */
public final class AmazonsRuntimeClient implements EnvironmentCustomizer {

    private static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String NATIVE_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient";
    /** The client reads this property before it unpacks anything: a path to load the library from. */
    private static final String NATIVE_LIBRARY_PROPERTY = NATIVE_CLIENT + ".JNI";

    private static Path nativeLibrary;

    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.runtimeMainClass(MAIN_CLASS);
        spec.runtimeClasspath().clear();
        spec.runtimeClasspath().addAll(List.of(location(MAIN_CLASS),
                location("com.amazonaws.services.lambda.runtime.Context"),
                location("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"),
                location("software.amazon.awssdk.utilslite.SdkInternalThreadLocal")));
        spec.runtimeArguments().add(function.handler());
        spec.jvmArguments().add("-D" + NATIVE_LIBRARY_PROPERTY + "=" + nativeLibrary());
    }

    /** The client's native library for this machine, unpacked from its jar on first use. */
    static synchronized Path nativeLibrary() {
        if (nativeLibrary == null) {
            String resource = "/jni/libaws-lambda-jni.linux-" + architecture() + ".so";
            try (InputStream library = load(NATIVE_CLIENT).getResourceAsStream(resource)) {
                if (library == null) {
                    throw new IllegalStateException("Amazon's runtime interface client has no " + resource);
                }
                Path file = Files.createTempFile("aws-lambda-jni-", ".so");
                file.toFile().deleteOnExit();
                Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
                nativeLibrary = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nativeLibrary;
    }

    /** As the client's jar names its libraries: x86_64 or aarch_64. */
    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
    }

    private static String location(String className) {
        try {
            return Path.of(load(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class, not initialized: the client's NativeClient would load its library into this JVM. */
    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, AmazonsRuntimeClient.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
