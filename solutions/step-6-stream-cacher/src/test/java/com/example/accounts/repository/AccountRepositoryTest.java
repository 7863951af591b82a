package com.example.accounts.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.accounts.errors.ConflictException;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How a cancelled organization transaction becomes an error the caller understands, and how the
 * member list is read page by page.
 */
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

    @Test
    void theMemberListIsReadPageByPage() {
        Map<String, AttributeValue> endOfFirstPage = Map.of(
                "PK", AttributeValue.fromS("ORGMEMBERS#acme"), "SK", AttributeValue.fromS("MEMBER#bob"));
        List<QueryResponse> pages = List.of(
                QueryResponse.builder().items(member("alice", "Owner"), member("bob", "Member")).lastEvaluatedKey(endOfFirstPage).build(),
                QueryResponse.builder().items(member("carol", "Admin")).build());
        AtomicInteger sent = new AtomicInteger();
        when(dynamoDb.query(any(QueryRequest.class))).thenAnswer(call -> {
            int page = sent.getAndIncrement();
            if (page >= pages.size()) {
                throw new AssertionError("Query " + (page + 1) + " sent, after a last page without LastEvaluatedKey (the"
                        + " SDK's lastEvaluatedKey() is then an empty map, never null: ask hasLastEvaluatedKey())");
            }
            return pages.get(page);
        });
        everyWayOfQueryingSendsAQueryRequest();

        List<Membership> members = new AccountRepository(dynamoDb, "accounts").findMembers("acme");

        assertThat(members).containsExactly(
                new Membership("acme", "alice", Role.OWNER),
                new Membership("acme", "bob", Role.MEMBER),
                new Membership("acme", "carol", Role.ADMIN));
        ArgumentCaptor<QueryRequest> queries = ArgumentCaptor.forClass(QueryRequest.class);
        verify(dynamoDb, times(2)).query(queries.capture());
        QueryRequest first = queries.getAllValues().get(0);
        assertThat(first.hasExclusiveStartKey()).as("the first page starts at the beginning").isFalse();
        assertThat(first.consistentRead()).as("the member list's query is strongly consistent (consistentRead(true)): a"
                + " member added a moment ago is listed").isTrue();
        assertThat(resolvedKeyCondition(first)).as("the key condition, its placeholders replaced by their values")
                .contains("PK='ORGMEMBERS#acme'");
        assertThat(queries.getAllValues().get(1).exclusiveStartKey()).as("the second page starts where the first ended")
                .isEqualTo(endOfFirstPage);
    }

    /**
     * The SDK's other ways to send a Query (a Consumer of the builder, queryPaginator) are the
     * client interface's default methods, and they all end in query(QueryRequest): let them run,
     * so the stubbed query answers each page whichever way the code sends it.
     */
    private void everyWayOfQueryingSendsAQueryRequest() {
        lenient().doCallRealMethod().when(dynamoDb).query(ArgumentMatchers.<Consumer<QueryRequest.Builder>>any());
        lenient().doCallRealMethod().when(dynamoDb).queryPaginator(any(QueryRequest.class));
        lenient().doCallRealMethod().when(dynamoDb).queryPaginator(ArgumentMatchers.<Consumer<QueryRequest.Builder>>any());
    }

    /**
     * The query's key condition with each placeholder (#name, :value) replaced by what it stands
     * for, a value in single quotes, and without spaces: {@code PK = :members} becomes
     * {@code PK='ORGMEMBERS#acme'}, whatever the placeholders are called.
     */
    private static String resolvedKeyCondition(QueryRequest query) {
        String condition = String.valueOf(query.keyConditionExpression());
        return Pattern.compile("[#:][A-Za-z0-9_]+").matcher(condition).replaceAll(placeholder -> {
            String name = placeholder.group();
            AttributeValue value = query.expressionAttributeValues().get(name);
            String resolved = value != null ? "'" + value.s() + "'" : query.expressionAttributeNames().getOrDefault(name, name);
            return Matcher.quoteReplacement(resolved);
        }).replaceAll("\\s+", "");
    }

    /**
     * An acme membership item as the table holds it, every attribute: a Query's projection is the
     * code's choice, and code that maps the key (SK) or the organizationName finds them here too.
     */
    private static Map<String, AttributeValue> member(String username, String role) {
        return Map.of("PK", AttributeValue.fromS("ORGMEMBERS#acme"), "SK", AttributeValue.fromS("MEMBER#" + username),
                "organizationName", AttributeValue.fromS("acme"), "memberUsername", AttributeValue.fromS(username),
                "role", AttributeValue.fromS(role));
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
