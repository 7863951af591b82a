package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How step 7's check tells a batch summary that counted duplicates, whatever its wording. */
class Step7StreamConsumerTest {

    @Test
    void aSummaryWithAtLeastOneDuplicateIsToldInTheGuidesWordsOrOnesOwn() {
        assertThat(List.of(
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 2 activity events (2 duplicates, 0 malformed): ...",
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 1 activity event (1 duplicate, 0 malformed)",
                "[activityConsumer#1] INFO Summary - 93 new, 5 duplicates",
                "[activityConsumer#1] INFO Summary - duplicates: 3"))
                .allMatch(line -> Step7StreamConsumer.SOME_DUPLICATES.matcher(line).find());
        assertThat(List.of(
                "[activityConsumer#1] INFO ActivityConsumerHandler - Enriched 2 activity events (0 duplicates, 0 malformed): ...",
                "[activityConsumer#1] INFO Summary - duplicates: 0",
                "[activityConsumer#1] INFO Summary - 10 duplicatesX"))
                .noneMatch(line -> Step7StreamConsumer.SOME_DUPLICATES.matcher(line).find());
    }
}
