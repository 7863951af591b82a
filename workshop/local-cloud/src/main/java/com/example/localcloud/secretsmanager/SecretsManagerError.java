package com.example.localcloud.secretsmanager;

import com.example.localcloud.awsjson.AwsServiceError;

/**
 * An error Secrets Manager answers, with its {@code __type} and message as AWS words them; the
 * endpoint turns it into {@code {"__type": type, "Message": message}} with HTTP 400.
 *
 * <p>Messages never contain a secret's value.
 */
public final class SecretsManagerError extends AwsServiceError {

    private SecretsManagerError(String type, String message, int httpStatus) {
        super(type, message, httpStatus);
    }

    static SecretsManagerError secretNotFound() {
        return new SecretsManagerError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.", 400);
    }

    static SecretsManagerError resourceNotFound(String message) {
        return new SecretsManagerError("ResourceNotFoundException", message, 400);
    }

    static SecretsManagerError resourceExists(String message) {
        return new SecretsManagerError("ResourceExistsException", message, 400);
    }

    static SecretsManagerError invalidRequest(String message) {
        return new SecretsManagerError("InvalidRequestException", message, 400);
    }

    static SecretsManagerError invalidParameter(String message) {
        return new SecretsManagerError("InvalidParameterException", message, 400);
    }

    /** AWS's generic request validation failure (e.g. a missing required member). */
    static SecretsManagerError validation(String message) {
        return new SecretsManagerError("ValidationException", message, 400);
    }

    /** What AWS answers when it fails on its side (a fault the local cloud was told to inject). */
    static SecretsManagerError internalServiceError() {
        return new SecretsManagerError("InternalServiceError", "An error occurred on the server side.", 500);
    }

    static SecretsManagerError throttling() {
        return new SecretsManagerError("ThrottlingException", "Rate exceeded", 400);
    }

    static SecretsManagerError internal() {
        return new SecretsManagerError("InternalServiceError", "An internal error occurred in the local Secrets Manager.", 500);
    }
}
