package com.example.accounts.errors;

/** 409: what the request would create already exists. */
public class ConflictException extends ApiException {
    public ConflictException(String message) {
        super(409, message);
    }

    public static ConflictException userExists(String username) {
        return new ConflictException("User " + username + " already exists.");
    }

    public static ConflictException organizationExists(String organizationName) {
        return new ConflictException("Organization " + organizationName + " already exists.");
    }

    public static ConflictException organizationBeingCreated(String organizationName) {
        return new ConflictException("Organization " + organizationName + " is being created by another request; try again.");
    }

    public static ConflictException membershipExists(String organizationName, String username) {
        return new ConflictException("User " + username + " is already a member of organization " + organizationName + ".");
    }
}
