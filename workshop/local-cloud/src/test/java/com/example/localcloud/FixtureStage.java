package com.example.localcloud;

import com.example.localcloud.fixtures.EchoHandler;
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
 * A stage directory for tests: the fixture serverless.yml plus target/fixtures.jar, a jar of the
 * fixture handlers only (the Lambda libraries come from the local cloud's bootstrap classpath,
 * as they come from the Java runtime in AWS).
 */
public final class FixtureStage {

    private FixtureStage() {
    }

    public static Path create(Path directory) throws IOException, URISyntaxException {
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
