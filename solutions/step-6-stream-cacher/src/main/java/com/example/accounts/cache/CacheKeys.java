package com.example.accounts.cache;

/** The cache key of each kind of item, shaped like its DynamoDB key. */
public final class CacheKeys {
    private CacheKeys() {
    }

    public static String user(String username) {
        return "user#" + username;
    }

    public static String organization(String organizationName) {
        return "org#" + organizationName;
    }

    public static String membership(String organizationName, String username) {
        return "member#" + organizationName + "#" + username;
    }
}
