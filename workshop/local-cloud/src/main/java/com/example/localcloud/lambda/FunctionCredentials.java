package com.example.localcloud.lambda;

import com.example.localcloud.config.FunctionConfig;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS credentials each function gets, as Lambda gives each function its role's credentials.
 * The access key id is derived from the function name ({@code LOCALcreateUser}), so a local
 * service that reads it from a request's signature knows which function calls, and thus which
 * IAM statements apply. Letters and digits only: DynamoDB Local rejects anything else.
 */
public final class FunctionCredentials {

    private final Map<String, FunctionConfig> functionsByAccessKey = new HashMap<>();
    private final Map<String, String> accessKeysByFunction = new HashMap<>();
    private final String secretAccessKey;

    public FunctionCredentials(List<FunctionConfig> functions) {
        Set<String> taken = new HashSet<>();
        for (FunctionConfig function : functions) {
            String base = "LOCAL" + function.name().replaceAll("[^A-Za-z0-9]", "");
            String accessKey = base;
            for (int n = 2; !taken.add(accessKey); n++) {
                accessKey = base + n; // two names that differ only in punctuation
            }
            functionsByAccessKey.put(accessKey, function);
            accessKeysByFunction.put(function.name(), accessKey);
        }
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        this.secretAccessKey = java.util.HexFormat.of().formatHex(random);
    }

    public String accessKeyId(FunctionConfig function) {
        return accessKeysByFunction.get(function.name());
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    public String sessionToken(FunctionConfig function) {
        return "local-session-" + accessKeyId(function);
    }

    /** The function an access key id belongs to, e.g. from a request's SigV4 {@code Credential=}. */
    public Optional<FunctionConfig> function(String accessKeyId) {
        return Optional.ofNullable(functionsByAccessKey.get(accessKeyId));
    }
}
