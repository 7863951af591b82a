package com.example.accounts.errors;

/**
 * An error the caller can act on. The handlers turn it into an HTTP response with this status
 * and {"error": message}; every other exception becomes a 500 with a generic message.
 */
public abstract class ApiException extends RuntimeException {
    private final int statusCode;

    protected ApiException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
