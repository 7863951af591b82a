package com.example.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.AccountsApi.Reply;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.momento.MomentoStats.CacheCounters;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Step 5 (bonus: the fan-out read) in the local cloud: GET /organizations/{organization}/members
 * is one DynamoDB Query plus one cache read per member, through the real Momento SDK and the
 * local Momento server. The listMembers function may only Query because serverless.yml says so.
 */
@Timeout(240)
class Step5EndToEndTest {
    /** Members of the organization, its owner included. */
    private static final int MEMBERS = 10;

    private static StageClouds.Running step5;

    @BeforeAll
    static void start() {
        step5 = StageClouds.start("step-5-fan-out");
    }

    @AfterAll
    static void stop() {
        if (step5 != null) {
            step5.close();
        }
    }

    @AfterEach
    void clearFaults() {
        step5.cloud().momento().faults().clear();
    }

    @Test
    void theSecondListingIsServedFromTheCache() throws Exception {
        // Build the organization while Momento fails, so that nothing of it is cached yet.
        step5.cloud().momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).failWith(Status.Code.UNAVAILABLE));
        List<String> usernames = organizationWithMembers();
        String organization = usernames.remove(0);
        step5.cloud().momento().faults().clear();

        CacheCounters beforeFirst = counters();
        Reply first = listMembers(organization);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("organization").asText()).isEqualTo(organization);
        assertThat(usernamesIn(first)).containsExactlyElementsOf(usernames.stream().sorted().toList());
        CacheCounters afterFirst = counters();
        assertThat(afterFirst.misses() - beforeFirst.misses()).as("first listing: the organization and every user missed")
                .isEqualTo(MEMBERS + 1);
        assertThat(afterFirst.sets() - beforeFirst.sets()).as("and each miss filled the cache").isEqualTo(MEMBERS + 1);

        Reply second = listMembers(organization);

        assertThat(second.json()).isEqualTo(first.json());
        CacheCounters afterSecond = counters();
        assertThat(afterSecond.hits() - afterFirst.hits()).as("second listing: the organization and every user hit")
                .isEqualTo(MEMBERS + 1);
        assertThat(afterSecond.misses()).as("second listing: no misses").isEqualTo(afterFirst.misses());
    }

    @Test
    void theListIsAnsweredFromDynamoDbWhileTheCacheFails() throws Exception {
        List<String> usernames = organizationWithMembers();
        String organization = usernames.remove(0);
        step5.cloud().momento().faults().add(FaultRule.on(FaultRule.DATA_PLANE).failWith(Status.Code.UNAVAILABLE));

        Reply listed = listMembers(organization);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(usernamesIn(listed)).containsExactlyElementsOf(usernames.stream().sorted().toList());
        assertThat(listed.json().path("members").get(0).path("firstName").asText()).isEqualTo("F");
        assertThat(step5.awaitLogLines("Cache get of user#" + usernames.get(MEMBERS - 1) + " failed")).isNotEmpty();
    }

    @Test
    void anUnknownOrganizationIs404() throws Exception {
        String organization = AccountsApi.unique("nope");

        Reply listed = listMembers(organization);

        assertThat(listed.status()).isEqualTo(404);
        assertThat(listed.error()).isEqualTo("Organization " + organization + " does not exist.");
    }

    /** Creates an owner, their organization and {@code MEMBERS - 1} more members: [organization, usernames...]. */
    private static List<String> organizationWithMembers() throws Exception {
        String owner = step5.api().createUser("owner");
        String organization = step5.api().createOrganization(owner);
        List<String> result = new ArrayList<>(List.of(organization, owner));
        for (int i = 1; i < MEMBERS; i++) {
            String member = step5.api().createUser("member");
            assertThat(step5.api().addMember(organization, member, "Member", owner).status()).isEqualTo(201);
            result.add(member);
        }
        return result;
    }

    private static Reply listMembers(String organization) throws Exception {
        return step5.api().get("/organizations/" + organization + "/members");
    }

    private static List<String> usernamesIn(Reply listed) {
        List<String> usernames = new ArrayList<>();
        listed.json().path("members").forEach(member -> usernames.add(member.path("username").asText()));
        return usernames;
    }

    private static CacheCounters counters() {
        return step5.cloud().momento().stats().cache(StageClouds.CACHE);
    }
}
