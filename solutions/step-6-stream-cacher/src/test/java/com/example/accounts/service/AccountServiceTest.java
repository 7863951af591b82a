package com.example.accounts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.accounts.InMemoryCache;
import com.example.accounts.TestCaches;
import com.example.accounts.cache.AccountCache;
import com.example.accounts.cache.CacheKeys;
import com.example.accounts.errors.ForbiddenException;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Member;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import momento.sdk.CacheClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The rules of {@link AccountService}, with the repository mocked. */
@ExtendWith(MockitoExtension.class)
class AccountServiceTest {
    @Mock
    AccountRepository repository;
    AccountService accounts;

    @BeforeEach
    void setUp() {
        accounts = new AccountService(repository, TestCaches.inMemory());
    }

    @Test
    void createOrganizationMakesTheFounderOwner() {
        Organization organization = accounts.createOrganization("acme", "alice");

        assertThat(organization).isEqualTo(new Organization("acme", "alice"));
        verify(repository).createOrganization(organization, new Membership("acme", "alice", Role.OWNER));
    }

    @Test
    void ownerAndAdminMayAddMembers() {
        givenAcmeAndBob();
        when(repository.findMembership("acme", "alice")).thenReturn(Optional.of(new Membership("acme", "alice", Role.ADMIN)));

        Membership added = accounts.addMember("acme", "bob", Role.MEMBER, "alice");

        assertThat(added).isEqualTo(new Membership("acme", "bob", Role.MEMBER));
        verify(repository).createMembership(added);
    }

    @Test
    void plainMemberMayNotAddMembers() {
        givenAcmeAndBob();
        when(repository.findMembership("acme", "carol")).thenReturn(Optional.of(new Membership("acme", "carol", Role.MEMBER)));

        assertThatThrownBy(() -> accounts.addMember("acme", "bob", Role.MEMBER, "carol"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("carol");
        verify(repository, never()).createMembership(any());
    }

    @Test
    void nonMemberMayNotAddMembers() {
        givenAcmeAndBob();
        when(repository.findMembership("acme", "mallory")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> accounts.addMember("acme", "bob", Role.MEMBER, "mallory"))
                .isInstanceOf(ForbiddenException.class);
        verify(repository, never()).createMembership(any());
    }

    @Test
    void addingToAnUnknownOrganizationIsNotFound() {
        when(repository.findOrganization("nope")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> accounts.addMember("nope", "bob", Role.MEMBER, "alice"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Organization nope does not exist.");
        verify(repository, never()).createMembership(any());
    }

    @Test
    void addingAnUnknownUserIsNotFound() {
        when(repository.findOrganization("acme")).thenReturn(Optional.of(new Organization("acme", "alice")));
        when(repository.findUser("ghost")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> accounts.addMember("acme", "ghost", Role.MEMBER, "alice"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User ghost does not exist.");
    }

    @Test
    void missingMembershipIsNotFoundNamingBoth() {
        when(repository.findMembership("acme", "bob")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> accounts.getMembership("acme", "bob"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("User bob is not a member of organization acme.");
    }

    @Test
    void missingUserAndOrganizationAreNotFound() {
        when(repository.findUser("nobody")).thenReturn(Optional.empty());
        when(repository.findOrganization("nothing")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> accounts.getUser("nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.getOrganization("nothing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listMembersGivesEachMembershipItsUsersNames() {
        // lenient: the organization's check is listingAnUnknownOrganizationIsNotFoundAndQueriesNothing's to test.
        lenient().when(repository.findOrganization("acme")).thenReturn(Optional.of(new Organization("acme", "alice")));
        when(repository.findMembers("acme")).thenReturn(List.of(
                new Membership("acme", "alice", Role.OWNER), new Membership("acme", "bob", Role.MEMBER)));
        when(repository.findUser("alice")).thenReturn(Optional.of(new User("alice", "Alice", "Liddell")));
        when(repository.findUser("bob")).thenReturn(Optional.of(new User("bob", "Bob", "Builder")));

        List<Member> members = accounts.listMembers("acme");

        assertThat(members).containsExactly(
                new Member("alice", "Alice", "Liddell", Role.OWNER),
                new Member("bob", "Bob", "Builder", Role.MEMBER));
    }

    /**
     * The fan-out (workshop/05-fan-out.md): the members' users are read through AccountCache.readAll,
     * every get sent before any answer is awaited. This cache answers the gets only once all three
     * are sent; a listing that reads the users one at a time waits in vain for its first get (5 s),
     * after which every get fails, so it asks the repository, which here knows no user.
     */
    @Test
    void listMembersSendsEveryUsersGetBeforeWaitingForAny() {
        // lenient: whether the listing checks its organization is the other tests' business, not this one's.
        lenient().when(repository.findOrganization("acme")).thenReturn(Optional.of(new Organization("acme", "alice")));
        when(repository.findMembers("acme")).thenReturn(List.of(new Membership("acme", "alice", Role.OWNER),
                new Membership("acme", "bob", Role.MEMBER), new Membership("acme", "carol", Role.MEMBER)));
        InMemoryCache memory = new InMemoryCache();
        AccountCache cached = TestCaches.accountCache(memory);
        for (User user : List.of(new User("alice", "Alice", "Liddell"), new User("bob", "Bob", "Builder"),
                new User("carol", "Carol", "Danvers"))) {
            cached.write(CacheKeys.user(user.username()), user);
        }
        CacheClient momento = memory.client().get();
        CompletableFuture<Void> allSent = new CompletableFuture<Void>().orTimeout(5, TimeUnit.SECONDS);
        AtomicInteger userGets = new AtomicInteger();
        Set<String> threadsThatSentAGet = ConcurrentHashMap.newKeySet();
        CacheClient answeringOnceAllAreSent = mock(CacheClient.class, call -> {
            Object answer = delegatesTo(momento).answer(call);
            boolean aUsersGet = call.getMethod().getName().equals("get")
                    && InMemoryCache.text(call.getArgument(1)).startsWith(CacheKeys.user(""));
            if (!aUsersGet) {
                return answer;
            }
            threadsThatSentAGet.add(Thread.currentThread().getName());
            if (userGets.incrementAndGet() == 3) {
                allSent.complete(null);
            }
            return allSent.thenCompose(sent -> (CompletableFuture<?>) answer);
        });
        accounts = new AccountService(repository, new AccountCache(() -> answeringOnceAllAreSent, TestCaches.CACHE_NAME,
                Duration.ofMinutes(1)));

        List<Member> members;
        try {
            members = accounts.listMembers("acme");
        } catch (RuntimeException e) {
            throw new AssertionError("listMembers threw " + e + ". The users' gets are answered only once all three are"
                    + " sent: a get awaited before the next is sent fails here after 5 s, and a failed get must count as a"
                    + " miss, not fail the listing", e);
        }

        assertThat(members).as("each member with the name the cache holds, which it gives only once the three users' gets"
                + " are all sent: the service must read them with one cache.readAll, and readAll must send every get before it"
                + " waits for any (one at a time, the first get waits in vain)")
                .extracting(Member::firstName).containsExactly("Alice", "Bob", "Carol");
        threadsThatSentAGet.remove(Thread.currentThread().getName());
        assertThat(threadsThatSentAGet).as("threads other than the caller's that sent a user's get: none. The SDK's calls"
                + " are asynchronous, so the fan-out needs no threads of its own (a parallel stream or an executor sends gets"
                + " from its threads): send every get from the thread that called listMembers, then wait").isEmpty();
    }

    @Test
    void listingAnUnknownOrganizationIsNotFoundAndQueriesNothing() {
        when(repository.findOrganization("nope")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> accounts.listMembers("nope"), "listMembers of an organization that does not exist: it must"
                + " look the organization up first (as getOrganization does) and throw NotFoundException, querying nothing")
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Organization nope does not exist.");
        verify(repository, never()).findMembers(anyString());
    }

    /** A membership outlived its user (say, the user's item was deleted by hand): listed, without names. */
    @Test
    void aMemberWhoseUserIsMissingIsListedWithoutNames() {
        // lenient: the organization's check is listingAnUnknownOrganizationIsNotFoundAndQueriesNothing's to test.
        lenient().when(repository.findOrganization("acme")).thenReturn(Optional.of(new Organization("acme", "alice")));
        when(repository.findMembers("acme")).thenReturn(List.of(
                new Membership("acme", "alice", Role.OWNER), new Membership("acme", "ghost", Role.ADMIN)));
        when(repository.findUser("alice")).thenReturn(Optional.of(new User("alice", "Alice", "Liddell")));
        when(repository.findUser("ghost")).thenReturn(Optional.empty());

        List<Member> members = accounts.listMembers("acme");

        assertThat(members).as("a member whose user is missing: listed (the membership still grants its role), with"
                + " null names, not left out").containsExactly(
                new Member("alice", "Alice", "Liddell", Role.OWNER),
                new Member("ghost", null, null, Role.ADMIN));
    }

    private void givenAcmeAndBob() {
        when(repository.findOrganization("acme")).thenReturn(Optional.of(new Organization("acme", "alice")));
        when(repository.findUser("bob")).thenReturn(Optional.of(new User("bob", "Bob", "Builder")));
    }
}
