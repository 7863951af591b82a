package com.example.localcloud.apigateway;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers a function sees besides the client's: what API Gateway (and, for the
 * edge-optimized endpoint the Serverless Framework deploys by default, CloudFront) adds, and what
 * it leaves out.
 *
 * <p>Added, as in the REST API event of the Lambda developer guide's {@code nodejs-apig} sample:
 * {@code X-Amzn-Trace-Id} (X-Ray's {@code Root=1-<epoch seconds, hex>-<24 hex digits>}),
 * {@code X-Forwarded-For} (the client's address, after any the client sent),
 * {@code X-Forwarded-Port} and {@code X-Forwarded-Proto} (how the client reached the gateway:
 * here plain HTTP on the local port), and CloudFront's {@code Via}. {@code Host} is the client's.
 * Left out: {@code Expect} (curl's {@code 100-continue} is answered by the gateway, not passed on).
 */
final class GatewayHeaders {

    private static final HexFormat HEX = HexFormat.of();

    private GatewayHeaders() {
    }

    /** The headers to put in the event, in arrival order, one list of values per name. */
    static Map<String, List<String>> forEvent(IncomingRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (!header.getKey().equalsIgnoreCase("Expect")) {
                headers.computeIfAbsent(header.getKey(), k -> new java.util.ArrayList<>()).add(header.getValue());
            }
        }
        if (!hasHeader(headers, "Host")) {
            headers.put("Host", List.of(request.host()));
        }
        replace(headers, "Via", "1.1 " + randomHex(16) + ".cloudfront.net (CloudFront)");
        replace(headers, "X-Amzn-Trace-Id", traceId());
        String forwardedFor = first(headers, "X-Forwarded-For");
        replace(headers, "X-Forwarded-For", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        replace(headers, "X-Forwarded-Port", Integer.toString(port(request.host())));
        replace(headers, "X-Forwarded-Proto", "http");
        return headers;
    }

    /** X-Ray's trace id format: version 1, the time in seconds (8 hex digits), 96 random bits. */
    static String traceId() {
        return "Root=1-" + String.format("%08x", Instant.now().getEpochSecond()) + "-" + randomHex(12);
    }

    private static int port(String host) {
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']', colon) < 0) {
            try {
                return Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return 80;
            }
        }
        return 80;
    }

    /** Sets a header the gateway owns, dropping the client's value under any spelling of its name. */
    private static void replace(Map<String, List<String>> headers, String name, String value) {
        headers.keySet().removeIf(name::equalsIgnoreCase);
        headers.put(name, List.of(value));
    }

    private static boolean hasHeader(Map<String, List<String>> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> String.join(", ", h.getValue())).findFirst().orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }
}
