package com.example.localcloud.awsjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void theContentTypeChoosesTheFormat() {
        assertThat(WireFormat.ofContentType("application/x-amz-cbor-1.1")).isSameAs(WireFormat.CBOR);
        assertThat(WireFormat.ofContentType("application/x-amz-json-1.0")).isSameAs(WireFormat.JSON);
        assertThat(WireFormat.ofContentType(null)).isSameAs(WireFormat.JSON);
    }

    @Test
    void aContentTypeInCapitalsIsReadTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // lower-cases "I" to a dotless "\u0131"
            assertThat(WireFormat.ofContentType("APPLICATION/X-AMZ-CBOR-1.1")).isSameAs(WireFormat.CBOR);
        } finally {
            Locale.setDefault(before);
        }
    }
}
