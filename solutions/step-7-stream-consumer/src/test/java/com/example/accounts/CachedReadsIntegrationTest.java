package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's reads through the cache, with DynamoDB Local behind it. */
class CachedReadsIntegrationTest {
    private final InMemoryCache cache = new InMemoryCache();
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        accounts = new AccountService(new AccountRepository(LocalDynamoDb.client(), LocalDynamoDb.createAccountsTable()),
                TestCaches.accountCache(cache));
        accounts.createUser(new User("alice", "Alice", "Liddell"));
        accounts.createOrganization("acme", "alice");
        cache.items.clear(); // start cold: write-aside has already cached what was just created
    }

    // One test per kind of read, so that a find method that skips the cache fails its own test.

    @Test
    void aUsersSecondReadIsACacheHit() {
        accounts.getUser("alice");
        assertThat(cache.hits).hasValue(0);

        assertThat(accounts.getUser("alice").firstName()).isEqualTo("Alice");
        assertThat(cache.hits).as("cache hits after reading user alice twice").hasValue(1);
    }

    @Test
    void anOrganizationsSecondReadIsACacheHit() {
        accounts.getOrganization("acme");
        assertThat(cache.hits).hasValue(0);

        assertThat(accounts.getOrganization("acme").foundingUser()).isEqualTo("alice");
        assertThat(cache.hits).as("cache hits after reading organization acme twice (findOrganization)").hasValue(1);
    }

    @Test
    void aMembershipsSecondReadIsACacheHit() {
        accounts.getMembership("acme", "alice");
        assertThat(cache.hits).hasValue(0);

        assertThat(accounts.getMembership("acme", "alice").role()).isEqualTo(Role.OWNER);
        assertThat(cache.hits).as("cache hits after reading alice's membership of acme twice (findMembership)").hasValue(1);
    }

    @Test
    void cachedNotFoundIsStill404() {
        assertThatThrownBy(() -> accounts.getUser("ghost")).isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> accounts.getUser("ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("User ghost does not exist.");
        assertThat(cache.hits).as("cache hits for two reads of ghost, who does not exist: the second must be answered by"
                + " the \"not found\" that the first one cached").hasValue(1);
    }

    @Test
    void everyReadWorksWhileTheCacheIsDown() {
        cache.failEverything();

        assertThat(accounts.getUser("alice").username()).isEqualTo("alice");
        assertThat(accounts.getMembership("acme", "alice")).isEqualTo(new Membership("acme", "alice", Role.OWNER));
        assertThatThrownBy(() -> accounts.getOrganization("nope")).isInstanceOf(NotFoundException.class);
    }
}
