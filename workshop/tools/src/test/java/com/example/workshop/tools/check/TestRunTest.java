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
        run.rememberTheSourcesBuilt();

        run.compileAfreshWhenTheSourcesChanged();
        assertThat(compiled).as("the same pom and sources: nothing to compile again").exists();

        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("src/main/java/.DS_Store"), "Finder's");
        Files.writeString(root.resolve("src/main/java/.Clients.java.swp"), "vim's");
        run.compileAfreshWhenTheSourcesChanged();
        assertThat(compiled).as("an editor's or the Finder's files are no change to the code").exists();

        Files.writeString(root.resolve("pom.xml"), "<project>without secretsmanager</project>");
        run.compileAfreshWhenTheSourcesChanged();
        assertThat(root.resolve("target/classes")).as("the old classes would hide the missing dependency").doesNotExist();
    }

    @Test
    void classesDatedLaterThanAnEditAreCompiledAfresh() throws IOException {
        TestRun run = new TestRun(root, root.resolve("maven.log"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path source = Files.createDirectories(root.resolve("src/main/java/com/example")).resolve("AccountService.java");
        Files.writeString(source, "class AccountService { /* reads through the cache */ }");
        Path compiled = Files.createDirectories(root.resolve("target/test-classes/com/example")).resolve("AccountServiceTest.class");
        Files.writeString(compiled, "bytes");
        run.rememberTheSourcesBuilt();
        Files.setLastModifiedTime(compiled, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1))));

        Files.writeString(source, "class AccountService { /* reads DynamoDB only */ }");
        run.compileAfreshWhenTheSourcesChanged();

        assertThat(compiled).as("javac goes by file times: a clock set back leaves the classes newer than the edit").doesNotExist();
    }

    /** A real Maven build of a project with one test that never ends: the check goes on and names it. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 180, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // without the limit
    void aTestThatNeverEndsIsStoppedAndNamed() throws Exception {
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example.workshop</groupId>
                  <artifactId>never-ends</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>5.13.4</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                    </plugins>
                  </build>
                </project>
                """);
        Path tests = Files.createDirectories(root.resolve("src/test/java/com/example"));
        Files.writeString(tests.resolve("PagesTest.java"), """
                package com.example;

                import org.junit.jupiter.api.Test;

                class PagesTest {
                    @Test
                    void readsEveryPage() throws InterruptedException {
                        while (true) { // the first page, again and again
                            Thread.sleep(50);
                        }
                    }

                    @Test
                    void readsOnePage() {
                    }

                    @Test
                    void waitsForAnAnswerThatNeverComes() { // join() takes no interrupt: a mocked call's future never completed
                        new java.util.concurrent.CompletableFuture<Void>().join();
                    }
                }
                """);

        TestRun.Result result = new TestRun(root, root.resolve("target/workshop-check/maven.log"), java.time.Duration.ofSeconds(2))
                .run();

        assertThat(result.outcome()).as("%s", result.errors()).isEqualTo(TestRun.Outcome.TESTS_RAN);
        assertThat(result.tests().cases()).extracting(TestResults.TestCase::method, TestResults.TestCase::failure)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("readsOnePage", null),
                        org.assertj.core.groups.Tuple.tuple("readsEveryPage", "readsEveryPage() timed out after 2 seconds"),
                        org.assertj.core.groups.Tuple.tuple("waitsForAnAnswerThatNeverComes",
                                "waitsForAnAnswerThatNeverComes() timed out after 2 seconds"));
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

    /** An IDE's import of another library class of the same name: its package says which one it was. */
    @Test
    void aSymbolLookedUpInALibrarysClassNamesItWithItsPackage() {
        TestRun run = new TestRun(root, root.resolve("maven.log"));

        List<String> errors = run.compileErrors(List.of(
                "[ERROR] " + root.resolve("src/main/java/com/example/accounts/cache/AccountCache.java") + ":[75,31] cannot find symbol",
                "  symbol:   class Hit",
                "  location: interface momento.sdk.responses.storage.GetResponse"));

        assertThat(errors).containsExactly("src/main/java/com/example/accounts/cache/AccountCache.java:75: cannot find symbol"
                + " (symbol: class Hit, in momento.sdk.responses.storage.GetResponse)");
    }

    /** Step 5's Member with its component renamed: the test's Member::username is an invalid method reference. */
    @Test
    void anInvalidMethodReferenceNamesTheSymbolItLookedFor() {
        TestRun run = new TestRun(root, root.resolve("maven.log"));

        List<String> errors = run.compileErrors(List.of(
                "[ERROR] " + root.resolve("src/test/java/com/example/accounts/ListMembersIntegrationTest.java")
                        + ":[182,40] invalid method reference",
                "[ERROR]   cannot find symbol",
                "[ERROR]     symbol:   method username()",
                "[ERROR]     location: class com.example.accounts.model.Member"));

        assertThat(errors).containsExactly("src/test/java/com/example/accounts/ListMembersIntegrationTest.java:182: invalid method"
                + " reference (symbol: method username(), in Member)");
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

    @Test
    void aCallWithOtherParametersSaysWhichWereRequiredAndWhichFound() {
        TestRun run = new TestRun(root, root.resolve("maven.log"));

        List<String> errors = run.compileErrors(List.of( // as maven-compiler-plugin 3.14 prints it, the second time
                "[ERROR] " + root.resolve("src/main/java/com/example/accounts/Dependencies.java") + ":[22,16] constructor AccountService"
                        + " in class com.example.accounts.service.AccountService cannot be applied to given types;",
                "[ERROR]   required: com.example.accounts.repository.AccountRepository,com.example.accounts.cache.AccountCache",
                "[ERROR]   found:    com.example.accounts.repository.AccountRepository",
                "[ERROR]   reason: actual and formal argument lists differ in length"));

        assertThat(errors).containsExactly("src/main/java/com/example/accounts/Dependencies.java:22: constructor AccountService in class"
                + " com.example.accounts.service.AccountService cannot be applied to given types;"
                + " (required: AccountRepository, AccountCache; found: AccountRepository)");
    }

    /** findOrganization reading with User.class: javac's reason is the clearest part, and is kept. */
    @Test
    void aCallWhoseTypesDoNotFitSaysJavacsReasonToo() {
        TestRun run = new TestRun(root, root.resolve("maven.log"));

        List<String> errors = run.compileErrors(List.of(
                "[ERROR] " + root.resolve("src/main/java/com/example/accounts/service/AccountService.java") + ":[74,21] method read"
                        + " in class com.example.accounts.cache.AccountCache cannot be applied to given types;",
                "[ERROR]   required: java.lang.String,java.lang.Class<T>,java.util.function.Supplier<java.util.Optional<T>>",
                "[ERROR]   found:    java.lang.String,java.lang.Class<com.example.accounts.model.User>,()->repository.findOrganization(name)",
                "[ERROR]   reason: inference variable T has incompatible equality constraints"
                        + " com.example.accounts.model.Organization,com.example.accounts.model.User"));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).endsWith("; reason: inference variable T has incompatible equality constraints"
                + " Organization,User)");
    }

    @Test
    void aPomMavenCannotReadIsToldByTheLineThatNamesWhereNotByMavensPreamble() {
        List<String> output = List.of("[ERROR] Some problems were encountered while processing the POMs:",
                "[FATAL] Non-parseable POM /w/pom.xml: Unrecognised tag: 'dependency' @ line 121, column 17",
                "[ERROR] The build could not read 1 project -> [Help 1]",
                "[ERROR]   The project  (/w/pom.xml) has 1 error",
                "[ERROR]     Non-parseable POM /w/pom.xml: Unrecognised tag: 'dependency' @ line 121, column 17 -> [Help 2]");

        assertThat(TestRun.lastErrors(output)).as("Maven's summary lines take no place of the cause's")
                .containsExactly("Non-parseable POM /w/pom.xml: Unrecognised tag: 'dependency' @ line 121, column 17");
        assertThat(TestRun.lastErrors(List.of("[ERROR] The build could not read 1 project -> [Help 1]")))
                .as("alone, a summary is all there is to say").containsExactly("The build could not read 1 project");
    }
}
