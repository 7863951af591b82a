package com.example.localcloud.config;

import java.util.List;
import java.util.Map;

/** Small helpers for the plain Java trees (maps, lists, scalars) that SnakeYAML produces. */
final class YamlValues {

    private YamlValues() {
    }

    /** Shows a value the way it was probably written, e.g. {@code !Ref AccountsTable}. */
    static String describe(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            if (entry.getKey() instanceof String key && Intrinsics.isFunctionName(key)) {
                String shortName = key.startsWith("Fn::") ? key.substring(4) : key;
                return "!" + shortName + " " + describe(entry.getValue());
            }
        }
        if (value instanceof String text) {
            return text.contains(" ") || text.isEmpty() ? "'" + text + "'" : text;
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(describe(list.get(i)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
