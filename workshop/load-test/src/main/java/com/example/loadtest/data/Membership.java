package com.example.loadtest.data;

/**
 * A membership to add with {@code POST /organizations/{organization}/members}.
 *
 * @param organization the organization's slug
 * @param username     the member
 * @param role         {@code Owner}, {@code Admin} or {@code Member}
 */
public record Membership(String organization, String username, String role) {
}
