package com.example.accounts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.accounts.TestCaches;
import com.example.accounts.errors.ForbiddenException;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import java.util.Optional;
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

    private void givenAcmeAndBob() {
        when(repository.findOrganization("acme")).thenReturn(Optional.of(new Organization("acme", "alice")));
        when(repository.findUser("bob")).thenReturn(Optional.of(new User("bob", "Bob", "Builder")));
    }
}
