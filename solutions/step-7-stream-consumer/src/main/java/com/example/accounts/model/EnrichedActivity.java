package com.example.accounts.model;

import java.time.Instant;

/**
 * An activity event with what the activity consumer looked up about it.
 *
 * @param event        the event as it came
 * @param user         the user who did it; null when there is no such user
 * @param organization the organization it happened in; null when there is no such organization
 * @param enrichedAt   when it was looked up
 */
public record EnrichedActivity(ActivityEvent event, User user, Organization organization, Instant enrichedAt) {

    public boolean userFound() {
        return user != null;
    }

    public boolean organizationFound() {
        return organization != null;
    }
}
