package com.example.localcloud.apigateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the local API Gateway received it, independent of the HTTP server library.
 *
 * @param method   e.g. {@code POST}
 * @param path     the URL path, not decoded, e.g. {@code /users/alice}
 * @param query    the raw query string without '?', or null
 * @param headers  name/value pairs in arrival order; a repeated header appears several times
 * @param body     the request body (empty if none)
 * @param sourceIp the client's address
 * @param host     the Host header (what the client called us)
 */
public record IncomingRequest(String method, String path, String query, List<Map.Entry<String, String>> headers,
                              byte[] body, String sourceIp, String host) {
}
