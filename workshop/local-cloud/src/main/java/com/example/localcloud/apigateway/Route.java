package com.example.localcloud.apigateway;

import java.util.Arrays;
import java.util.List;

/**
 * One API Gateway method: an HTTP method on a resource path such as {@code /users/{username}},
 * integrated with a function.
 *
 * @param method       upper case, or {@code ANY}
 * @param resourcePath the resource, with {@code {name}} parameters and an optional final {@code {name+}}
 * @param functionName the function that serves it
 */
public record Route(String method, String resourcePath, String functionName) {

    List<String> segments() {
        return segmentsOf(resourcePath);
    }

    static List<String> segmentsOf(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return method + " " + resourcePath;
    }
}
