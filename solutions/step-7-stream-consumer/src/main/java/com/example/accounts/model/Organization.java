package com.example.accounts.model;

/**
 * An organization. Its name is a slug ("Acme Corp" becomes "acme-corp"), which is also how
 * it is addressed in URLs; see {@link Names#organizationSlug(String)}.
 */
public record Organization(String organizationName, String foundingUser) {
}
