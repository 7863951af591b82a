package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.accounts.cache.CacheKeys;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adding a member while someone reads that membership: once the add has returned, no read may be
 * served a cached "not a member". The reader is made slow between its database read and its cache
 * fill, so the add lands in that window: the interleaving where a plain cache set would go stale.
 */
class ConcurrentMembershipTest {
    private static final int ROUNDS = 10;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void aReadRacingAnAddNeverLeavesAStaleNotAMember() throws Exception {
        InMemoryCache cache = new InMemoryCache();
        AccountRepository slowMemberReads = new AccountRepository(LocalDynamoDb.client(), LocalDynamoDb.createAccountsTable()) {
            @Override
            public Optional<Membership> findMembership(String organizationName, String username) {
                Optional<Membership> found = super.findMembership(organizationName, username);
                if (username.startsWith("member")) {
                    pause(150); // the database said "not a member"; the add happens now
                }
                return found;
            }
        };
        AccountService accounts = new AccountService(slowMemberReads, TestCaches.accountCache(cache));
        accounts.createUser(new User("alice", "Alice", "Liddell"));
        accounts.createOrganization("acme", "alice");
        addMemberWritesTheMembershipToTheCache(accounts, cache);

        for (int round = 0; round < ROUNDS; round++) {
            String member = "member" + round;
            accounts.createUser(new User(member, "M", "L"));
            CountDownLatch start = new CountDownLatch(1);
            Future<?> read = pool.submit(() -> {
                start.await();
                try {
                    accounts.getMembership("acme", member);
                } catch (NotFoundException notYet) {
                    // read before the add: fine, as long as it does not stick
                }
                return null;
            });
            Future<?> add = pool.submit(() -> {
                start.await();
                pause(50); // let the reader reach the database first
                return accounts.addMember("acme", member, Role.MEMBER, "alice");
            });
            start.countDown();
            add.get();
            read.get();

            assertThat(membershipAfterTheAdd(accounts, cache, member, round).role()).as("round %d", round).isEqualTo(Role.MEMBER);
        }
    }

    private static Membership membershipAfterTheAdd(AccountService accounts, InMemoryCache cache, String member, int round) {
        try {
            return accounts.getMembership("acme", member);
        } catch (NotFoundException stale) {
            // The add's write still where CacheKeys.membership puts it: no fill replaced it, the read looked elsewhere.
            String added = cache.items.get(CacheKeys.membership("acme", member));
            if (added != null && added.contains(member)) {
                return fail("round %d: after the add returned, the read was served \"not a member\", though the add's write"
                        + " is in the cache under CacheKeys.membership(\"acme\", \"%s\"): the read looks under another key"
                        + " (findMembership must build it with CacheKeys.membership(organization, member))", round, member);
            }
            return fail("round %d: after the add returned, the read was served a stale \"not a member\": the slow reader's"
                    + " fill replaced the add's write (a fill must use setIfNotExists)", round);
        }
    }

    /**
     * The race needs the lesson before this one: with no write-aside in addMember, every round fails
     * for that reason alone, which addMember's own test reports (CachedWritesIntegrationTest). So this
     * test waits for it: skipped, not failed, until then.
     */
    private static void addMemberWritesTheMembershipToTheCache(AccountService accounts, InMemoryCache cache) {
        accounts.createUser(new User("first", "F", "L"));
        accounts.addMember("acme", "first", Role.MEMBER, "alice");
        assumeTrue(cache.items.containsKey(CacheKeys.membership("acme", "first")),
                "addMember does not write the membership to the cache yet (not under CacheKeys.membership, where reads look),"
                        + " so step 4's check 'adding a member replaces a cached \"not a member\"' fails: this test runs once"
                        + " that one passes");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
