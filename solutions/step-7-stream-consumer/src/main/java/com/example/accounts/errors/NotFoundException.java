package com.example.accounts.errors;

/** 404: something the request names does not exist. */
public class NotFoundException extends ApiException {
    public NotFoundException(String message) {
        super(404, message);
    }

    public static NotFoundException user(String username) {
        return new NotFoundException("User " + username + " does not exist.");
    }

    public static NotFoundException organization(String organizationName) {
        return new NotFoundException("Organization " + organizationName + " does not exist.");
    }

    public static NotFoundException membership(String organizationName, String username) {
        return new NotFoundException("User " + username + " is not a member of organization " + organizationName + ".");
    }
}
