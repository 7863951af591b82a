package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMediaTypesTest {

    @Test
    void exactTypeSubtypeWildcardAndEverything() {
        BinaryMediaTypes types = new BinaryMediaTypes(List.of("image/*", "application/pdf"));

        assertThat(types.isBinary("image/png")).isTrue();
        assertThat(types.isBinary("IMAGE/JPEG;q=1")).isTrue();
        assertThat(types.isBinary("application/pdf; charset=binary")).isTrue();
        assertThat(types.isBinary("application/pdfx")).isFalse();
        assertThat(types.isBinary("imagery/png")).isFalse();
        assertThat(types.isBinary("text/plain")).isFalse();
        assertThat(types.isBinary(null)).isFalse();
        assertThat(new BinaryMediaTypes(List.of("*/*")).isBinary("application/json")).isTrue();
        assertThat(new BinaryMediaTypes(List.of("*/*")).isBinary(null)).isTrue();
        assertThat(new BinaryMediaTypes(List.of()).isBinary("image/png")).isFalse();
    }
}
