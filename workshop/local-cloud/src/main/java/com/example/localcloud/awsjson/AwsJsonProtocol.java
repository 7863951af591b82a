package com.example.localcloud.awsjson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AWS service as the shared {@link AwsJsonEndpoint} serves it: its name and target prefix, how
 * large a request may be, how it spells its errors, and its operations.
 */
public interface AwsJsonProtocol {

    /** For messages and thread names, e.g. {@code Secrets Manager}. */
    String serviceName();

    /** The {@code X-Amz-Target} before the operation, e.g. {@code secretsmanager.} or {@code Kinesis_20131202.}. */
    String targetPrefix();

    /** The largest request body the service takes. */
    int maxBodyBytes();

    /** {@code Message} (Secrets Manager) or {@code message} (Kinesis): the services spell it differently. */
    String errorMessageKey();

    /** What the service answers for a failure on its side (the SDKs retry it). */
    AwsServiceError internalError();

    /**
     * Reads and validates a request (throwing the service's {@link AwsServiceError} as AWS would),
     * and names what it needs to be authorized; nothing runs yet.
     *
     * @param signingRegion the region of the request's SigV4 credential scope (the region the
     *                      caller's client was built for), or {@code null} for an unsigned request
     */
    AwsJsonCall prepare(String operation, JsonNode request, WireFormat format, String signingRegion);
}
