package com.example.localcloud.startup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.localcloud.config.LoadOptions;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.config.ServerlessConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API Gateway's one variable part per level of its resource tree, as a deployment would find it. */
class RouteTreeTest {
    @TempDir
    Path directory;

    @Test
    void twoNamesForTheSameVariablePartAreRefusedWithAwsReason() throws IOException {
        ServerlessConfig config = config("/organizations/{organization}", "/organizations/{org}/members");

        assertThatThrownBy(() -> CloudStartup.oneVariablePerLevel(config))
                .hasMessageContaining("the paths /organizations/{organization} and /organizations/{org}/members name the same"
                        + " part differently, {organization} and {org}")
                .hasMessageContaining("A sibling ({organization}) of this resource already has a variable path part -- only one"
                        + " is allowed");
    }

    @Test
    void theSameNameAtEachLevelAndFixedPartsBesideAVariableAreFine() throws IOException {
        ServerlessConfig config = config("/organizations/{organization}", "/organizations/{organization}/members",
                "/organizations/{organization}/members/{username}", "/organizations/search");

        assertThatCode(() -> CloudStartup.oneVariablePerLevel(config)).doesNotThrowAnyException();
    }

    private ServerlessConfig config(String... paths) throws IOException {
        StringBuilder yml = new StringBuilder("service: accounts\nprovider:\n  name: aws\nfunctions:\n");
        for (int i = 0; i < paths.length; i++) {
            yml.append("  f").append(i).append(":\n    handler: a.B\n    events:\n      - http:\n          method: get\n")
                    .append("          path: ").append(paths[i]).append('\n');
        }
        Path file = Files.writeString(directory.resolve("serverless.yml"), yml);
        return ServerlessConfigLoader.load(file, LoadOptions.defaults());
    }
}
