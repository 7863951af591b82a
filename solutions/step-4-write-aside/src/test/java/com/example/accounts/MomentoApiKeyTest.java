package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MomentoApiKeyTest {
    private static final String SECRET_ID = "accounts/MomentoApiKey";

    @Test
    void readsTheKeyFromTheSecretsJson() {
        assertThat(MomentoApiKey.parse("{\"MOMENTO_API_KEY\":\"k-123\"}", SECRET_ID)).isEqualTo("k-123");
    }

    @ParameterizedTest
    // k123 is one token to a JSON parser: a message that quotes the text the parser failed on names it.
    @ValueSource(strings = {"", "k123-not-json", "{\"MOMENTO_API_KEY\":k123}", "{\"OTHER\":\"k123\"}", "{\"MOMENTO_API_KEY\":\"  \"}",
            "{\"MOMENTO_API_KEY\":123}", "[\"k123\"]"})
    void aMalformedSecretNamesTheSecretButNeverShowsItsContent(String secret) {
        assertThatThrownBy(() -> MomentoApiKey.parse(secret, SECRET_ID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SECRET_ID)
                .hasMessageNotContaining("k123")
                .hasNoCause();
    }
}
