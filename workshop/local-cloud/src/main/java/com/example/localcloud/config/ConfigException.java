package com.example.localcloud.config;

import java.nio.file.Path;

/**
 * A problem in serverless.yml that stops the local cloud from starting. The message names the
 * file, the line (when known), the YAML key path and the offending value, so the attendee can
 * go straight to it.
 */
public final class ConfigException extends RuntimeException {

    private final String keyPath;

    ConfigException(Path file, Integer line, String keyPath, Object value, String reason) {
        super(format(file, line, keyPath, value, reason));
        this.keyPath = keyPath;
    }

    /** The YAML key path of the offending value, e.g. {@code provider.environment.TABLE_NAME}. */
    public String keyPath() {
        return keyPath;
    }

    private static String format(Path file, Integer line, String keyPath, Object value, String reason) {
        StringBuilder message = new StringBuilder().append(file);
        if (line != null) {
            message.append(", line ").append(line);
        }
        message.append(": ").append(keyPath.isEmpty() ? "(top level)" : keyPath);
        if (value != null) {
            message.append(" = ").append(YamlValues.describe(value));
        }
        return message.append(": ").append(reason).toString();
    }
}
