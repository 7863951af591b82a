package com.example.localcloud;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.example.localcloud.fixtures.EchoHandler;
import org.joda.time.DateTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A stage directory for tests: the fixture serverless.yml plus target/fixtures.jar, the fixture
 * handlers with aws-lambda-java-events and its joda-time in {@code lib/} (as a Lambda zip holds
 * its libraries; Amazon's event serializer needs both from the function's code).
 * aws-lambda-java-core and the serializers come from the local cloud's bootstrap classpath, as they
 * come from the Java runtime in AWS.
 */
public final class FixtureStage {

    private FixtureStage() {
    }

    public static Path create(Path directory) throws IOException, URISyntaxException {
        return createWithLibraries(directory, APIGatewayProxyRequestEvent.class, DateTime.class);
    }

    /** The same stage with only the libraries (the jars of these classes) named here in {@code lib/}. */
    public static Path createWithLibraries(Path directory, Class<?>... libraries) throws IOException, URISyntaxException {
        Path testClasses = Path.of(EchoHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(testClasses.resolve("fixture-stage/serverless.yml"), directory.resolve("serverless.yml"));
        Path jar = directory.resolve("target/fixtures.jar");
        Files.createDirectories(jar.getParent());
        Path fixtures = testClasses.resolve("com/example/localcloud/fixtures");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(fixtures)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                out.putNextEntry(new JarEntry(testClasses.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
            for (Class<?> library : libraries) {
                Path jarFile = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
                out.putNextEntry(new JarEntry("lib/" + jarFile.getFileName()));
                Files.copy(jarFile, (OutputStream) out);
                out.closeEntry();
            }
        }
        return directory;
    }

    /** The lines the local cloud logged, for assertions (and echoed to standard output). */
    static final class CapturedLog implements java.util.function.Consumer<String> {
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void accept(String line) {
            System.out.println(line);
            lines.add(line);
        }

        List<String> lines() {
            return lines;
        }
    }
}
