package com.example.localcloud.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

    @Test
    void theLastDecisionsAreKeptOldestFirstAndNoMore() {
        DecisionLog log = new DecisionLog((key, action, resource) -> Decision.allowed("arn:aws:iam::000000000000:role/r", action, resource));

        for (int call = 0; call < DecisionLog.KEPT + 5; call++) {
            log.check("KEY", "dynamodb:GetRecords", "stream/" + call);
        }

        List<Decision> kept = log.decisions();
        assertThat(kept).hasSize(DecisionLog.KEPT);
        assertThat(kept.get(0).resource()).as("the five oldest made room").isEqualTo("stream/5");
        assertThat(kept.get(kept.size() - 1).resource()).isEqualTo("stream/" + (DecisionLog.KEPT + 4));
    }
}
