package com.example.loadtest.plan;

import com.example.loadtest.data.Membership;
import com.example.loadtest.data.Organization;
import com.example.loadtest.data.SeedData;
import com.example.loadtest.data.User;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The service's write requests, as JSON bodies built by Jackson (names may hold any character). */
public final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /**
     * Seeding in three waves, each of which only needs the ones before: users, then organizations
     * (their founders must exist), then members (their organizations must exist).
     */
    public static List<List<PlannedRequest>> seeding(SeedData data) {
        List<PlannedRequest> users = data.users().stream()
                .map(user -> new PlannedRequest(Endpoint.CREATE_USER, "/users", userJson(user), null, 201))
                .toList();
        List<PlannedRequest> organizations = data.organizations().stream()
                .map(Requests::createOrganization)
                .toList();
        Map<String, String> founders = new HashMap<>();
        data.organizations().forEach(organization -> founders.put(organization.slug(), organization.founder()));
        List<PlannedRequest> members = new ArrayList<>();
        for (Membership membership : data.memberships()) {
            members.add(addMember(membership.organization(), membership.username(), membership.role(),
                    founders.get(membership.organization())));
        }
        return List.of(users, organizations, members);
    }

    static String userJson(User user) {
        return json(Map.of("username", user.username(), "firstName", user.firstName(), "lastName", user.lastName()));
    }

    static PlannedRequest createOrganization(Organization organization) {
        return new PlannedRequest(Endpoint.CREATE_ORGANIZATION, "/organizations",
                json(Map.of("organizationName", organization.name())), organization.founder(), 201);
    }

    static PlannedRequest addMember(String organization, String username, String role, String actingUser) {
        return new PlannedRequest(Endpoint.ADD_MEMBER, "/organizations/" + organization + "/members",
                json(Map.of("memberUsername", username, "role", role)), actingUser, 201);
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(fields)); // sorted: the same bytes every run
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
