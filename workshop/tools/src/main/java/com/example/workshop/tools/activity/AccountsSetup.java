package com.example.workshop.tools.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Creates the users and organizations the activity is about, through the accounts API (so it
 * works the same against the local cloud and a deployed stage). Ones that exist already (409)
 * are kept: the producer can run again and again.
 */
public final class AccountsSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public AccountsSetup(URI apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** Every user, then every organization, founded by the first user. */
    public void create(List<String> usernames, List<String> organizations) throws IOException, InterruptedException {
        for (String username : usernames) {
            post("/users", Map.of("username", username, "firstName", "Activity", "lastName", username), null);
        }
        for (String organization : organizations) {
            post("/organizations", Map.of("organizationName", organization), usernames.get(0));
        }
    }

    private void post(String path, Map<String, String> body, String actingUser) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl.toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (actingUser != null) {
            request.header("Authorization", actingUser);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
