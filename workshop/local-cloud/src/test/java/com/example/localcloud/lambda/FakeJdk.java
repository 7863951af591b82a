package com.example.localcloud.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory that looks like a JDK of any version: a {@code release} file and a {@code bin/java}
 * script that runs the test's own java, marking the JVM with {@code -Dlocal.cloud.test.launcher}
 * so that a handler can tell which "JDK" started it. POSIX only (a shell script).
 */
final class FakeJdk {

    private FakeJdk() {
    }

    static Path create(Path home, String javaVersion) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\nOS_NAME=\"Linux\"\n");
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nexec '" + realJava + "' -Dlocal.cloud.test.launcher=" + home.getFileName() + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
