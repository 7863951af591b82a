package com.example.accounts.repository;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.example.accounts.errors.ConflictException;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** How a cancelled organization transaction becomes an error the caller understands. */
@ExtendWith(MockitoExtension.class)
class AccountRepositoryTest {
    @Mock
    DynamoDbClient dynamoDb;

    @Test
    void aMissingFounderIsNotFound() {
        cancelWith("ConditionalCheckFailed", "None", "None");

        assertThatThrownBy(this::createAcme).isInstanceOf(NotFoundException.class).hasMessage("User alice does not exist.");
    }

    @Test
    void anExistingOrganizationIsAConflict() {
        cancelWith("None", "ConditionalCheckFailed", "None");

        assertThatThrownBy(this::createAcme).isInstanceOf(ConflictException.class).hasMessage("Organization acme already exists.");
    }

    @Test
    void aConcurrentTransactionIsAConflictToRetry() {
        cancelWith("None", "TransactionConflict", "None");

        assertThatThrownBy(this::createAcme).isInstanceOf(ConflictException.class).hasMessageContaining("try again");
    }

    @Test
    void anyOtherCancellationIsUnexpected() {
        cancelWith("None", "ThrottlingError", "None");

        assertThatThrownBy(this::createAcme).isInstanceOf(TransactionCanceledException.class);
    }

    private void createAcme() {
        new AccountRepository(dynamoDb, "accounts")
                .createOrganization(new Organization("acme", "alice"), new Membership("acme", "alice", Role.OWNER));
    }

    private void cancelWith(String... codes) {
        CancellationReason[] reasons = new CancellationReason[codes.length];
        for (int i = 0; i < codes.length; i++) {
            reasons[i] = CancellationReason.builder().code(codes[i]).build();
        }
        when(dynamoDb.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(TransactionCanceledException.builder().cancellationReasons(reasons).build());
    }
}
