package com.example.accounts.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Something a user did in an organization, as other services send it to the activity stream
 * (Kinesis): one JSON object per record, UTF-8.
 * <pre>
 * {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","username":"alice","organization":"acme-corp",
 *  "action":"viewed-dashboard","occurredAt":"2026-11-23T10:15:30Z"}
 * </pre>
 * The producers use the username as the record's partition key: all the records of one key go
 * to the same shard, in order, so each user's events are consumed in the order they happened.
 *
 * @param eventId      unique per event, chosen by the producer (a UUID). A producer that sends an
 *                     event again sends the same id, so the event is still recorded once.
 * @param username     who did it
 * @param organization where, as the organization's slug ("acme-corp")
 * @param action       what, e.g. "viewed-dashboard"
 * @param occurredAt   when, an ISO-8601 instant, kept as sent
 */
public record ActivityEvent(String eventId, String username, String organization, String action, String occurredAt) {
    /** The longest eventId or action accepted. */
    public static final int MAX_TEXT_LENGTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads an event from a record's JSON. Every check here keeps out a record that could never
     * be recorded: an eventId too long for a DynamoDB key (2,048 bytes; the 200 characters allowed
     * here stay below that in any script), or an action that makes the item too big, would fail on
     * every retry and hold up the shard. Names follow the same rules
     * as the API's (see {@link Names}); fields this class does not know are ignored.
     *
     * @throws IllegalArgumentException saying what is wrong, when the JSON is not an activity event
     */
    public static ActivityEvent fromJson(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String eventId = text(event, "eventId");
        String username = text(event, "username");
        String organization = text(event, "organization");
        String action = text(event, "action");
        String occurredAt = text(event, "occurredAt");
        if (eventId.length() > MAX_TEXT_LENGTH || action.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("eventId and action must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (!Names.isValidUsername(username)) {
            throw new IllegalArgumentException("username is not a valid username");
        }
        if (!Names.isValidOrganizationName(organization)) {
            throw new IllegalArgumentException("organization is not a valid organization name");
        }
        try {
            Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt is not an ISO-8601 instant");
        }
        // Like the API, "Acme Corp" means the organization acme-corp.
        return new ActivityEvent(eventId, username, Names.organizationSlug(organization), action, occurredAt);
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException(field + " is missing, blank or not a string");
        }
        return value.textValue();
    }
}
