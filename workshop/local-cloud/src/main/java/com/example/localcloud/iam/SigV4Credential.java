package com.example.localcloud.iam;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/dynamodb/aws4_request, SignedHeaders=..., Signature=...}.
 *
 * <p>The local cloud identifies callers by the access key id only; it does not verify signatures
 * (every secret key is a throwaway, and nothing here is reachable beyond loopback).
 *
 * @param accessKeyId e.g. {@code AKID}
 * @param date        {@code yyyyMMdd}
 * @param region      the region the request was signed for
 * @param service     the signing name, e.g. {@code dynamodb} or {@code secretsmanager}
 */
public record SigV4Credential(String accessKeyId, String date, String region, String service) {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "^AWS4-HMAC-SHA256\\s+(?:.*[\\s,])?Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\b");

    /** @return the credential, or empty if the header is absent or not a SigV4 header */
    public static Optional<SigV4Credential> fromAuthorizationHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher matcher = CREDENTIAL.matcher(authorization.trim());
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new SigV4Credential(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }

    /** The access key id of a SigV4 header, or {@code null} if there is none. */
    public static String accessKeyIdOf(String authorization) {
        return fromAuthorizationHeader(authorization).map(SigV4Credential::accessKeyId).orElse(null);
    }
}
