package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {
    private final List<String> log = new ArrayList<>();
    private final SecretMasking masking = new SecretMasking(List.of("eyJrZXkiOiJzM2NyM3QifQ==", "s3cr3t"), log::add);

    @Test
    void aLineWithTheKeyIsMaskedAndTheNextLineSaysWhoLoggedIt() {
        masking.accept("[getUser#1] INFO MomentoApiKey - Loaded key eyJrZXkiOiJzM2NyM3QifQ== from accounts/MomentoApiKey");
        masking.accept("[getUser#1] DEBUG x - the secret part s3cr3t alone");

        assertThat(log).containsExactly(
                "[getUser#1] INFO MomentoApiKey - Loaded key ******** from accounts/MomentoApiKey",
                "[getUser#1] " + SecretMasking.NOTE + ": a secret must never be logged (log the secret's id, never its value)",
                "[getUser#1] DEBUG x - the secret part ******** alone",
                "[getUser#1] " + SecretMasking.NOTE + ": a secret must never be logged (log the secret's id, never its value)");
    }

    @Test
    void aPieceOfTheKeyIsMaskedTooAsAKeyLoggedInPartsLeaksAllTheSame() {
        masking.accept("[getUser#1] INFO x - key starts eyJrZXkiOiJzM2NyM3Q, ends ifQ==");

        assertThat(log).containsExactly("[getUser#1] INFO x - key starts ********, ends ifQ==",
                "[getUser#1] " + SecretMasking.NOTE + ": a secret must never be logged (log the secret's id, never its value)");
    }

    @Test
    void otherLinesPassUnchanged() {
        masking.accept("[getUser#1] REPORT RequestId: 1\tDuration: 2.00 ms");
        masking.accept("Note: not a function's line");
        masking.accept("[getUser#1] INFO x - fifteen chars eyJrZXkiOiJzM2N only");

        assertThat(log).containsExactly("[getUser#1] REPORT RequestId: 1\tDuration: 2.00 ms", "Note: not a function's line",
                "[getUser#1] INFO x - fifteen chars eyJrZXkiOiJzM2N only");
    }
}
