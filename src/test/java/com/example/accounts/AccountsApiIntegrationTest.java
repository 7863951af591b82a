package com.example.accounts;

import static com.example.accounts.ApiCall.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.example.accounts.handlers.AddMemberHandler;
import com.example.accounts.handlers.CreateOrganizationHandler;
import com.example.accounts.handlers.CreateUserHandler;
import com.example.accounts.handlers.GetMembershipHandler;
import com.example.accounts.handlers.GetOrganizationHandler;
import com.example.accounts.handlers.GetUserHandler;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every endpoint, through its handler, the service and the repository, against DynamoDB Local. */
class AccountsApiIntegrationTest {
    private String table;
    private CreateUserHandler createUser;
    private GetUserHandler getUser;
    private CreateOrganizationHandler createOrganization;
    private GetOrganizationHandler getOrganization;
    private AddMemberHandler addMember;
    private GetMembershipHandler getMembership;

    @BeforeEach
    void newTable() {
        table = LocalDynamoDb.createAccountsTable();
        AccountService accounts = new AccountService(new AccountRepository(LocalDynamoDb.client(), table));
        createUser = new CreateUserHandler(accounts);
        getUser = new GetUserHandler(accounts);
        createOrganization = new CreateOrganizationHandler(accounts);
        getOrganization = new GetOrganizationHandler(accounts);
        addMember = new AddMemberHandler(accounts);
        getMembership = new GetMembershipHandler(accounts);
    }

    ApiCall createUser(String username) {
        return invoke(createUser, Events.post("/users",
                "{\"username\":\"" + username + "\",\"firstName\":\"First " + username + "\",\"lastName\":\"Last\"}"));
    }

    ApiCall createOrganization(String name, String founder) {
        return invoke(createOrganization, Events.post("/organizations", "{\"organizationName\":\"" + name + "\"}", founder));
    }

    ApiCall addMember(String organization, String member, String role, String actingUser) {
        APIGatewayProxyRequestEvent event = Events.post("/organizations/" + organization + "/members",
                "{\"memberUsername\":\"" + member + "\",\"role\":\"" + role + "\"}", actingUser)
                .withPathParameters(Map.of("organization", organization));
        return invoke(addMember, event);
    }

    ApiCall getMembership(String organization, String username) {
        return invoke(getMembership, Events.get("/organizations/" + organization + "/members/" + username,
                Map.of("organization", organization, "username", username)));
    }

    @Nested
    class Users {
        @Test
        void createdUserCanBeRead() {
            ApiCall created = createUser("alice");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().path("user").path("username").asText()).isEqualTo("alice");

            ApiCall read = invoke(getUser, Events.get("/users/alice", Map.of("username", "alice")));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().path("user").path("firstName").asText()).isEqualTo("First alice");
            assertThat(read.body().path("user").path("lastName").asText()).isEqualTo("Last");
        }

        @Test
        void unknownUserIs404() {
            ApiCall read = invoke(getUser, Events.get("/users/nobody", Map.of("username", "nobody")));

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.error()).isEqualTo("User nobody does not exist.");
        }

        @Test
        void duplicateUserIs409AndKeepsTheFirst() {
            createUser("alice");

            ApiCall again = invoke(createUser, Events.post("/users",
                    "{\"username\":\"alice\",\"firstName\":\"Mallory\",\"lastName\":\"Impostor\"}"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.error()).isEqualTo("User alice already exists.");
            ApiCall read = invoke(getUser, Events.get("/users/alice", Map.of("username", "alice")));
            assertThat(read.body().path("user").path("firstName").asText()).as("alice's firstName after a refused second"
                    + " create: the first's. A refused create changes nothing: not the table, nor (from step 4 on) the cache;"
                    + " write the cache only once DynamoDB took the write").isEqualTo("First alice");
        }

        @Test
        void invalidUserIs400AndWritesNothing() {
            ApiCall created = invoke(createUser, Events.post("/users", "{\"username\":\"alice\",\"firstName\":\"A\"}"));

            assertThat(created.status()).isEqualTo(400);
            assertThat(created.error()).contains("lastName");
            assertThat(LocalDynamoDb.itemCount(table)).isZero();
        }
    }

    @Nested
    class Organizations {
        @Test
        void founderBecomesOwnerOfTheSluggedOrganization() {
            createUser("alice");

            ApiCall created = createOrganization("Acme Corp", "alice");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().path("organization").path("organizationName").asText()).isEqualTo("acme-corp");
            assertThat(created.body().path("organization").path("foundingUser").asText()).isEqualTo("alice");
            ApiCall owner = getMembership("acme-corp", "alice");
            assertThat(owner.status()).isEqualTo(200);
            assertThat(owner.body().path("membership").path("role").asText()).isEqualTo("Owner");
        }

        @Test
        void organizationCanBeReadByNameOrSlug() {
            createUser("alice");
            createOrganization("Acme Corp", "alice");

            for (String name : new String[] {"acme-corp", "Acme Corp"}) {
                ApiCall read = invoke(getOrganization, Events.get("/organizations/" + name, Map.of("organization", name)));
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.body().path("organization").path("organizationName").asText()).isEqualTo("acme-corp");
            }
        }

        @Test
        void unknownOrganizationIs404() {
            ApiCall read = invoke(getOrganization, Events.get("/organizations/nope", Map.of("organization", "nope")));

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.error()).isEqualTo("Organization nope does not exist.");
        }

        @Test
        void unknownFounderIs404AndWritesNothing() {
            ApiCall created = createOrganization("acme", "ghost");

            assertThat(created.status()).isEqualTo(404);
            assertThat(created.error()).isEqualTo("User ghost does not exist.");
            assertThat(LocalDynamoDb.itemCount(table)).isZero();
        }

        @Test
        void duplicateOrganizationIs409AndKeepsTheOwner() {
            createUser("alice");
            createUser("bob");
            createOrganization("acme", "alice");

            ApiCall again = createOrganization("ACME", "bob");

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.error()).isEqualTo("Organization acme already exists.");
            assertThat(getMembership("acme", "bob").status()).as("bob's membership of acme after his refused create of ACME:"
                    + " none. A refused create changes nothing: not the table, nor (from step 4 on) the cache").isEqualTo(404);
            assertThat(getMembership("acme", "alice").body().path("membership").path("role").asText()).isEqualTo("Owner");
            assertThat(LocalDynamoDb.itemCount(table)).isEqualTo(4); // two users, the organization, one membership
        }

        @Test
        void missingAuthorizationIs401() {
            ApiCall created = invoke(createOrganization, Events.post("/organizations", "{\"organizationName\":\"acme\"}"));

            assertThat(created.status()).isEqualTo(401);
            assertThat(created.error()).contains("Authorization");
        }
    }

    @Nested
    class Members {
        @BeforeEach
        void acmeWithOwnerAlice() {
            createUser("alice");
            createUser("bob");
            createUser("carol");
            createOrganization("acme", "alice");
        }

        @Test
        void ownerAddsMember() {
            ApiCall added = addMember("acme", "bob", "Member", "alice");

            assertThat(added.status()).isEqualTo(201);
            assertThat(added.body().path("membership").path("memberUsername").asText()).isEqualTo("bob");
            assertThat(added.body().path("membership").path("role").asText()).isEqualTo("Member");
            assertThat(getMembership("acme", "bob").body().path("membership").path("role").asText()).isEqualTo("Member");
        }

        @Test
        void adminAddsMember() {
            addMember("acme", "bob", "Admin", "alice");

            ApiCall added = addMember("acme", "carol", "Member", "bob");

            assertThat(added.status()).isEqualTo(201);
        }

        @Test
        void plainMemberMayNotAddMembers() {
            addMember("acme", "bob", "Member", "alice");

            ApiCall added = addMember("acme", "carol", "Member", "bob");

            assertThat(added.status()).isEqualTo(403);
            assertThat(added.error()).contains("bob").contains("acme");
            assertThat(getMembership("acme", "carol").status()).isEqualTo(404);
        }

        @Test
        void nonMemberMayNotAddMembers() {
            ApiCall added = addMember("acme", "carol", "Member", "bob");

            assertThat(added.status()).isEqualTo(403);
            assertThat(getMembership("acme", "carol").status()).isEqualTo(404);
        }

        @Test
        void unknownOrganizationOrUserIs404() {
            assertThat(addMember("nope", "bob", "Member", "alice").error()).isEqualTo("Organization nope does not exist.");
            assertThat(addMember("acme", "ghost", "Member", "alice").error()).isEqualTo("User ghost does not exist.");
        }

        @Test
        void invalidRoleIs400() {
            ApiCall added = addMember("acme", "bob", "Emperor", "alice");

            assertThat(added.status()).isEqualTo(400);
            assertThat(added.error()).contains("role");
            assertThat(getMembership("acme", "bob").status()).isEqualTo(404);
        }

        @Test
        void nonMemberLookupIs404() {
            ApiCall read = getMembership("acme", "bob");

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.error()).isEqualTo("User bob is not a member of organization acme.");
        }
    }
}
