package com.example.accounts.errors;

/** 403: the acting user may not do this. */
public class ForbiddenException extends ApiException {
    public ForbiddenException(String message) {
        super(403, message);
    }

    public static ForbiddenException cannotAddMembers(String username, String organizationName) {
        return new ForbiddenException("User " + username + " may not add members to organization "
                + organizationName + ": only an Owner or Admin of it can.");
    }
}
