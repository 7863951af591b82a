package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.accounts.cache.CacheKeys;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.model.Organization;
import com.example.accounts.service.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write path puts what it wrote in the cache (write-aside), with DynamoDB Local behind it. */
class CachedWritesIntegrationTest {
    private static final String NOT_FOUND_AS_STORED = TestCaches.notFoundAsStored();

    private final InMemoryCache cache = new InMemoryCache();
    private ReadCountingRepository repository;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        repository = new ReadCountingRepository();
        accounts = new AccountService(repository, TestCaches.accountCache(cache));
    }

    @Test
    void createUserCachesTheUser() {
        accounts.createUser(new User("alice", "Alice", "Liddell"));
        repository.reads.set(0);

        assertThat(accounts.getUser("alice")).as("alice read right after createUser")
                .isEqualTo(new User("alice", "Alice", "Liddell"));
        assertThat(cache.hits).as("cache hits when alice is read right after createUser: createUser must write her to"
                + " the cache").hasValue(1);
        assertThat(cache.misses).as("cache misses when alice is read right after createUser").hasValue(0);
        assertThat(repository.reads).as("DynamoDB reads of alice right after createUser: the cache must answer, with the"
                + " user createUser wrote").hasValue(0);
    }

    @Test
    void createOrganizationCachesItAndItsOwner() {
        accounts.createUser(new User("alice", "Alice", "Liddell"));

        accounts.createOrganization("acme", "alice");
        repository.reads.set(0);

        assertThat(cache.items).as("cache entries right after createOrganization: it must write the organization and its"
                + " owner's membership to the cache").containsKeys(CacheKeys.organization("acme"), CacheKeys.membership("acme", "alice"));
        assertThat(accounts.getOrganization("acme")).as("acme read right after createOrganization(\"acme\", \"alice\"):"
                + " the organization createOrganization cached, with its owner").isEqualTo(new Organization("acme", "alice"));
        assertThat(accounts.getMembership("acme", "alice").role()).as("alice's role in acme read right after"
                + " createOrganization: the membership it cached must make its owner an OWNER").isEqualTo(Role.OWNER);
        assertThat(cache.misses).as("cache misses when acme and alice's membership are read right after createOrganization:"
                + " it must have cached both, where the reads look (CacheKeys), and not by reading them").hasValue(0);
        assertThat(repository.reads).as("DynamoDB reads of acme and alice's membership right after createOrganization: the"
                + " cache must answer both, with what createOrganization wrote").hasValue(0);
    }

    @Test
    void addMemberReplacesACachedNotAMember() {
        accounts.createUser(new User("alice", "Alice", "Liddell"));
        accounts.createUser(new User("bob", "Bob", "Builder"));
        accounts.createOrganization("acme", "alice");
        assertThat(cache.items).doesNotContainKey(CacheKeys.membership("acme", "bob"));
        assertThatThrownBy(() -> accounts.getMembership("acme", "bob")).isInstanceOf(NotFoundException.class);
        assertThat(cache.items).as("the set-up: bob's \"not a member\", cached by a read that found no membership (a read"
                + " caches \"not found\" too; see notFoundIsCachedToo)")
                .containsEntry(CacheKeys.membership("acme", "bob"), NOT_FOUND_AS_STORED);

        accounts.addMember("acme", "bob", Role.ADMIN, "alice");

        assertThat(cache.items).as("bob's membership in the cache right after addMember: addMember must write it over the"
                + " cached \"not a member\" (a set; a delete would leave the next read a miss)")
                .containsKey(CacheKeys.membership("acme", "bob"))
                .doesNotContainEntry(CacheKeys.membership("acme", "bob"), NOT_FOUND_AS_STORED);
        repository.reads.set(0);
        assertThat(accounts.getMembership("acme", "bob").role()).as("bob's role read right after addMember(\"acme\","
                + " \"bob\", ADMIN, ...): the membership addMember cached must carry the role it was given").isEqualTo(Role.ADMIN);
        assertThat(repository.reads).as("DynamoDB reads of bob's membership right after addMember: the cache must answer,"
                + " with the Membership addMember wrote (not its role or another object, which the read cannot decode)")
                .hasValue(0);
    }
}
