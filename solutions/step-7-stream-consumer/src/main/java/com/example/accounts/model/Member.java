package com.example.accounts.model;

/**
 * A member in an organization's member list: the membership's username and role, with the user's
 * names. The names are null when the user's record is missing (see {@code AccountService.listMembers}).
 */
public record Member(String username, String firstName, String lastName, Role role) {
}
