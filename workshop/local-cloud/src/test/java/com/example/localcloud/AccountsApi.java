package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The workshop's accounts API, called through real HTTP on a local cloud's API Gateway. */
final class AccountsApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param text the body as it came, e.g. to see whether it ends with a line break */
    record Reply(int status, JsonNode json, String text) {
        String error() {
            return json.path("error").asText(null);
        }
    }

    private final URI base;

    AccountsApi(URI base) {
        this.base = base;
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Reply post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** Creates a user with a fresh name starting with {@code prefix}, and returns the name. */
    String createUser(String prefix) throws Exception {
        String username = unique(prefix);
        Reply created = post("/users", "{\"username\":\"" + username + "\",\"firstName\":\"F\",\"lastName\":\"L\"}", null);
        assertThat(created.status()).isEqualTo(201);
        return username;
    }

    /** Creates an organization with a fresh name, founded by {@code founder}, and returns its slug. */
    String createOrganization(String founder) throws Exception {
        String organization = unique("org");
        assertThat(post("/organizations", "{\"organizationName\":\"" + organization + "\"}", founder).status()).isEqualTo(201);
        return organization;
    }

    Reply addMember(String organization, String member, String role, String actingUser) throws Exception {
        return post("/organizations/" + organization + "/members",
                "{\"memberUsername\":\"" + member + "\",\"role\":\"" + role + "\"}", actingUser);
    }

    Reply getMembership(String organization, String username) throws Exception {
        return get("/organizations/" + organization + "/members/" + username);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private URI uri(String path) {
        return URI.create(base + path.replace(" ", "%20"));
    }

    private static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
    }
}
