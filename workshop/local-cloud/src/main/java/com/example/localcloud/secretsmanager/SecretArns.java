package com.example.localcloud.secretsmanager;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secret ARNs as AWS makes them: {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>}.
 * The suffix is why IAM policies name secrets as {@code secret:<name>-??????}.
 */
final class SecretArns {

    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    // "alphanumeric characters, or any of -/_+=.@!", as AWS's own message says; at most 512 long
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9/_+=.@!-]{1,512}");

    private final String prefix;

    SecretArns(String region, String accountId) {
        this.prefix = "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:";
    }

    /** A fresh ARN for a secret of this name (with a new random suffix). */
    String newArn(String name) {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHANUMERICS.charAt(RANDOM.nextInt(ALPHANUMERICS.length())));
        }
        return prefix + name + "-" + suffix;
    }

    static boolean isValidName(String name) {
        return VALID_NAME.matcher(name).matches();
    }

    static boolean isArn(String secretId) {
        return secretId.startsWith("arn:");
    }

    /**
     * The part after {@code :secret:} of an ARN of this region and account: the name itself for a
     * partial ARN ({@code ...:secret:accounts/MomentoApiKey}), name plus suffix for a full one.
     */
    Optional<String> nameOrNameWithSuffix(String arn) {
        return arn.startsWith(prefix) ? Optional.of(arn.substring(prefix.length())) : Optional.empty();
    }
}
