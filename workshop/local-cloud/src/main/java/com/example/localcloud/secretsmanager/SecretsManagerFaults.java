package com.example.localcloud.secretsmanager;

import com.example.localcloud.faults.OperationFaults;

/**
 * Makes chosen Secrets Manager operations fail, for the cold start that cannot read its secret:
 * a server error ({@code InternalServiceError}, HTTP 500, which the AWS SDK retries) or throttling
 * ({@code ThrottlingException}, HTTP 400, retried too), for the next N calls or until cleared.
 *
 * <pre>{@code
 * secretsManager.faults().add("GetSecretValue", SecretsManagerFaults.Kind.INTERNAL_SERVICE_ERROR, -1);
 * }</pre>
 *
 * <p>A fault is checked after the request was validated and authorized (IAM still decides, and
 * records its decision), and answers instead of running the call.
 */
public final class SecretsManagerFaults extends OperationFaults<SecretsManagerFaults.Kind> {

    /** The errors a fault can answer with. */
    public enum Kind {
        /** HTTP 500 {@code InternalServiceError}: "An error occurred on the server side." */
        INTERNAL_SERVICE_ERROR,
        /** HTTP 400 {@code ThrottlingException}: "Rate exceeded" */
        THROTTLING
    }

    static SecretsManagerError errorFor(Kind kind) {
        return switch (kind) {
            case INTERNAL_SERVICE_ERROR -> SecretsManagerError.internalServiceError();
            case THROTTLING -> SecretsManagerError.throttling();
        };
    }
}
