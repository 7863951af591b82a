package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.LocalService.CacheCounters;
import com.example.workshop.tools.check.LocalService.Reply;
import com.example.workshop.tools.check.StepLessons;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Step 5: list an organization's members with their names, 1 + N reads, all N cache gets sent at once. */
final class Step5FanOut {
    private static final int MEMBERS = 4;

    private Step5FanOut() {
    }

    static StepLessons lessons() {
        return new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(
                Lesson.of("GET /organizations/{organization}/members lists every member with their names",
                        "ListMembersHandler.java",
                        List.of("ListMembersIntegrationTest.listsEveryMemberWithTheirNamesSortedByUsername",
                                "ListMembersIntegrationTest.usernamesAreInDynamoDbsOrderCapitalsFirst",
                                "ListMembersIntegrationTest.unknownOrganizationIs404",
                                "ListMembersIntegrationTest.moreMembersThanOneQueryPage",
                                "ListMembersIntegrationTest.theOrganizationMayBeNamedAsWhenItWasCreated",
                                "ListMembersIntegrationTest.anAddedMemberIsListedAtOnce",
                                "AccountServiceTest.listMembersGivesEachMembershipItsUsersNames",
                                "AccountServiceTest.aMemberWhoseUserIsMissingIsListedWithoutNames",
                                "AccountServiceTest.listingAnUnknownOrganizationIsNotFoundAndQueriesNothing",
                                "AccountRepositoryTest.theMemberListIsReadPageByPage",
                                "HandlerInputTest.listMembersValidatesTheOrganization"),
                        Step5FanOut::listsEveryMemberWithNames),
                Lesson.of("the N user reads are sent to the cache at once, and only misses read DynamoDB",
                        "AccountCache.java",
                        List.of("AccountServiceTest.listMembersSendsEveryUsersGetBeforeWaitingForAny",
                                "AccountCacheTest.readAllSendsEveryGetBeforeWaitingForAny",
                                "AccountCacheTest.readAllSendsEveryFillBeforeWaitingForAny",
                                "AccountCacheTest.aReadAnswersOnlyOnceItsFillIsStored",
                                "AccountCacheTest.readAllAnswersOnlyOnceItsFillsAreStored",
                                "AccountCacheTest.aFailedDatabaseReadInReadAllStillWaitsForTheFillsSentBeforeIt",
                                "AccountCacheTest.readAllAnswersHitsFromTheCacheAndOnlyMissesFromTheDatabase",
                                "AccountCacheTest.aSecondReadAllIsAllHits",
                                "AccountCacheTest.readAllDoesNotOverwriteAConcurrentWrite",
                                "ListMembersIntegrationTest.listingRightAfterTheWritesIsAlreadyAllHits",
                                "ListMembersIntegrationTest.aColdListingReadsDynamoDbAndTheNextOneIsAllCacheHits",
                                "ListMembersIntegrationTest.aMemberWhoseUserIsGoneIsListedWithoutNames"),
                        Step5FanOut::aWarmListingReadsOnlyTheMemberList),
                Lesson.of("Momento down: the list is answered from DynamoDB",
                        "AccountCache.java",
                        List.of("AccountCacheTest.readAllWithAFailingCacheAsksTheDatabaseForEachItem",
                                "AccountCacheTest.readAllWithoutAClientAsksTheDatabaseForEachItem",
                                "AccountCacheTest.readAllSurvivesAGetThatThrowsInsteadOfAnswering",
                                "ListMembersIntegrationTest.theListIsAnsweredFromDynamoDbWhileTheCacheFails"),
                        Step5FanOut::theListWorksWhileMomentoIsDown)));
    }

    static void listsEveryMemberWithNames(LocalService service) throws Exception {
        List<String> members = organizationWithMembers(service);
        String organization = members.remove(0);

        Reply listed = service.get("/organizations/" + organization + "/members");

        boolean refused = listed.status() == 500 && theQueryWasRefused(service);
        expect(listed.status() == 200, listed.describe("GET /organizations/" + organization + "/members") + (refused
                ? ": DynamoDB refused the member list's Query (its log below), which AccountRepository.listMembers builds" : ""),
                refused ? "AccountRepository.java" : null);
        expect(!usernames(listed).equals(Set.of(organization)), "the list names the organization, " + organization + ", as"
                + " every member's username: the membership items are read with the organization and the username swapped"
                + " (AccountRepository's Query, new Membership(organizationName, memberUsername, role))", "AccountRepository.java");
        expect(listed.json().path("members").size() == MEMBERS, "the list has " + listed.json().path("members").size()
                + " members, not " + MEMBERS + ": " + listed.body());
        expect(!listed.json().path("members").get(0).path("firstName").asText("").isEmpty(),
                "each member needs the user's firstName and lastName: " + listed.body());
        // LocalService creates every user as First Last.
        JsonNode first = listed.json().path("members").get(0);
        expect(!(first.path("firstName").asText().equals("Last") && first.path("lastName").asText().equals("First")),
                "each member's firstName and lastName are swapped: " + first + ": " + (theMemberRecordInTheGuidesOrder(service)
                        ? "AccountService.member must pass the user's firstName, then lastName"
                        : "Member's components are username, firstName, lastName, role, in that order"),
                theMemberRecordInTheGuidesOrder(service) ? "AccountService.java" : "Member.java");
        Reply unknown = service.get("/organizations/" + LocalService.unique("nope") + "/members");
        expect(unknown.status() == 404, unknown.describe("GET the members of an unknown organization"));
        // Every member exists: a warning that one does not is AccountService.member's condition turned round (read
        // after another request, as the log may trail the listing's answer).
        List<String> falseAlarms = service.logLines("but does not exist: listed without names").stream()
                .filter(line -> members.stream().anyMatch(member -> line.contains(member + " is a member"))).toList();
        expect(falseAlarms.isEmpty(), "the listing logged that a member who exists does not: "
                + LocalService.brief(falseAlarms.isEmpty() ? "" : falseAlarms.get(0)) + ": AccountService.member must warn only"
                + " when the user is missing (user.isEmpty())", "AccountService.java");
        // It works either way; the lesson is who may Query, which no call to listMembers shows.
        expect(!theProviderAllowsQuery(service.serverlessYml()), "provider.iam's statements in serverless.yml allow"
                + " dynamodb:Query, and every function's role holds them (the roles plugin's inherit): each function may now"
                + " Query the table; give it to listMembers alone, in its own iamRoleStatements", "serverless.yml");
    }

    /**
     * Whether DynamoDB refused listMembers' Query for its expressions (its log quotes the
     * DynamoDbException: "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved
     * keyword: role", a key condition on a name the table lacks): AccountRepository's slip, whatever
     * the handler does with the exception. The Query is the function's only call with an expression.
     */
    static boolean theQueryWasRefused(LocalService service) throws InterruptedException {
        return service.awaitLogLines("DynamoDbException").stream()
                .anyMatch(line -> line.contains("[listMembers#") && line.contains("Expression"));
    }

    private static final java.util.regex.Pattern MEMBER_IN_THE_GUIDES_ORDER = java.util.regex.Pattern.compile(
            "record\\s+Member\\s*\\(\\s*String\\s+\\w+\\s*,\\s*String\\s+firstName\\s*,\\s*String\\s+lastName\\b");

    /** Whether Member.java declares firstName before lastName, as the guide's edit 4 does. */
    static boolean theMemberRecordInTheGuidesOrder(LocalService service) {
        return service.sourceHas("Member.java", MEMBER_IN_THE_GUIDES_ORDER);
    }

    /** Whether the provider block of serverless.yml (its statements are every function's) names dynamodb:Query or dynamodb:*. */
    static boolean theProviderAllowsQuery(List<String> serverlessYml) {
        boolean inProvider = false;
        for (String line : serverlessYml) {
            String code = line.replaceFirst("\\s#.*|^#.*", "");
            if (!code.isBlank() && !Character.isWhitespace(code.charAt(0))) {
                inProvider = code.startsWith("provider:");
            } else if (inProvider && (code.contains("dynamodb:Query") || code.contains("dynamodb:*"))) {
                return true;
            }
        }
        return false;
    }

    static void aWarmListingReadsOnlyTheMemberList(LocalService service) throws Exception {
        List<String> members = organizationWithMembers(service);
        String organization = members.remove(0);
        String path = "/organizations/" + organization + "/members";
        long readsBeforeFirst = service.dynamoDbReads();
        Reply first = service.get(path);
        long firstReads = service.dynamoDbReads() - readsBeforeFirst;
        if (first.status() != 200) {
            theListIsRight(first); // a listing that fails cold too is the first line's slip, not the cache's
        }
        CacheCounters before = service.cacheCounters();
        long readsBefore = service.dynamoDbReads();

        Reply second = service.get(path);

        expect(second.status() == 200, second.describe("GET " + path));
        theListIsRight(second);
        long reads = service.dynamoDbReads() - readsBefore;
        expect(reads == 1, "a warm listing of " + MEMBERS + " members read DynamoDB " + reads
                + " times; only the member list itself (one Query) should: the organization and the users are cached");
        expect(service.cacheCounters().minus(before).hits() >= MEMBERS, "a warm listing should hit the cache for every user");
        // The second listing found what the first one cached, but the first did not find what the writes cached
        // (if it listed the right users: else the first lesson's line says what is wrong with the list).
        expect(firstReads <= 1 || !usernames(first).equals(new TreeSet<>(members)), "the first listing right after the users"
                + " were created read DynamoDB " + firstReads + " times (the next one once): it looked the users up under other"
                + " cache keys than createUser wrote; AccountService.listMembers must read them with CacheKeys::user",
                "AccountService.java");
    }

    static void theListWorksWhileMomentoIsDown(LocalService service) throws Exception {
        List<String> members = organizationWithMembers(service);
        String organization = members.remove(0);
        theListIsRight(service.get("/organizations/" + organization + "/members")); // with Momento up
        service.breakMomento();
        try {
            Reply listed = service.get("/organizations/" + organization + "/members");
            expect(listed.status() == 200 && listed.json().path("members").size() == MEMBERS,
                    "with Momento down, " + listed.describe("GET /organizations/" + organization + "/members"));
        } finally {
            service.healMomento();
        }
    }

    /**
     * A list with too few members (none, when the Query asks for another key) fails the first line,
     * which says why; the cache's lessons are tried on a right list, or they would blame the cache.
     */
    private static void theListIsRight(Reply listed) throws ProbeFailure {
        int listedMembers = listed.status() == 200 ? listed.json().path("members").size() : 0;
        expect(listedMembers == MEMBERS, (listed.status() == 200 ? "the list has " + listedMembers + " members, not " + MEMBERS
                : listed.describe("GET the member list")) + ", as in the first line: the cache's part is tried once the list"
                + " itself is right", "workshop/05-fan-out.md: the first line's slip first (the list itself), then check again");
    }

    private static Set<String> usernames(Reply listed) {
        Set<String> usernames = new TreeSet<>();
        listed.json().path("members").forEach(member -> usernames.add(member.path("username").asText("")));
        return usernames;
    }

    /** [organization, owner, member...]: an owner and MEMBERS - 1 more members. */
    private static List<String> organizationWithMembers(LocalService service) throws Exception {
        String owner = service.createUser("owner");
        String organization = service.createOrganization(owner);
        List<String> result = new java.util.ArrayList<>(List.of(organization, owner));
        for (int i = 1; i < MEMBERS; i++) {
            String member = service.createUser("member");
            Reply added = service.addMember(organization, member, "Member", owner);
            expect(added.status() == 201, added.describe("POST /organizations/" + organization + "/members"));
            result.add(member);
        }
        return result;
    }
}
