package com.example.accounts.errors;

/** 400: the request itself is wrong (malformed JSON, a missing or invalid field). */
public class BadRequestException extends ApiException {
    public BadRequestException(String message) {
        super(400, message);
    }
}
