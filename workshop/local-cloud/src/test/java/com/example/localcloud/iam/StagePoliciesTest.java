package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import com.example.localcloud.lambda.FunctionCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePoliciesTest {
    @TempDir
    Path stage;

    /** A statement the local IAM cannot read names the file and the function, so check points at serverless.yml. */
    @Test
    void aStatementThatCannotBeReadNamesServerlessYmlAndTheFunction() throws Exception {
        Files.writeString(stage.resolve("serverless.yml"), """
                service: accounts
                provider:
                  name: aws
                  runtime: java21
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: dynamodb GetItem
                          Resource: '*'
                functions:
                  reader:
                    handler: com.example.Reader
                """);
        ServerlessConfig config = ServerlessConfigLoader.load(stage.resolve("serverless.yml"), new LoadOptions(Map.of(), null, null));

        assertThatThrownBy(() -> StagePolicies.of(config, new FunctionCredentials(config.functions())))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("serverless.yml, the IAM statements of functions.reader (role ")
                .hasMessageEndingWith("IAM action must look like service:Action (wildcards * and ? allowed) or be *, got:"
                        + " dynamodb GetItem");
    }
}
