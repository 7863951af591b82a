package com.example.localcloud.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.iam.AccessCheck;
import java.net.URI;

/** The Secrets Manager contract against the local endpoint. */
class LocalSecretsManagerContractTest extends SecretsManagerContract {

    private LocalSecretsManager secretsManager;

    @Override
    URI startTarget() throws Exception {
        secretsManager = LocalSecretsManager.start("us-east-1", "000000000000", AccessCheck.allowAll());
        return secretsManager.endpoint();
    }

    @Override
    void stopTarget() {
        if (secretsManager != null) {
            secretsManager.close();
        }
    }

    @Override
    void checkNotFoundStatus(int statusCode) {
        assertThat(statusCode).as("AWS answers ResourceNotFoundException with HTTP 400").isEqualTo(400);
    }
}
