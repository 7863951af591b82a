package com.example.accounts.service;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the accounts service. Names arrive already validated and normalized by the
 * handlers; this class decides what is allowed and what exists.
 */
public class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository repository;
    private final AccountCache cache;

    public AccountService(AccountRepository repository, AccountCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    public User createUser(User user) {
        repository.createUser(user);
        cache.write(CacheKeys.user(user.username()), user);
        return user;
    }

    public User getUser(String username) {
        return findUser(username).orElseThrow(() -> NotFoundException.user(username));
    }

    /** Creates the organization with its founder as Owner: both or neither. */
    public Organization createOrganization(String organizationName, String foundingUser) {
        Organization organization = new Organization(organizationName, foundingUser);
        Membership owner = new Membership(organizationName, foundingUser, Role.OWNER);
        repository.createOrganization(organization, owner);
        cache.write(CacheKeys.organization(organizationName), organization);
        cache.write(CacheKeys.membership(organizationName, foundingUser), owner);
        return organization;
    }

    public Organization getOrganization(String organizationName) {
        return findOrganization(organizationName).orElseThrow(() -> NotFoundException.organization(organizationName));
    }

    /** Adds a member, if the acting user is an Owner or Admin of the organization. */
    public Membership addMember(String organizationName, String memberUsername, Role role, String actingUser) {
        getOrganization(organizationName);
        getUser(memberUsername);
        Membership acting = findMembership(organizationName, actingUser)
                .orElseThrow(() -> ForbiddenException.cannotAddMembers(actingUser, organizationName));
        if (!acting.role().canAddMembers()) {
            throw ForbiddenException.cannotAddMembers(actingUser, organizationName);
        }
        Membership membership = new Membership(organizationName, memberUsername, role);
        repository.createMembership(membership);
        cache.write(CacheKeys.membership(organizationName, memberUsername), membership);
        return membership;
    }

    public Membership getMembership(String organizationName, String username) {
        return findMembership(organizationName, username)
                .orElseThrow(() -> NotFoundException.membership(organizationName, username));
    }

    /**
     * The organization's members with their names, in username order: a fan-out of 1 + N reads.
     * One Query lists the memberships (not cached: it is always current, roles included); then
     * the N users are read through the cache all at once. A membership whose user is missing is
     * still listed, as GET .../members/{username} would still find it, with null names.
     */
    public List<Member> listMembers(String organizationName) {
        getOrganization(organizationName);
        List<Membership> memberships = repository.findMembers(organizationName);
        Map<String, Optional<User>> users = findUsers(memberships.stream().map(Membership::memberUsername).toList());
        return memberships.stream()
                .map(membership -> member(membership, users.get(membership.memberUsername())))
                .toList();
    }

    private static Member member(Membership membership, Optional<User> user) {
        if (user.isEmpty()) {
            LOG.warn("User {} is a member of {} but does not exist: listed without names",
                    membership.memberUsername(), membership.organizationName());
        }
        return new Member(membership.memberUsername(),
                user.map(User::firstName).orElse(null),
                user.map(User::lastName).orElse(null),
                membership.role());
    }

    // Every read of an item goes through these methods: the cache first, then DynamoDB.

    private Optional<User> findUser(String username) {
        return cache.read(CacheKeys.user(username), User.class,
                () -> repository.findUser(username));
    }

    private Map<String, Optional<User>> findUsers(List<String> usernames) {
        return cache.readAll(usernames, CacheKeys::user, User.class, repository::findUser);
    }

    private Optional<Organization> findOrganization(String organizationName) {
        return cache.read(CacheKeys.organization(organizationName), Organization.class,
                () -> repository.findOrganization(organizationName));
    }

    private Optional<Membership> findMembership(String organizationName, String username) {
        return cache.read(CacheKeys.membership(organizationName, username), Membership.class,
                () -> repository.findMembership(organizationName, username));
    }
}
