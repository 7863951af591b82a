package com.example.localcloud.secretsmanager;

import java.util.Arrays;

/**
 * The value of one secret version: either a string or binary, never both.
 *
 * <p>{@link #toString()} never shows the value, so a value cannot end up in a log by accident.
 */
public final class SecretValue {

    private final String string;
    private final byte[] binary;

    private SecretValue(String string, byte[] binary) {
        this.string = string;
        this.binary = binary;
    }

    public static SecretValue ofString(String value) {
        if (value == null) {
            throw new IllegalArgumentException("secret string must not be null");
        }
        return new SecretValue(value, null);
    }

    public static SecretValue ofBinary(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("secret binary must not be null");
        }
        return new SecretValue(null, value.clone());
    }

    /** @return the string, or {@code null} for a binary secret */
    public String string() {
        return string;
    }

    /** @return a copy of the bytes, or {@code null} for a string secret */
    public byte[] binary() {
        return binary == null ? null : binary.clone();
    }

    /** Same kind and same content: what makes a repeated request with the same token idempotent. */
    boolean sameAs(SecretValue other) {
        return other != null && java.util.Objects.equals(string, other.string) && Arrays.equals(binary, other.binary);
    }

    @Override
    public String toString() {
        return string != null ? "SecretValue[string, hidden]" : "SecretValue[binary, hidden]";
    }
}
