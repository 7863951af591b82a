package com.example.localcloud.apigateway;

import java.util.List;
import java.util.Map;

/**
 * The HTTP response the local API Gateway sends back.
 *
 * @param status  the HTTP status
 * @param headers name/value pairs; a name may repeat
 * @param body    the bytes of the body
 */
public record OutgoingResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
}
