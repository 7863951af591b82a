package com.example.localcloud.lambda.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader Lambda's Java runtime gives a function's code, apart from its own: the task
 * root (classes, resources), then the jars in its {@code lib/} in name order, with the runtime's
 * class loader (aws-lambda-java-core, the serializers, this bootstrap) as parent, so those
 * classes come from the runtime even when the function's jar has a copy.
 *
 * <p>The runtime sets it as the main thread's context class loader before it loads the handler.
 * A thread the function starts inherits it; a thread of the common {@code ForkJoinPool} does not
 * (its context class loader is the system class loader, which cannot see the function's
 * classes). Code that looks classes or resources up through the context class loader (service
 * loaders, some SDKs) then behaves here as it does on AWS.
 */
public final class FunctionClassLoader {

    private FunctionClassLoader() {
    }

    /** A class loader over {@code taskRoot}'s code, its parent the runtime's (this class's) class loader. */
    public static URLClassLoader of(Path taskRoot) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath(taskRoot)) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Not a class path entry: " + entry, e);
            }
        }
        return new URLClassLoader("function", urls.toArray(URL[]::new), FunctionClassLoader.class.getClassLoader());
    }

    /** The task root, then the jars in its {@code lib/} in name order (as Lambda's runtime sorts them). */
    public static List<Path> classpath(Path taskRoot) {
        List<Path> entries = new ArrayList<>();
        entries.add(taskRoot);
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }
}
