package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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

    /**
     * A copy of a map or list with {@code resolve} applied to each child (given the child's path),
     * or the value itself when it is neither: the walk that variable and intrinsic resolution share.
     */
    static Object copyResolvingChildren(Object value, String path, BiFunction<Object, String, Object> resolve) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(String.valueOf(key), resolve.apply(child, child(path, String.valueOf(key)))));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(resolve.apply(list.get(i), element(path, i)));
            }
            return copy;
        }
        return value;
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
