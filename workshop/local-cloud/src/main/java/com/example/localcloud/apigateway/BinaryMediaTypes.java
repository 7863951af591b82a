package com.example.localcloud.apigateway;

import java.util.List;
import java.util.Locale;

/**
 * {@code provider.apiGateway.binaryMediaTypes}: a request whose {@code Content-Type} matches one
 * of them reaches a proxy integration base64-encoded ({@code isBase64Encoded: true}); any other
 * body is passed as a UTF-8 string ("By default, API Gateway treats the message body as a text
 * payload", API Gateway developer guide, "Working with binary media types").
 *
 * <p>Matching as API Gateway does: media types compare without their parameters
 * ({@code ;charset=...}) and case-insensitively; {@code *}{@code /*} matches every type,
 * {@code image/*} every {@code image/} subtype. A request without {@code Content-Type} is binary
 * only under {@code *}{@code /*}.
 */
final class BinaryMediaTypes {

    private final List<String> types;

    BinaryMediaTypes(List<String> types) {
        this.types = types.stream().map(type -> mediaType(type)).toList();
    }

    boolean isBinary(String contentType) {
        String type = contentType == null ? "" : mediaType(contentType);
        for (String binary : types) {
            if (binary.equals("*/*") || binary.equals(type)
                    || binary.endsWith("/*") && !type.isEmpty() && type.startsWith(binary.substring(0, binary.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
