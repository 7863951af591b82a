package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 2's key in an environment variable, which every probe passes locally (the variable is empty there). */
class KeyInTheEnvironmentTest {
    @TempDir
    Path workingCopy;

    private static final String STEP_2 = """
            provider:
              environment:
                CACHE_NAME: accounts-cache
                MOMENTO_API_KEY_SECRET_ID: ${self:custom.momentoSecretId}
            functions:
              getUser:
                handler: com.example.accounts.handlers.GetUserHandler
            """;

    @BeforeEach
    void theFinishedStepsCode() throws Exception {
        Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"));
        writeClients("String secretId = System.getenv(\"MOMENTO_API_KEY_SECRET_ID\");");
    }

    @Test
    void theSecretsNameInTheEnvironmentPasses() throws Exception {
        Files.writeString(workingCopy.resolve("serverless.yml"), STEP_2);

        assertThatCode(() -> KeyInTheEnvironment.expectNone(service())).doesNotThrowAnyException();
    }

    @Test
    void aKeyInServerlessYmlsEnvironmentIsNamed() throws Exception {
        Files.writeString(workingCopy.resolve("serverless.yml"), STEP_2 + "    environment:\n      MOMENTO_API_KEY: ${env:MOMENTO_API_KEY, ''}\n");

        assertThatThrownBy(() -> KeyInTheEnvironment.expectNone(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("serverless.yml, functions.getUser.environment.MOMENTO_API_KEY: the key itself must"
                        + " never sit in an environment variable");
        Files.writeString(workingCopy.resolve("serverless.yml"), STEP_2.replace("CACHE_NAME: accounts-cache",
                "MOMENTO_KEY: ${ssm:/aws/reference/secretsmanager/accounts/MomentoApiKey}"));
        assertThatThrownBy(() -> KeyInTheEnvironment.expectNone(service()))
                .hasMessageStartingWith("serverless.yml, provider.environment.MOMENTO_KEY:");
    }

    @Test
    void theKeyReadFromTheEnvironmentInTheCodeIsNamedEvenAsAFallback() throws Exception {
        Files.writeString(workingCopy.resolve("serverless.yml"), STEP_2);
        writeClients("String fromEnv = System.getenv(\"MOMENTO_API_KEY\");");

        assertThatThrownBy(() -> KeyInTheEnvironment.expectNone(service())).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("Clients.java reads the key from the environment variable MOMENTO_API_KEY")
                .satisfies(failure -> org.assertj.core.api.Assertions.assertThat(((ProbeFailure) failure).file())
                        .hasValue("Clients.java"));

        writeClients("// String fromEnv = System.getenv(\"MOMENTO_API_KEY\"); tried once, never again");
        assertThatCode(() -> KeyInTheEnvironment.expectNone(service())).as("a comment").doesNotThrowAnyException();
    }

    private void writeClients(String line) throws Exception {
        Files.writeString(workingCopy.resolve("src/main/java/com/example/accounts/Clients.java"),
                "package com.example.accounts;\nclass Clients {\n    void read() {\n        " + line + "\n    }\n}\n");
    }

    private LocalService service() {
        return new LocalService(URI.create("http://localhost:1"), List::of, workingCopy);
    }
}
