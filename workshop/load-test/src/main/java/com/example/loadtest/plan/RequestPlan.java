package com.example.loadtest.plan;

import com.example.loadtest.data.Organization;
import com.example.loadtest.data.SeedData;
import com.example.loadtest.data.User;
import com.example.loadtest.plan.RequestMix.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The requests of a run, in a sequence fixed by the seed: every target gets the same requests in
 * the same order (workers take them in that order; which worker sends which one is up to timing).
 *
 * <p>Reads only ask for what seeding created, so their expected answers do not depend on timing:
 * member lookups expect 200, outsiders' lookups 404. Writes never touch what is read: new users get
 * fresh names, and members are added from each organization's candidates, each pair at most once
 * (when candidates run out, that draw becomes a read). A warm-up plan and a measured plan on the
 * same data use different halves of the candidates, so neither adds a member the other added.
 */
public final class RequestPlan implements RequestSource {

    /** What a plan is for; each has its own new-user names and its own half of the candidates. */
    public enum Purpose {
        MEASURED("m", 0), WARM_UP("w", 1);

        private final String label;
        private final int candidateParity;

        Purpose(String label, int candidateParity) {
            this.label = label;
            this.candidateParity = candidateParity;
        }
    }

    private final SeedData data;
    private final RequestMix mix;
    private final long limit;
    private final String newUserPrefix;
    private final Random random;
    private final Popularity userPopularity;
    private final Popularity organizationPopularity;
    private final List<Organization> organizations;
    private final Map<String, Deque<String>> candidatesLeft = new HashMap<>();
    private long handedOut;
    private int newUsers;

    /**
     * @param seed  fixes the sequence (use a different one for a warm-up, so the measured requests stay the same)
     * @param limit how many requests, or {@link Long#MAX_VALUE} for a run bounded by time
     */
    public RequestPlan(SeedData data, RequestMix mix, long seed, long limit, Purpose purpose) {
        this.data = data;
        this.mix = mix;
        this.limit = limit;
        this.random = new Random(seed);
        this.userPopularity = new Popularity(data.users().size());
        this.organizationPopularity = new Popularity(data.organizations().size());
        this.organizations = data.organizations();
        this.newUserPrefix = (data.namespace().isEmpty() ? "" : data.namespace() + "-") + "new-" + purpose.label + seed + "-";
        data.candidates().forEach((organization, users) -> {
            Deque<String> mine = new ArrayDeque<>();
            for (int i = purpose.candidateParity; i < users.size(); i += 2) {
                mine.add(users.get(i));
            }
            candidatesLeft.put(organization, mine);
        });
    }

    @Override
    public synchronized Optional<PlannedRequest> next() {
        if (handedOut >= limit) {
            return Optional.empty();
        }
        handedOut++;
        return Optional.of(request(mix.kindFor(random.nextInt(mix.total()))));
    }

    /** The first {@code count} requests (or fewer, if the plan is shorter), e.g. to inspect a plan. */
    public List<PlannedRequest> take(int count) {
        List<PlannedRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Optional<PlannedRequest> next = next();
            if (next.isEmpty()) {
                break;
            }
            requests.add(next.get());
        }
        return requests;
    }

    private PlannedRequest request(Kind kind) {
        return switch (kind) {
            case READ_USER -> new PlannedRequest(Endpoint.GET_USER,
                    "/users/" + popularUser().username(), null, null, 200);
            case READ_ORGANIZATION -> new PlannedRequest(Endpoint.GET_ORGANIZATION,
                    "/organizations/" + popularOrganization().slug(), null, null, 200);
            case READ_MEMBERSHIP -> {
                Organization organization = popularOrganization();
                List<String> members = data.membersByOrganization().get(organization.slug());
                String member = members.get(random.nextInt(members.size()));
                yield new PlannedRequest(Endpoint.GET_MEMBERSHIP,
                        "/organizations/" + organization.slug() + "/members/" + member, null, null, 200);
            }
            case READ_NON_MEMBERSHIP -> {
                Organization organization = popularOrganization();
                String outsider = data.outsiders().get(random.nextInt(data.outsiders().size()));
                yield new PlannedRequest(Endpoint.GET_MEMBERSHIP,
                        "/organizations/" + organization.slug() + "/members/" + outsider, null, null, 404);
            }
            case LIST_MEMBERS -> {
                Organization organization = popularOrganization();
                yield new PlannedRequest(Endpoint.LIST_MEMBERS,
                        "/organizations/" + organization.slug() + "/members", null, organization.founder(), 200);
            }
            case CREATE_USER -> {
                String username = newUserPrefix + (++newUsers);
                yield new PlannedRequest(Endpoint.CREATE_USER, "/users",
                        Requests.userJson(new User(username, "New", "User " + newUsers)), null, 201);
            }
            case ADD_MEMBER -> addMember().orElseGet(() -> request(Kind.READ_USER));
        };
    }

    private Optional<PlannedRequest> addMember() {
        Organization organization = popularOrganization();
        Deque<String> candidates = candidatesLeft.get(organization.slug());
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Requests.addMember(organization.slug(), candidates.removeFirst(), "Member", organization.founder()));
    }

    private User popularUser() {
        return data.users().get(userPopularity.pick(random));
    }

    private Organization popularOrganization() {
        return organizations.get(organizationPopularity.pick(random));
    }
}
