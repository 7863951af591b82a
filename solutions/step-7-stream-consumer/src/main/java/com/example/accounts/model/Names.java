package com.example.accounts.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for usernames and organization names, shared by every entry point. */
public final class Names {
    public static final int MAX_USERNAME_LENGTH = 64;
    public static final int MAX_ORGANIZATION_NAME_LENGTH = 64;

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Letters, digits, spaces, '_' and '-', starting with a letter or digit. */
    private static final Pattern ORGANIZATION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]*");
    private static final Pattern SPACES = Pattern.compile(" +");

    private Names() {
    }

    public static boolean isValidUsername(String username) {
        return username.length() <= MAX_USERNAME_LENGTH && USERNAME.matcher(username).matches();
    }

    public static boolean isValidOrganizationName(String name) {
        return name.length() <= MAX_ORGANIZATION_NAME_LENGTH && ORGANIZATION_NAME.matcher(name).matches();
    }

    /**
     * The slug that identifies an organization: lower case, spaces turned into '-'.
     * "Acme Corp", "acme corp" and "acme-corp" are the same organization.
     */
    public static String organizationSlug(String name) {
        return SPACES.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
