package com.example.loadtest.plan;

/** The routes of the accounts service the load test calls; results are reported per route. */
public enum Endpoint {
    GET_USER("GET", "/users/{username}"),
    GET_ORGANIZATION("GET", "/organizations/{organization}"),
    GET_MEMBERSHIP("GET", "/organizations/{organization}/members/{username}"),
    /** The fan-out read (bonus stage): 1 query for the memberships + 1 read per member for the names. */
    LIST_MEMBERS("GET", "/organizations/{organization}/members"),
    CREATE_USER("POST", "/users"),
    CREATE_ORGANIZATION("POST", "/organizations"),
    ADD_MEMBER("POST", "/organizations/{organization}/members");

    private final String method;
    private final String route;

    Endpoint(String method, String route) {
        this.method = method;
        this.route = route;
    }

    public String method() {
        return method;
    }

    /** E.g. {@code GET /users/{username}}: how reports name it. */
    public String label() {
        return method + " " + route;
    }

    public boolean isFanOut() {
        return this == LIST_MEMBERS;
    }
}
