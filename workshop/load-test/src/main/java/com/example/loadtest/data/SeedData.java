package com.example.loadtest.data;

import java.util.List;
import java.util.Map;

/**
 * The data every target gets before the load: users, organizations and their memberships.
 *
 * @param namespace     put in front of every name (letters and digits), or empty
 * @param users         every user, in creation order
 * @param organizations in creation order; each founder becomes its Owner
 * @param memberships   the members added after creation (founders' Owner memberships are not listed)
 * @param membersByOrganization organization slug -> usernames of every member, founder included
 * @param outsiders     users who belong to no organization: their membership lookups answer 404
 * @param candidates    organization slug -> users who may be added during the load (neither members nor outsiders)
 */
public record SeedData(String namespace, List<User> users, List<Organization> organizations, List<Membership> memberships,
                       Map<String, List<String>> membersByOrganization, List<String> outsiders,
                       Map<String, List<String>> candidates) {

    /** Everything the service stores: users + organizations + memberships (Owners included). */
    public int itemCount() {
        return users.size() + organizations.size() + memberships.size() + organizations.size();
    }

    @Override
    public String toString() {
        return users.size() + " users, " + organizations.size() + " organizations, "
                + (memberships.size() + organizations.size()) + " memberships";
    }
}
