package com.example.workshop.tools.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ActivityEventsTest {

    @Test
    void theProducersNamesAreNumberedTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG")); // "%02d" of 1 is "\u0660\u0661" there
            assertThat(ActivityEvents.usernames(2)).containsExactly("activity-user-01", "activity-user-02");
            assertThat(ActivityEvents.organizations(1)).containsExactly("activity-org-01");
        } finally {
            Locale.setDefault(before);
        }
    }
}
