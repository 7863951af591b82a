package com.example.accounts;

import static com.example.accounts.ApiCall.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.example.accounts.cache.CacheKeys;
import com.example.accounts.handlers.ListMembersHandler;
import com.example.accounts.model.Member;
import com.example.accounts.model.Role;
import com.example.accounts.model.User;
import com.example.accounts.service.AccountService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * GET /organizations/{organization}/members, the fan-out: one Query for the memberships, then
 * every member's user through the cache at once. With DynamoDB Local behind the cache.
 */
class ListMembersIntegrationTest {
    private static final String NOT_FOUND_AS_STORED = TestCaches.notFoundAsStored();

    /** More Queries than any test here needs: a listing that never stops paging fails instead of hanging. */
    private static final int MAX_QUERIES = 50;

    private final InMemoryCache cache = new InMemoryCache();
    private String table;
    private ReadCountingRepository repository; // the last service's
    private AccountService accounts;

    /** acme: carol (Owner) added alice (Admin) and dave (Member), alice added bob (Member); users created out of order. */
    @BeforeEach
    void acmeWithFourMembers() {
        table = LocalDynamoDb.createAccountsTable();
        accounts = serviceOver(queriesCounted(LocalDynamoDb.client(), new AtomicInteger(), query -> query));
        for (String username : List.of("dave", "carol", "alice", "bob")) {
            accounts.createUser(new User(username, "First " + username, "Last " + username));
        }
        accounts.createOrganization("acme", "carol");
        accounts.addMember("acme", "alice", Role.ADMIN, "carol");
        accounts.addMember("acme", "dave", Role.MEMBER, "carol");
        accounts.addMember("acme", "bob", Role.MEMBER, "alice");
    }

    @Test
    void listsEveryMemberWithTheirNamesSortedByUsername() {
        ApiCall listed = list("acme");

        assertThat(listed.status()).as("listing acme answered %s", listed.body()).isEqualTo(200);
        assertThat(listed.body().path("organization").asText()).as("the answer's \"organization\", the one listed, beside"
                + " its \"members\" (a MemberList): %s", listed.body()).isEqualTo("acme");
        assertThat(usernames(listed)).containsExactly("alice", "bob", "carol", "dave");
        assertThat(listed.body().path("members").get(0).toString())
                .isEqualTo("{\"username\":\"alice\",\"firstName\":\"First alice\",\"lastName\":\"Last alice\",\"role\":\"Admin\"}");
        assertThat(listed.body().path("members").get(2).path("role").asText()).isEqualTo("Owner");
    }

    @Test
    void usernamesAreInDynamoDbsOrderCapitalsFirst() {
        accounts.createUser(new User("Bob", "First Bob", "Last Bob"));
        accounts.addMember("acme", "Bob", Role.MEMBER, "carol");

        assertThat(usernames(list("acme"))).as("the members in the order DynamoDB's Query returns them: by the bytes of"
                + " their usernames, capitals before lower case, with no sorting of the service's own (a case-insensitive"
                + " sort would put Bob after alice)").containsExactly("Bob", "alice", "bob", "carol", "dave");
    }

    @Test
    void theOrganizationMayBeNamedAsWhenItWasCreated() {
        accounts.createOrganization("acme-corp", "alice"); // the service takes slugs: the handlers make them

        ApiCall listed = list("Acme Corp");

        assertThat(listed.status()).as("listing \"Acme Corp\", the name as typed at its creation, which the handler makes"
                + " a slug (an organization's path parameter, not a username's), answered %s", listed.body()).isEqualTo(200);
        assertThat(listed.body().path("organization").asText()).as("the answer's \"organization\", the slug: %s",
                listed.body()).isEqualTo("acme-corp");
        assertThat(usernames(listed)).containsExactly("alice");
    }

    @Test
    void aColdListingReadsDynamoDbAndTheNextOneIsAllCacheHits() {
        cache.items.clear(); // as if every entry's TTL had run out
        int hits = cache.hits.get();
        int misses = cache.misses.get();

        accounts.listMembers("acme");

        assertThat(cache.misses.get() - misses).as("the organization and 4 users missed").isEqualTo(5);
        assertThat(cache.hits.get() - hits).isZero();
        assertThat(cache.items).containsKeys(CacheKeys.organization("acme"),
                CacheKeys.user("alice"), CacheKeys.user("bob"), CacheKeys.user("carol"), CacheKeys.user("dave"));

        List<Member> again = accounts.listMembers("acme");

        assertThat(again).hasSize(4);
        assertThat(cache.hits.get() - hits).as("the organization and 4 users hit").isEqualTo(5);
        assertThat(cache.misses.get() - misses).as("no new misses").isEqualTo(5);
    }

    @Test
    void listingRightAfterTheWritesIsAlreadyAllHits() {
        int misses = cache.misses.get();
        repository.reads.set(0);

        accounts.listMembers("acme");

        assertThat(cache.misses.get()).as("write-aside cached every user and the organization").isEqualTo(misses);
        assertThat(repository.reads).as("users and organizations read from DynamoDB: the cache must answer each, with what"
                + " write-aside cached").hasValue(0);
    }

    @Test
    void unknownOrganizationIs404() {
        ApiCall listed = list("nope");

        assertThat(listed.status()).isEqualTo(404);
        assertThat(listed.error()).isEqualTo("Organization nope does not exist.");
    }

    /** The list itself is not cached: the Query is strongly consistent, so a new member shows at once. */
    @Test
    void anAddedMemberIsListedAtOnce() {
        assertThat(usernames(list("acme"))).doesNotContain("erin");
        accounts.createUser(new User("erin", "Erin", "Example"));

        accounts.addMember("acme", "erin", Role.MEMBER, "carol");

        assertThat(usernames(list("acme"))).containsExactly("alice", "bob", "carol", "dave", "erin");
    }

    /** Decision: a membership whose user is gone is still listed (it still grants its role), without names. */
    @Test
    void aMemberWhoseUserIsGoneIsListedWithoutNames() {
        LocalDynamoDb.client().deleteItem(delete -> delete.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS("USER#dave"), "SK", AttributeValue.fromS("USER#dave"))));
        cache.items.clear();

        ApiCall listed = list("acme");

        assertThat(listed.status()).isEqualTo(200);
        JsonNode dave = listed.body().path("members").path(3);
        assertThat(dave.toString()).as("the fourth member, dave, whose user is gone: listed (the membership still grants its"
                + " role), with null names, not left out").isEqualTo("{\"username\":\"dave\",\"firstName\":null,\"lastName\":null,"
                + "\"role\":\"Member\"}");
        assertThat(cache.items).containsEntry(CacheKeys.user("dave"), NOT_FOUND_AS_STORED);
    }

    @Test
    void theListIsAnsweredFromDynamoDbWhileTheCacheFails() {
        cache.failEverything();

        ApiCall listed = list("acme");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(usernames(listed)).containsExactly("alice", "bob", "carol", "dave");
        assertThat(listed.body().path("members").get(1).path("firstName").asText()).isEqualTo("First bob");
    }

    /**
     * More members than one Query page. DynamoDB Local's pages hold 1 MB, so this test gives
     * every Query a Limit of 2 items, and the repository must follow LastEvaluatedKey, by hand or
     * with the SDK's queryPaginator.
     */
    @Test
    void moreMembersThanOneQueryPage() {
        AtomicInteger pages = new AtomicInteger();
        DynamoDbClient twoPerPage = queriesCounted(LocalDynamoDb.client(), pages, query -> query.toBuilder().limit(2).build());
        AccountService smallPages = serviceOver(twoPerPage);
        List<String> expected = new ArrayList<>(List.of("alice", "bob", "carol", "dave"));
        for (int i = 0; i < 5; i++) {
            smallPages.createUser(new User("member" + i, "M", "N"));
            smallPages.addMember("acme", "member" + i, Role.MEMBER, "carol");
            expected.add("member" + i);
        }

        List<Member> members = smallPages.listMembers("acme");

        assertThat(members).extracting(Member::username).containsExactlyElementsOf(expected);
        assertThat(pages).as("Query pages read").hasValueGreaterThanOrEqualTo(5);
    }

    /**
     * {@code real}, but each Query sent is first changed by {@code change}, then counted into
     * {@code sent}, whichever way the code sends it: query() or queryPaginator(), with a request or
     * a Consumer of its builder. (All but query(QueryRequest) are the client interface's default
     * methods, which end in query(QueryRequest): they run here, not on the real client.) After
     * {@link #MAX_QUERIES} Queries, the next one fails the test.
     */
    private static DynamoDbClient queriesCounted(DynamoDbClient real, AtomicInteger sent, UnaryOperator<QueryRequest> change) {
        DynamoDbClient client = mock(DynamoDbClient.class, withSettings().defaultAnswer(delegatesTo(real)));
        doAnswer(call -> {
            if (sent.incrementAndGet() > MAX_QUERIES) {
                throw new AssertionError("more than " + MAX_QUERIES + " Queries: does each Query start at the previous"
                        + " page's LastEvaluatedKey, and does the loop stop at a page without one?");
            }
            return real.query(change.apply(call.getArgument(0)));
        }).when(client).query(any(QueryRequest.class));
        doCallRealMethod().when(client).query(ArgumentMatchers.<Consumer<QueryRequest.Builder>>any());
        doCallRealMethod().when(client).queryPaginator(any(QueryRequest.class));
        doCallRealMethod().when(client).queryPaginator(ArgumentMatchers.<Consumer<QueryRequest.Builder>>any());
        return client;
    }

    private AccountService serviceOver(DynamoDbClient dynamoDb) {
        repository = new ReadCountingRepository(dynamoDb, table);
        return new AccountService(repository, TestCaches.accountCache(cache));
    }

    private ApiCall list(String organization) {
        return invoke(new ListMembersHandler(accounts), Events.get("/organizations/" + organization + "/members",
                Map.of("organization", organization)));
    }

    private static List<String> usernames(ApiCall listed) {
        List<String> usernames = new ArrayList<>();
        listed.body().path("members").forEach(member -> usernames.add(member.path("username").asText()));
        return usernames;
    }
}
