package com.example.accounts.repository;

import com.example.accounts.errors.ConflictException;
import com.example.accounts.errors.NotFoundException;
import com.example.accounts.model.Membership;
import com.example.accounts.model.Organization;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Users, organizations and memberships in one DynamoDB table (single-table design):
 * <pre>
 *   PK                 SK
 *   USER#{username}    USER#{username}      a user
 *   ORG#{slug}         ORG#{slug}           an organization
 *   ORGMEMBERS#{slug}  MEMBER#{username}    a membership
 * </pre>
 * Every create is conditional, so nothing is overwritten, and an organization is written
 * together with its Owner membership in one transaction, so neither exists without the other.
 */
public class AccountRepository {
    private static final String NEW_ITEM_ONLY = "attribute_not_exists(PK)";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public AccountRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public void createUser(User user) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(user))
                    .conditionExpression(NEW_ITEM_ONLY));
        } catch (ConditionalCheckFailedException alreadyThere) {
            throw ConflictException.userExists(user.username());
        }
    }

    public Optional<User> findUser(String username) {
        return getItem(userKey(username)).map(item -> new User(
                text(item, "username"), text(item, "firstName"), text(item, "lastName")));
    }

    /**
     * Writes the organization and its founder's Owner membership in one transaction, on the
     * condition that the founder exists and neither item does yet.
     */
    public void createOrganization(Organization organization, Membership ownerMembership) {
        TransactWriteItem founderExists = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tableName)
                .key(userKey(organization.foundingUser()))
                .conditionExpression("attribute_exists(PK)")
                .build()).build();
        TransactWriteItem putOrganization = TransactWriteItem.builder().put(newItem(toItem(organization))).build();
        TransactWriteItem putMembership = TransactWriteItem.builder().put(newItem(toItem(ownerMembership))).build();
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(founderExists, putOrganization, putMembership)
                    .build());
        } catch (TransactionCanceledException cancelled) {
            // The reasons come in the order of the transaction's items.
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                throw NotFoundException.user(organization.foundingUser());
            }
            if (failedCondition(reasons, 1) || failedCondition(reasons, 2)) {
                throw ConflictException.organizationExists(organization.organizationName());
            }
            if (reasons.stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()))) {
                // Another request is writing the same items at this very moment.
                throw ConflictException.organizationBeingCreated(organization.organizationName());
            }
            throw cancelled;
        }
    }

    public Optional<Organization> findOrganization(String organizationName) {
        return getItem(organizationKey(organizationName)).map(item -> new Organization(
                text(item, "organizationName"), text(item, "foundingUser")));
    }

    public void createMembership(Membership membership) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(membership))
                    .conditionExpression(NEW_ITEM_ONLY));
        } catch (ConditionalCheckFailedException alreadyThere) {
            throw ConflictException.membershipExists(membership.organizationName(), membership.memberUsername());
        }
    }

    public Optional<Membership> findMembership(String organizationName, String username) {
        return getItem(membershipKey(organizationName, username)).map(item -> new Membership(
                text(item, "organizationName"),
                text(item, "memberUsername"),
                Role.fromLabel(text(item, "role")).orElseThrow()));
    }

    /**
     * Every membership of the organization, in username order: one Query on the organization's
     * partition, whose items DynamoDB returns sorted by their sort key ({@code MEMBER#username}),
     * byte by byte (UTF-8): capitals come before lower case. A Query answers at most 1 MB per
     * page; while DynamoDB returns a LastEvaluatedKey, the next page starts there. Strongly
     * consistent, and only the two attributes needed are read.
     */
    public List<Membership> findMembers(String organizationName) {
        List<Membership> members = new ArrayList<>();
        Map<String, AttributeValue> startKey = null; // null: the first page
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("PK = :members")
                    .expressionAttributeValues(Map.of(":members", s("ORGMEMBERS#" + organizationName)))
                    .projectionExpression("memberUsername, #role")
                    .expressionAttributeNames(Map.of("#role", "role")) // ROLE is a DynamoDB reserved word
                    .consistentRead(true)
                    .exclusiveStartKey(startKey)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                members.add(new Membership(organizationName,
                        text(item, "memberUsername"),
                        Role.fromLabel(text(item, "role")).orElseThrow()));
            }
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return members;
    }

    private Optional<Map<String, AttributeValue>> getItem(Map<String, AttributeValue> key) {
        // Strongly consistent, so a read right after a write sees it. The staleness this
        // workshop is about comes from caches, not from DynamoDB replication.
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(key)
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private Put newItem(Map<String, AttributeValue> item) {
        return Put.builder().tableName(tableName).item(item).conditionExpression(NEW_ITEM_ONLY).build();
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static Map<String, AttributeValue> userKey(String username) {
        return key("USER#" + username, "USER#" + username);
    }

    private static Map<String, AttributeValue> organizationKey(String organizationName) {
        return key("ORG#" + organizationName, "ORG#" + organizationName);
    }

    private static Map<String, AttributeValue> membershipKey(String organizationName, String username) {
        return key("ORGMEMBERS#" + organizationName, "MEMBER#" + username);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", s(pk), "SK", s(sk));
    }

    private static Map<String, AttributeValue> toItem(User user) {
        return withKey(userKey(user.username()), Map.of(
                "username", s(user.username()),
                "firstName", s(user.firstName()),
                "lastName", s(user.lastName())));
    }

    private static Map<String, AttributeValue> toItem(Organization organization) {
        return withKey(organizationKey(organization.organizationName()), Map.of(
                "organizationName", s(organization.organizationName()),
                "foundingUser", s(organization.foundingUser())));
    }

    private static Map<String, AttributeValue> toItem(Membership membership) {
        return withKey(membershipKey(membership.organizationName(), membership.memberUsername()), Map.of(
                "organizationName", s(membership.organizationName()),
                "memberUsername", s(membership.memberUsername()),
                "role", s(membership.role().label())));
    }

    private static Map<String, AttributeValue> withKey(Map<String, AttributeValue> key, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.putAll(attributes);
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        return item.get(attribute).s();
    }
}
