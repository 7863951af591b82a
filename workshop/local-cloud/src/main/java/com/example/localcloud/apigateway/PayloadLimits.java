package com.example.localcloud.apigateway;

/**
 * The size limits a request meets on its way through API Gateway to a function and back.
 *
 * <ul>
 *   <li>API Gateway REST API: payload size 10 MB, not adjustable (quotas page,
 *       https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).</li>
 *   <li>Lambda, synchronous invocation: 6 MB each way. Measured by Zac Charles ("Deep Dive:
 *       Lambda's Request Payload Size Limit", 2022): an event of more than 6,291,456 bytes is
 *       refused ("Request must be smaller than 6291456 bytes for the InvokeFunction operation"),
 *       a response may have 100 bytes more; Lambda's own message for a response says "maximum
 *       allowed payload size (6291556 bytes)" (quoted in DataBiosphere/azul issue #8258).</li>
 * </ul>
 */
public final class PayloadLimits {

    /** API Gateway's request payload limit: 10 MiB. */
    public static final int MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;
    /** Lambda's limit for a synchronous invocation's event: 6 MiB. */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    /** Lambda's limit for a synchronous invocation's response: 6 MiB + 100 bytes. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    private PayloadLimits() {
    }
}
