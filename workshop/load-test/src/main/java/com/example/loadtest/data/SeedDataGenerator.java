package com.example.loadtest.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes realistic-looking users, organizations and memberships from a seed: the same seed and
 * sizes always give the same data, so every target (and every run) is loaded alike.
 */
public final class SeedDataGenerator {

    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Barbara", "Brian", "Claude", "Dennis",
            "Donald", "Edsger", "Frances", "Grace", "Guido", "Hedy", "Ivan", "James", "Jean", "John", "Joan", "Ken",
            "Leslie", "Linus", "Margaret", "Niklaus", "Radia", "Rasmus", "Shafi", "Sophie", "Tim", "Whitfield", "Yukihiro");
    private static final List<String> LAST_NAMES = List.of("Allen", "Bartik", "Berners-Lee", "Conway", "Dijkstra",
            "Floyd", "Goldwasser", "Gosling", "Hamilton", "Hopper", "Kay", "Knuth", "Lamarr", "Lamport", "Liskov",
            "Lovelace", "McCarthy", "Perlman", "Ritchie", "Shannon", "Stroustrup", "Sutherland", "Thompson", "Torvalds",
            "Turing", "van Rossum", "Wilson", "Wirth");
    private static final List<String> ORGANIZATION_WORDS = List.of("Northwind", "Blue Harbor", "Granite", "Juniper",
            "Lighthouse", "Maple", "Nimbus", "Orchard", "Polaris", "Quarry", "Redwood", "Summit", "Tidewater", "Willow");
    private static final List<String> ORGANIZATION_KINDS = List.of("Analytics", "Bakery", "Clinic", "Cycles",
            "Labs", "Logistics", "Media", "Robotics", "Studios", "Systems", "Travel", "Ventures");

    /** One user in ten belongs nowhere: their lookups are the "not a member" 404s. */
    private static final double OUTSIDER_SHARE = 0.1;
    /** Roughly one added member in eight is an Admin, the rest Members. */
    private static final double ADMIN_SHARE = 0.125;

    private SeedDataGenerator() {
    }

    /**
     * @param seed          fixes every choice
     * @param namespace     letters and digits put in front of every name (so repeated runs against
     *                      a deployed service do not collide), or empty
     * @param userCount     at least 2
     * @param organizationCount at least 1
     * @param minMembers    members added to each organization besides its founder, at least ...
     * @param maxMembers    ... and at most
     */
    public static SeedData generate(long seed, String namespace, int userCount, int organizationCount,
                                    int minMembers, int maxMembers) {
        if (!namespace.matches("[a-z0-9]*")) {
            throw new IllegalArgumentException("The namespace must be lower-case letters and digits: " + namespace);
        }
        if (userCount < 2 || organizationCount < 1 || minMembers < 0 || maxMembers < minMembers) {
            throw new IllegalArgumentException("Need at least 2 users, 1 organization and 0 <= minMembers <= maxMembers");
        }
        Random random = new Random(seed);
        String userPrefix = namespace.isEmpty() ? "" : namespace + "-";
        String organizationPrefix = namespace.isEmpty() ? "" : namespace + " ";

        List<User> users = new ArrayList<>(userCount);
        for (int i = 0; i < userCount; i++) {
            String first = pick(FIRST_NAMES, random);
            String last = pick(LAST_NAMES, random);
            String username = userPrefix + (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + i;
            users.add(new User(username, first, last));
        }
        int outsiderCount = Math.max(1, (int) Math.round(userCount * OUTSIDER_SHARE));
        List<String> outsiders = users.subList(userCount - outsiderCount, userCount).stream().map(User::username).toList();
        List<String> joinable = users.subList(0, userCount - outsiderCount).stream().map(User::username).toList();

        List<Organization> organizations = new ArrayList<>(organizationCount);
        List<Membership> memberships = new ArrayList<>();
        Map<String, List<String>> membersByOrganization = new LinkedHashMap<>();
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < organizationCount; i++) {
            String name = organizationPrefix + pick(ORGANIZATION_WORDS, random) + " " + pick(ORGANIZATION_KINDS, random) + " " + i;
            List<String> shuffled = new ArrayList<>(joinable);
            Collections.shuffle(shuffled, random);
            Organization organization = new Organization(name, shuffled.get(0));
            organizations.add(organization);

            int memberCount = Math.min(shuffled.size() - 1, minMembers + random.nextInt(maxMembers - minMembers + 1));
            List<String> members = new ArrayList<>(shuffled.subList(0, memberCount + 1)); // founder first
            for (String member : members.subList(1, members.size())) {
                String role = random.nextDouble() < ADMIN_SHARE ? "Admin" : "Member";
                memberships.add(new Membership(organization.slug(), member, role));
            }
            membersByOrganization.put(organization.slug(), List.copyOf(members));
            candidates.put(organization.slug(), List.copyOf(shuffled.subList(memberCount + 1, shuffled.size())));
        }
        return new SeedData(namespace, List.copyOf(users), List.copyOf(organizations), List.copyOf(memberships),
                Collections.unmodifiableMap(membersByOrganization), outsiders, Collections.unmodifiableMap(candidates));
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
