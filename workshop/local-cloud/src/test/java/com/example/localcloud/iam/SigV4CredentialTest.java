package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigV4CredentialTest {

    @Test
    void readsTheCredentialScopeOfASigV4Header() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIDGETUSER/20261123/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123abcd";

        assertThat(SigV4Credential.fromAuthorizationHeader(header))
                .contains(new SigV4Credential("AKIDGETUSER", "20261123", "us-east-1", "dynamodb"));
        assertThat(SigV4Credential.accessKeyIdOf(header)).isEqualTo("AKIDGETUSER");
    }

    @Test
    void toleratesOtherParameterOrderAndSpacing() {
        String header = "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date,Credential=AKID2/20261123/eu-west-1/secretsmanager/aws4_request,Signature=ff";

        assertThat(SigV4Credential.fromAuthorizationHeader(header)).hasValueSatisfying(credential -> {
            assertThat(credential.accessKeyId()).isEqualTo("AKID2");
            assertThat(credential.region()).isEqualTo("eu-west-1");
            assertThat(credential.service()).isEqualTo("secretsmanager");
        });
    }

    @Test
    void anythingElseHasNoCredential() {
        assertThat(SigV4Credential.fromAuthorizationHeader(null)).isEmpty();
        assertThat(SigV4Credential.fromAuthorizationHeader("")).isEmpty();
        assertThat(SigV4Credential.fromAuthorizationHeader("Bearer abc")).isEmpty();
        assertThat(SigV4Credential.fromAuthorizationHeader("AWS AKID:signature")).isEmpty();
        assertThat(SigV4Credential.fromAuthorizationHeader("AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1/dynamodb/aws4_request")).isEmpty();
        assertThat(SigV4Credential.accessKeyIdOf("AWS4-HMAC-SHA256 Signature=x")).isNull();
    }
}
