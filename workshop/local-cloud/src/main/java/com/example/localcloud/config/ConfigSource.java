package com.example.localcloud.config;

import java.nio.file.Path;
import java.util.Map;

/** Where the configuration came from: used to build errors that point at file, line and key. */
final class ConfigSource {

    private final Path file;
    private final Map<String, Integer> lines;

    ConfigSource(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    Path file() {
        return file;
    }

    ConfigException error(String keyPath, Object value, String reason) {
        return new ConfigException(file, lineOf(keyPath), keyPath, value, reason);
    }

    /** " (line 57)" for a key's line, as a note about it says where it is; "" when unknown. */
    String at(String keyPath) {
        Integer line = lineOf(keyPath);
        return line == null ? "" : " (line " + line + ")";
    }

    /** The line of the key itself, or of the nearest enclosing key that has one. */
    private Integer lineOf(String keyPath) {
        String path = keyPath;
        while (true) {
            Integer line = lines.get(path);
            if (line != null || path.isEmpty()) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
    }
}
