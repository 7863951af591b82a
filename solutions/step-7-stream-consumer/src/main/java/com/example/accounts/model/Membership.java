package com.example.accounts.model;

/** A user's membership in an organization, with the role that says what they may do there. */
public record Membership(String organizationName, String memberUsername, Role role) {
}
