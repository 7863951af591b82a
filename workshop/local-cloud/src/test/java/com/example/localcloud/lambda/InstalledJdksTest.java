package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Finding a JDK of a version where developers and CI keep them, and choosing the JVM per runtime. */
@DisabledOnOs(OS.WINDOWS) // FakeJdk is a shell script
class InstalledJdksTest {

    @TempDir
    Path directory;

    @Test
    void readsTheMajorVersionFromTheReleaseFile() throws IOException {
        assertThat(InstalledJdks.majorVersion(FakeJdk.create(directory.resolve("a"), "21.0.3"))).hasValue(21);
        assertThat(InstalledJdks.majorVersion(FakeJdk.create(directory.resolve("b"), "1.8.0_392"))).hasValue(8);
        assertThat(InstalledJdks.majorVersion(FakeJdk.create(directory.resolve("c"), "25"))).hasValue(25);
        assertThat(InstalledJdks.majorVersion(directory.resolve("not-a-jdk"))).isEmpty();
    }

    @Test
    void findsAJdkInAnInstallDirectoryByItsReleaseFile() throws IOException {
        Path jvms = directory.resolve("jvm");
        FakeJdk.create(jvms.resolve("temurin-17"), "17.0.9");
        Path jdk21 = FakeJdk.create(jvms.resolve("openjdk-amd64"), "21.0.3"); // the name says nothing

        InstalledJdks installed = new InstalledJdks(Map.of(), directory.resolve("home"), List.of(jvms));

        assertThat(installed.find(21)).contains(jdk21);
        assertThat(installed.find(25)).isEmpty();
    }

    @Test
    void findsAMacOsBundle() throws IOException {
        Path bundles = directory.resolve("JavaVirtualMachines");
        Path home = FakeJdk.create(bundles.resolve("temurin-21.jdk/Contents/Home"), "21.0.3");

        assertThat(new InstalledJdks(Map.of(), directory, List.of(bundles)).find(21)).contains(home);
    }

    @Test
    void findsTheJdkThatJavaHomeNVariablesPointAt() throws IOException {
        Path jdk = FakeJdk.create(directory.resolve("hostedtoolcache/21"), "21.0.3");

        assertThat(new InstalledJdks(Map.of("JAVA_HOME_21_X64", jdk.toString()), directory, List.of()).find(21)).contains(jdk);
        assertThat(new InstalledJdks(Map.of("JAVA_HOME_21", jdk.toString()), directory, List.of()).find(21)).contains(jdk);
        assertThat(new InstalledJdks(Map.of("JAVA_HOME_17", jdk.toString()), directory, List.of()).find(17))
                .as("the release file decides, not the variable's name").isEmpty();
    }

    @Test
    void findsTheJdksOfMavenToolchains() throws IOException {
        Path jdk = FakeJdk.create(directory.resolve("jdks/21"), "21.0.3");
        Path userHome = directory.resolve("home");
        Files.createDirectories(userHome.resolve(".m2"));
        Files.writeString(userHome.resolve(".m2/toolchains.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <toolchains>
                  <toolchain>
                    <type>jdk</type>
                    <provides><version>21</version></provides>
                    <configuration><jdkHome>${env.JDKS}/21</jdkHome></configuration>
                  </toolchain>
                </toolchains>
                """);

        InstalledJdks installed = new InstalledJdks(Map.of("JDKS", directory.resolve("jdks").toString()), userHome, List.of());

        assertThat(installed.find(21)).contains(jdk);
    }

    @Test
    void theDeclaredRuntimesJdkRunsTheFunctionsWhenInstalled() throws IOException {
        Path jdk = FakeJdk.create(directory.resolve("jvm/jdk-21"), "21.0.3");
        FunctionJvms jvms = new FunctionJvms(new InstalledJdks(Map.of(), directory, List.of(directory.resolve("jvm"))),
                directory.resolve("current"), 17);

        assertThat(jvms.choose("java21").javaExecutable()).isEqualTo(jdk.resolve("bin/java"));
        assertThat(jvms.choose("java17").javaExecutable()).isEqualTo(directory.resolve("current/bin/java"));
        assertThat(jvms.notes()).isEmpty();
    }

    @Test
    void withoutThatJdkTheCurrentOneRunsThemAndANoteSaysSo() {
        FunctionJvms jvms = new FunctionJvms(new InstalledJdks(Map.of(), directory, List.of()), directory.resolve("current"), 17);

        FunctionJvms.Choice choice = jvms.choose("java21");

        assertThat(choice.javaExecutable()).isEqualTo(directory.resolve("current/bin/java"));
        assertThat(choice.major()).isEqualTo(17);
        assertThat(jvms.notes()).containsExactly(
                "serverless.yml declares java21; no JDK 21 found, the functions run on JDK 17 (set JAVA_HOME_21 to a JDK 21)");
        jvms.choose("java21");
        assertThat(jvms.notes()).as("once per runtime").hasSize(1);
    }

    @Test
    void aRuntimeOlderThanTheLocalBootstrapRunsOnTheCurrentJdkWithANote() throws IOException {
        FakeJdk.create(directory.resolve("jvm/jdk-11"), "11.0.21");
        FunctionJvms jvms = new FunctionJvms(new InstalledJdks(Map.of(), directory, List.of(directory.resolve("jvm"))),
                directory.resolve("current"), 17);

        assertThat(jvms.choose("java11").javaExecutable()).isEqualTo(directory.resolve("current/bin/java"));
        assertThat(jvms.notes()).singleElement().asString().contains("java11", "needs Java 17+", "run on JDK 17");
    }
}
