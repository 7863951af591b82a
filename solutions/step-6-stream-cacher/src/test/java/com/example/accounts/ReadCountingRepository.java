package com.example.accounts;

import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.User;
import com.example.accounts.repository.AccountRepository;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An {@link AccountRepository} that counts the items it reads from DynamoDB. A read the cache
 * answered makes none; a cache hit whose value cannot be read back (the wrong thing cached) makes
 * one, as the service then asks DynamoDB.
 */
public class ReadCountingRepository extends AccountRepository {
    public final AtomicInteger reads = new AtomicInteger();

    /** On a new accounts table in DynamoDB Local. */
    public ReadCountingRepository() {
        this(LocalDynamoDb.client(), LocalDynamoDb.createAccountsTable());
    }

    public ReadCountingRepository(DynamoDbClient dynamoDb, String tableName) {
        super(dynamoDb, tableName);
    }

    @Override
    public Optional<User> findUser(String username) {
        reads.incrementAndGet();
        return super.findUser(username);
    }

    @Override
    public Optional<Organization> findOrganization(String organizationName) {
        reads.incrementAndGet();
        return super.findOrganization(organizationName);
    }

    @Override
    public Optional<Membership> findMembership(String organizationName, String username) {
        reads.incrementAndGet();
        return super.findMembership(organizationName, username);
    }
}
