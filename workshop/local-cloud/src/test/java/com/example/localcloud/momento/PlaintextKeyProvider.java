package com.example.localcloud.momento;

import momento.sdk.auth.CredentialProvider;
import momento.sdk.auth.StringCredentialProvider;

/**
 * For in-process tests: sends a real key to the local server's plaintext port. The SDK's own
 * MomentoLocalProvider is plaintext too but always sends an empty key, and fromString(key) always
 * means TLS on port 443. The key is parsed by the SDK itself, so the v1 format is checked too.
 */
final class PlaintextKeyProvider extends CredentialProvider {

    private final String authToken;
    private final int port;

    PlaintextKeyProvider(String v1ApiKey, int port) {
        this.authToken = new StringCredentialProvider(v1ApiKey).getAuthToken();
        this.port = port;
    }

    @Override
    public String getAuthToken() {
        return authToken;
    }

    @Override
    public String getControlEndpoint() {
        return "127.0.0.1";
    }

    @Override
    public String getCacheEndpoint() {
        return "127.0.0.1";
    }

    @Override
    public String getStorageEndpoint() {
        return "127.0.0.1";
    }

    @Override
    public String getTokenEndpoint() {
        return "127.0.0.1";
    }

    @Override
    public boolean isEndpointSecure() {
        return false;
    }

    @Override
    public int getPort() {
        return port;
    }
}
