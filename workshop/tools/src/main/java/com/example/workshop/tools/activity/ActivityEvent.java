package com.example.workshop.tools.activity;

/**
 * "User X did Y in organization Z": what the stream consumer stage reads from Kinesis, as JSON.
 * The producer uses the username as the partition key, so one user's events stay in order.
 */
public record ActivityEvent(String eventId, String username, String organization, String action, String occurredAt) {
}
