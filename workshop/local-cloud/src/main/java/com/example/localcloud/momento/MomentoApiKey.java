package com.example.localcloud.momento;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Momento API key in the "v1" format that the Momento SDK parses with
 * {@code CredentialProvider.fromString(key)}: base64 of
 * {@code {"endpoint":"momento.local","api_key":"<secret>"}}.
 *
 * <p>The SDK derives its hosts from {@code endpoint} ({@code cache.<endpoint>} and
 * {@code control.<endpoint>}, always TLS on port 443) and sends only the {@code api_key} part in
 * the {@code authorization} metadata of every call, so the local server checks that part.
 *
 * <p>{@link #toString()} never shows the secret: keep it out of logs.
 */
public final class MomentoApiKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    // Both values are written into JSON by hand below, so keep them to characters needing no escaping.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._\\-]+");

    private final String endpoint;
    private final String secret;

    private MomentoApiKey(String endpoint, String secret) {
        if (!SAFE.matcher(endpoint).matches() || !SAFE.matcher(secret).matches()) {
            throw new IllegalArgumentException("endpoint and secret may only use [A-Za-z0-9._-]");
        }
        this.endpoint = endpoint;
        this.secret = secret;
    }

    /** A fresh key with 256 random bits of secret, for the given endpoint (e.g. "momento.local"). */
    public static MomentoApiKey generate(String endpoint) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new MomentoApiKey(endpoint, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A key with a chosen secret (tests use it to build a deliberately wrong key). */
    public static MomentoApiKey of(String endpoint, String secret) {
        return new MomentoApiKey(Objects.requireNonNull(endpoint), Objects.requireNonNull(secret));
    }

    public String endpoint() {
        return endpoint;
    }

    /** The part the SDK sends as {@code authorization}; the server compares against it. */
    public String secret() {
        return secret;
    }

    /** The string a user stores (e.g. in Secrets Manager) and passes to {@code fromString}. */
    public String v1Token() {
        String json = "{\"endpoint\":\"" + endpoint + "\",\"api_key\":\"" + secret + "\"}";
        // The SDK decodes with Base64.getDecoder() (the basic alphabet), so encode with the same.
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "MomentoApiKey[endpoint=" + endpoint + ", api_key=<redacted>]";
    }
}
