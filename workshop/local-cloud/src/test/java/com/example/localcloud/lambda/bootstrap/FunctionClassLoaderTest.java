package com.example.localcloud.lambda.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function's own class loader, as Lambda's Java runtime builds it from the task root. */
class FunctionClassLoaderTest {

    private static final String FUNCTION_CLASS = "com.example.onlyinthetaskroot.Handler";

    @TempDir
    Path taskRoot;

    @Test
    void classpathIsTheTaskRootThenItsLibJarsInNameOrder() throws IOException {
        Files.createDirectories(taskRoot.resolve("lib"));
        for (String file : new String[] {"lib/zeta.jar", "lib/alpha.jar", "lib/notes.txt"}) {
            Files.writeString(taskRoot.resolve(file), file);
        }

        assertThat(FunctionClassLoader.classpath(taskRoot))
                .containsExactly(taskRoot, taskRoot.resolve("lib/alpha.jar"), taskRoot.resolve("lib/zeta.jar"));
    }

    @Test
    void theFunctionsClassesComeFromItsOwnLoaderAndTheRuntimesFromTheRuntime() throws Exception {
        new ByteBuddy().subclass(Object.class).name(FUNCTION_CLASS).make().saveIn(taskRoot.toFile());

        try (URLClassLoader functionCode = FunctionClassLoader.of(taskRoot)) {
            assertThat(functionCode.loadClass(FUNCTION_CLASS).getClassLoader()).isSameAs(functionCode);
            assertThat(functionCode.loadClass(Context.class.getName())).as("a runtime class, from the runtime").isSameAs(Context.class);
        }
        assertThatThrownBy(() -> ClassLoader.getSystemClassLoader().loadClass(FUNCTION_CLASS))
                .as("the runtime's class loader does not see the function's code")
                .isInstanceOf(ClassNotFoundException.class);
    }
}
