package com.example.localcloud.service;

import java.util.Map;

/**
 * A request to one service's control routes, {@code /_local/<service>/<path>}.
 *
 * @param method     e.g. {@code POST}
 * @param path       after the service's name, e.g. {@code /faults} (empty for the service's root)
 * @param parameters the query string's parameters (the last value of each)
 * @param body       the request body, empty if none
 */
public record ControlRequest(String method, String path, Map<String, String> parameters, byte[] body) {

    /** E.g. {@code "POST /faults"}, for a switch over the routes. */
    public String route() {
        return method + " " + path;
    }

    public String parameter(String name, String absent) {
        return parameters.getOrDefault(name, absent);
    }
}
