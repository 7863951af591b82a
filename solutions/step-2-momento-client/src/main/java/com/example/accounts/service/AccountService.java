package com.example.accounts.service;

import com.example.accounts.errors.ForbiddenException;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import java.util.Optional;

/**
 * The rules of the accounts service. Names arrive already validated and normalized by the
 * handlers; this class decides what is allowed and what exists.
 */
public class AccountService {
    private final AccountRepository repository;

    public AccountService(AccountRepository repository) {
        this.repository = repository;
    }

    public User createUser(User user) {
        repository.createUser(user);
        return user;
    }

    public User getUser(String username) {
        return findUser(username).orElseThrow(() -> NotFoundException.user(username));
    }

    /** Creates the organization with its founder as Owner: both or neither. */
    public Organization createOrganization(String organizationName, String foundingUser) {
        Organization organization = new Organization(organizationName, foundingUser);
        repository.createOrganization(organization, new Membership(organizationName, foundingUser, Role.OWNER));
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
        return membership;
    }

    public Membership getMembership(String organizationName, String username) {
        return findMembership(organizationName, username)
                .orElseThrow(() -> NotFoundException.membership(organizationName, username));
    }

    // Every read goes through these three methods.

    private Optional<User> findUser(String username) {
        return repository.findUser(username);
    }

    private Optional<Organization> findOrganization(String organizationName) {
        return repository.findOrganization(organizationName);
    }

    private Optional<Membership> findMembership(String organizationName, String username) {
        return repository.findMembership(organizationName, username);
    }
}
