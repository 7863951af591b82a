package com.example.accounts.service;

/** The cache key of each kind of item, shaped like its DynamoDB key. */
final class CacheKeys {
    private CacheKeys() {
    }

    static String user(String username) {
        return "user#" + username;
    }

    static String organization(String organizationName) {
        return "org#" + organizationName;
    }

    static String membership(String organizationName, String username) {
        return "member#" + organizationName + "#" + username;
    }
}
