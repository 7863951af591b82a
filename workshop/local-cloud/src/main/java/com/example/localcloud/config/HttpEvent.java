package com.example.localcloud.config;

/**
 * An {@code http} event of a function: API Gateway (REST API) sends {@code method path} to it.
 *
 * @param method upper case, or {@code ANY}
 * @param path   starts with '/', may hold {@code {name}} and a final {@code {name+}}
 */
public record HttpEvent(String method, String path) {

    @Override
    public String toString() {
        return method + " " + path;
    }
}
