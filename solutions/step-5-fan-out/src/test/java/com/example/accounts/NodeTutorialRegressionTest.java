package com.example.accounts;

import static com.example.accounts.ApiCall.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.accounts.handlers.AddMemberHandler;
import com.example.accounts.handlers.CreateOrganizationHandler;
import com.example.accounts.handlers.CreateUserHandler;
import com.example.accounts.handlers.GetMembershipHandler;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Defects of the original Node.js tutorial (momentohq/serverless-tutorial) that this service
 * must not have, each pinned by a test.
 */
class NodeTutorialRegressionTest {
    private AccountService accounts;

    @BeforeEach
    void aliceFoundsAcmeAndBobSignsUp() {
        accounts = new AccountService(new AccountRepository(LocalDynamoDb.client(), LocalDynamoDb.createAccountsTable()),
                TestCaches.inMemory());
        invoke(new CreateUserHandler(accounts), Events.post("/users", "{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"L\"}"));
        invoke(new CreateUserHandler(accounts), Events.post("/users", "{\"username\":\"bob\",\"firstName\":\"B\",\"lastName\":\"L\"}"));
        invoke(new CreateOrganizationHandler(accounts), Events.post("/organizations", "{\"organizationName\":\"acme\"}", "alice"));
    }

    /** The original read a property of the missing item and answered 500. */
    @Test
    void nonMemberLookupIs404Not500() {
        ApiCall read = lookUpBob();

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.error()).isEqualTo("User bob is not a member of organization acme.");
    }

    /** The original's message named the user but not the organization; the refused add changes nothing. */
    @Test
    void membershipAlreadyExistsNamesUserAndOrganization() {
        addBob("Member");

        ApiCall again = addBob("Admin");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("User bob is already a member of organization acme.");
        assertThat(lookUpBob().body().path("membership").path("role").asText()).as("bob's role after a refused second add,"
                + " as Admin: a refused write changes nothing, the cache included (addMember writes it only once DynamoDB"
                + " accepted the membership)").isEqualTo("Member");
    }

    /**
     * The tutorial's own sequence: check a non-member, add them, check again. The first check
     * caches "not a member"; write-aside replaces it when the member is added.
     */
    @Test
    void addedMemberIsSeenRightAway() {
        assertThat(lookUpBob().status()).isEqualTo(404);

        assertThat(addBob("Member").status()).isEqualTo(201);

        ApiCall read = lookUpBob();
        assertThat(read.status()).as("bob's membership, read right after addMember: addMember must write it to the cache,"
                + " over the cached \"not a member\"").isEqualTo(200);
        assertThat(read.body().path("membership").path("role").asText()).isEqualTo("Member");
    }

    private ApiCall addBob(String role) {
        return invoke(new AddMemberHandler(accounts), Events.post("/organizations/acme/members",
                        "{\"memberUsername\":\"bob\",\"role\":\"" + role + "\"}", "alice")
                .withPathParameters(Map.of("organization", "acme")));
    }

    private ApiCall lookUpBob() {
        return invoke(new GetMembershipHandler(accounts), Events.get("/organizations/acme/members/bob",
                Map.of("organization", "acme", "username", "bob")));
    }
}
