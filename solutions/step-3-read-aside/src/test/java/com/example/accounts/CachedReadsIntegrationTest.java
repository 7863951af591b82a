package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.service.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's reads through the cache, with DynamoDB Local behind it. */
class CachedReadsIntegrationTest {
    /** Nothing caches an item before its first read in this step: caching what a write wrote is step 4's lesson. */
    private static final String FIRST_READ_MISSES = "cache hits after the first read of %s: none, as no read cached it"
            + " before (does the create cache it? That is step 4's write-aside, not this step's)";

    private final InMemoryCache cache = new InMemoryCache();
    private ReadCountingRepository repository;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        repository = new ReadCountingRepository();
        accounts = new AccountService(repository, TestCaches.accountCache(cache));
        accounts.createUser(new User("alice", "Alice", "Liddell"));
        accounts.createOrganization("acme", "alice");
    }

    // One test per kind of read, so that a find method that skips the cache fails its own test.

    @Test
    void aUsersSecondReadIsACacheHit() {
        accounts.getUser("alice");
        assertThat(cache.hits).as(FIRST_READ_MISSES, "user alice").hasValue(0);
        repository.reads.set(0);

        assertThat(accounts.getUser("alice").firstName()).isEqualTo("Alice");
        assertThat(cache.hits).as("cache hits after reading user alice twice").hasValue(1);
        assertThat(repository.reads).as("DynamoDB reads for the second read: the cache must answer it, with what the first"
                + " read cached").hasValue(0);
    }

    @Test
    void anOrganizationsSecondReadIsACacheHit() {
        accounts.getOrganization("acme");
        assertThat(cache.hits).as(FIRST_READ_MISSES, "organization acme").hasValue(0);
        repository.reads.set(0);

        assertThat(accounts.getOrganization("acme").foundingUser()).isEqualTo("alice");
        assertThat(cache.hits).as("cache hits after reading organization acme twice (findOrganization)").hasValue(1);
        assertThat(repository.reads).as("DynamoDB reads for the second read: the cache must answer it, with what the first"
                + " read cached").hasValue(0);
    }

    @Test
    void aMembershipsSecondReadIsACacheHit() {
        accounts.getMembership("acme", "alice");
        assertThat(cache.hits).as(FIRST_READ_MISSES, "acme's membership of alice").hasValue(0);
        repository.reads.set(0);

        assertThat(accounts.getMembership("acme", "alice").role()).isEqualTo(Role.OWNER);
        assertThat(cache.hits).as("cache hits after reading alice's membership of acme twice (findMembership)").hasValue(1);
        assertThat(repository.reads).as("DynamoDB reads for the second read: the cache must answer it, with what the first"
                + " read cached").hasValue(0);
    }

    @Test
    void usersWhoseNamesDifferOnlyInCaseAreCachedApart() {
        accounts.getUser("alice");
        accounts.createUser(new User("Alice", "Mallory", "Other"));

        // Usernames are case-sensitive (only organization names are lower-cased): two users, two cache keys.
        assertThat(accounts.getUser("Alice").firstName()).as("user Alice's first name, read after user alice's: Alice is"
                + " another user, so her cache key must differ (CacheKeys.user keeps the username as it is)").isEqualTo("Mallory");
        assertThat(accounts.getUser("alice").firstName()).as("user alice's first name, read after Alice was created and read:"
                + " her cache key must differ from Alice's (CacheKeys.user keeps the username as it is)").isEqualTo("Alice");
    }

    @Test
    void cachedNotFoundIsStill404() {
        assertThatThrownBy(() -> accounts.getUser("ghost")).isInstanceOf(NotFoundException.class);
        repository.reads.set(0);

        assertThatThrownBy(() -> accounts.getUser("ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("User ghost does not exist.");
        assertThat(cache.hits).as("cache hits for two reads of ghost, who does not exist: the second must be answered by"
                + " the \"not found\" that the first one cached").hasValue(1);
        assertThat(repository.reads).as("DynamoDB reads for the second read of ghost").hasValue(0);
    }

    @Test
    void everyReadWorksWhileTheCacheIsDown() {
        cache.failEverything();

        assertThat(accounts.getUser("alice").username()).isEqualTo("alice");
        assertThat(accounts.getMembership("acme", "alice")).isEqualTo(new Membership("acme", "alice", Role.OWNER));
        assertThatThrownBy(() -> accounts.getOrganization("nope")).isInstanceOf(NotFoundException.class);
    }
}
