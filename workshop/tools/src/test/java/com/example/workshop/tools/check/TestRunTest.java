package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac's errors, as Maven prints them, become one line each: file, line, message, and what was missing where. */
class TestRunTest {

    @TempDir
    Path root;

    @Test
    void classesCompiledAgainstAnotherPomAreCompiledAfresh() throws IOException {
        TestRun run = new TestRun(root, root.resolve("maven.log"));
        Files.writeString(root.resolve("pom.xml"), "<project>with secretsmanager</project>");
        Path compiled = Files.createDirectories(root.resolve("target/classes/com/example")).resolve("Clients.class");
        Files.writeString(compiled, "bytes");
        run.rememberThePomBuilt();

        run.compileAfreshWhenThePomChanged();
        assertThat(compiled).as("the same pom: javac's own change detection is enough").exists();

        Files.writeString(root.resolve("pom.xml"), "<project>without secretsmanager</project>");
        run.compileAfreshWhenThePomChanged();
        assertThat(root.resolve("target/classes")).as("the old classes would hide the missing dependency").doesNotExist();
    }

    @Test
    void aSymbolLookedUpInAnotherClassNamesThatClass() {
        TestRun run = new TestRun(root, root.resolve("maven.log"));

        List<String> errors = run.compileErrors(List.of(
                "[ERROR] " + root.resolve("src/main/java/com/example/accounts/handlers/StreamCacherHandler.java") + ":[33,41] cannot find symbol",
                "  symbol:   method streamCacher()",
                "  location: class com.example.accounts.Dependencies",
                "[ERROR] " + root.resolve("src/main/java/com/example/accounts/service/AccountService.java") + ":[69,21] cannot find symbol",
                "[ERROR]   symbol:   method readd(java.lang.String)",
                "[ERROR]   location: variable cache of type com.example.accounts.cache.AccountCache"));

        assertThat(errors).containsExactly(
                "src/main/java/com/example/accounts/handlers/StreamCacherHandler.java:33: cannot find symbol"
                        + " (symbol: method streamCacher(), in Dependencies)",
                "src/main/java/com/example/accounts/service/AccountService.java:69: cannot find symbol"
                        + " (symbol: method readd(java.lang.String), in AccountCache)");
    }

    @Test
    void aSymbolMissingFromTheErrorsOwnClassNamesOnlyTheSymbol() {
        TestRun run = new TestRun(root, root.resolve("maven.log"));

        List<String> errors = run.compileErrors(List.of(
                "[ERROR] " + root.resolve("src/test/java/com/example/accounts/TestCaches.java") + ":[3,8] cannot find symbol",
                "  symbol:   class AccountCache",
                "  location: class com.example.accounts.TestCaches",
                "[ERROR] " + root.resolve("src/main/java/com/example/accounts/cache/AccountCache.java") + ":[116,19] 'void' type not allowed here"));

        assertThat(errors).containsExactly(
                "src/test/java/com/example/accounts/TestCaches.java:3: cannot find symbol (symbol: class AccountCache)",
                "src/main/java/com/example/accounts/cache/AccountCache.java:116: 'void' type not allowed here");
    }
}
