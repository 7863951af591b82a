package com.example.localcloud.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = new RouteTable(List.of(
            new Route("POST", "/users", "createUser"),
            new Route("GET", "/users/{username}", "getUser"),
            new Route("GET", "/users/me", "getMe"),
            new Route("GET", "/organizations/{organization}/members/{username}", "getMembership"),
            new Route("ANY", "/files/{path+}", "files"),
            new Route("DELETE", "/files/{path+}", "deleteFile")));

    @Test
    void matchesALiteralPath() {
        assertThat(routes.match("POST", "/users")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("createUser"))
                .satisfies(match -> assertThat(match.pathParameters()).isEmpty());
    }

    @Test
    void extractsPathParametersUrlDecoded() {
        assertThat(routes.match("GET", "/organizations/acme%20corp/members/alice")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("getMembership"))
                .satisfies(match -> assertThat(match.pathParameters())
                        .containsExactly(Map.entry("organization", "acme corp"), Map.entry("username", "alice")));
    }

    @Test
    void literalSegmentBeatsParameter() {
        assertThat(routes.match("GET", "/users/me")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("getMe"));
        assertThat(routes.match("GET", "/users/bob")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("getUser"));
    }

    @Test
    void greedyParameterTakesOneOrMoreSegments() {
        assertThat(routes.match("GET", "/files/a/b/c.txt")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("files"))
                .satisfies(match -> assertThat(match.pathParameters()).containsExactly(Map.entry("path", "a/b/c.txt")));
        assertThat(routes.match("GET", "/files")).isEmpty();
    }

    @Test
    void exactMethodBeatsAny() {
        assertThat(routes.match("DELETE", "/files/a")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("deleteFile"));
        assertThat(routes.match("PUT", "/files/a")).get()
                .satisfies(match -> assertThat(match.route().functionName()).isEqualTo("files"));
    }

    @Test
    void trailingSlashIsTheSameResource() {
        assertThat(routes.match("POST", "/users/")).isPresent();
    }

    @Test
    void unknownPathOrMethodHasNoRoute() {
        assertThat(routes.match("GET", "/nothing")).isEmpty();
        assertThat(routes.match("GET", "/users/a/b")).isEmpty();
        assertThat(routes.match("DELETE", "/users/bob")).isEmpty();
        assertThat(routes.match("GET", "/users")).isEmpty();
    }

    @Test
    void methodIsLookedUpOnTheBestResourceOnly() {
        // As in API Gateway: /users/me is the resource for this path, and it has no POST.
        RouteTable table = new RouteTable(List.of(new Route("POST", "/users/{username}", "update"), new Route("GET", "/users/me", "me")));

        assertThat(table.match("POST", "/users/me")).isEmpty();
    }
}
