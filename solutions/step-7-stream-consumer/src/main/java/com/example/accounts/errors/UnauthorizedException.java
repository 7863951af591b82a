package com.example.accounts.errors;

/** 401: the request does not say who is acting. */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(String message) {
        super(401, message);
    }
}
