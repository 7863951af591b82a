package com.example.localcloud.apigateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route for a request as API Gateway (REST API) does: first the resource whose path
 * matches best (a literal segment beats {@code {param}}, which beats {@code {proxy+}}), then the
 * method on that resource ({@code ANY} if there is no exact one). No resource, or no method on
 * it, means 403 "Missing Authentication Token".
 */
public final class RouteTable {

    /** A route that matched, with the values of its path parameters (URL-decoded). */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    /** A resource path, split and ranked once: every request is matched against each. */
    private record Resource(String path, List<String> segments, String specificity) {
    }

    private final List<Route> routes;
    private final List<Resource> resources;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.resources = this.routes.stream().map(Route::resourcePath).distinct()
                .map(path -> new Resource(path, Route.segmentsOf(path), specificity(Route.segmentsOf(path))))
                .toList();
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Match> match(String method, String path) {
        List<String> requested = Route.segmentsOf(path).stream().map(RouteTable::decode).toList();
        Resource best = null;
        Map<String, String> bestParameters = null;
        for (Resource resource : resources) {
            Map<String, String> parameters = parameters(resource.segments(), requested);
            if (parameters != null && (best == null || resource.specificity().compareTo(best.specificity()) > 0)) {
                best = resource;
                bestParameters = parameters;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String resourcePath = best.path();
        Map<String, String> pathParameters = bestParameters;
        List<Route> onResource = routes.stream().filter(route -> route.resourcePath().equals(resourcePath)).toList();
        return onResource.stream().filter(route -> route.method().equals(method)).findFirst()
                .or(() -> onResource.stream().filter(route -> route.method().equals("ANY")).findFirst())
                .map(route -> new Match(route, pathParameters));
    }

    /** The path parameters if {@code template} matches the requested (decoded) segments, else null. */
    private static Map<String, String> parameters(List<String> template, List<String> requested) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) { // greedy: the rest of the path, at least one segment
                if (i != template.size() - 1 || requested.size() <= i) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", requested.subList(i, requested.size())));
                return parameters;
            }
            if (i >= requested.size()) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), requested.get(i));
            } else if (!segment.equals(requested.get(i))) {
                return null;
            }
        }
        return template.size() == requested.size() ? parameters : null;
    }

    /** Compares segment by segment: literal (2) beats parameter (1) beats greedy (0). */
    private static String specificity(List<String> template) {
        StringBuilder rank = new StringBuilder();
        for (String segment : template) {
            rank.append(segment.endsWith("+}") ? '0' : segment.startsWith("{") ? '1' : '2');
        }
        return rank.toString();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
