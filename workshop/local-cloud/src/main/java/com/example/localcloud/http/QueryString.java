package com.example.localcloud.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL's query string ({@code a=1&b=x%20y&a=2}) as name -> values, decoded, in arrival order.
 * The one parser for both API Gateway's events and the local cloud's own {@code /_local} routes.
 */
public final class QueryString {

    private QueryString() {
    }

    /** @param query the raw query string without '?', or null */
    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /**
     * Whether every {@code %} of the raw query starts a whole escape ({@code %25}, not {@code %},
     * {@code %2} or {@code %zz}): API Gateway answers 400 to a query that is not.
     */
    public static boolean isWellFormed(String query) {
        try {
            parse(query);
            return true;
        } catch (IllegalArgumentException badEscape) {
            return false;
        }
    }

    /** The single-value form (as API Gateway's {@code queryStringParameters}): the last value of each name. */
    public static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        return single;
    }
}
