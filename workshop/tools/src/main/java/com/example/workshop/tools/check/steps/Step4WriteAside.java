package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.LocalService.CacheCounters;
import com.example.workshop.tools.check.LocalService.Reply;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StepLessons;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Step 4: write-aside. After a write returns, the next read is a hit with the new answer. */
final class Step4WriteAside {
    /** Reads the cache's items, to see what a write put under a key. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Step4WriteAside() {
    }

    static StepLessons lessons() {
        return new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(
                Lesson.of("creating a user caches the user",
                        "AccountService.java",
                        List.of("CachedWritesIntegrationTest.createUserCachesTheUser", "AccountCacheTest.aWriteGivesTheCachesTtl"),
                        Step4WriteAside::creatingAUserCachesIt),
                Lesson.of("creating an organization caches it and its Owner membership",
                        "AccountService.java",
                        List.of("CachedWritesIntegrationTest.createOrganizationCachesItAndItsOwner",
                                // a write that DynamoDB refused, cached all the same, makes its would-be founder an Owner
                                "AccountsApiIntegrationTest$Organizations.duplicateOrganizationIs409AndKeepsTheOwner"),
                        Step4WriteAside::creatingAnOrganizationCachesItAndItsOwner),
                Lesson.of("adding a member replaces a cached \"not a member\"",
                        "AccountService.java",
                        List.of("CachedWritesIntegrationTest.addMemberReplacesACachedNotAMember",
                                "NodeTutorialRegressionTest.addedMemberIsSeenRightAway",
                                // a refused add, cached all the same, gives the member a role DynamoDB never stored
                                "NodeTutorialRegressionTest.membershipAlreadyExistsNamesUserAndOrganization",
                                "AccountCacheTest.aWriteReplacesACachedNotFound"),
                        Step4WriteAside::addingAMemberReplacesACachedNotAMember),
                Lesson.of("a read-aside fill never overwrites a write (setIfNotExists)",
                        "AccountCache.java",
                        List.of("AccountCacheTest.aSlowReaderDoesNotOverwriteAConcurrentWrite", "ConcurrentMembershipTest",
                                // with setIfNotExists, a fill no longer replaces an unreadable value (step 3's test, renamed)
                                "AccountCacheTest.anUnreadableCachedValueLeavesTheDatabaseToAnswerUntilItsTtlEnds"),
                        null),
                Lesson.of("a failed cache write never fails the request",
                        "AccountCache.java",
                        List.of("AccountCacheTest.aFailedWriteDoesNotFailTheCaller",
                                "AccountCacheTest.aWriteWithoutAClientDoesNotFailTheCaller",
                                // a write not waited for may never be sent (Lambda freezes the environment)
                                "AccountCacheTest.aWriteReturnsOnlyOnceItIsStored"),
                        Step4WriteAside::aFailedCacheWriteDoesNotFailTheRequest)));
    }

    static void creatingAUserCachesIt(LocalService service) throws Exception {
        CacheCounters beforeCreate = service.cacheCounters();
        long deletesBefore = service.momentoCalls("Delete");
        String user = service.createUser("alice");
        long readsBefore = service.dynamoDbReads();

        Reply read = service.get("/users/" + user);

        expect(read.status() == 200, read.describe("GET /users/" + user));
        expectCachedByTheWrite(service.dynamoDbReads() == readsBefore, service.cacheCounters().minus(beforeCreate),
                service.momentoCalls("Delete") > deletesBefore,
                "reading a user right after creating her read DynamoDB: createUser must put the user in the cache", service, user);

        // A second user of the same name is refused: the cache must still hold the first.
        Reply refused = service.post("/users", Map.of("username", user, "firstName", "Mallory", "lastName", "Last"), null);
        Reply again = service.get("/users/" + user);
        expect(refused.status() == 409, refused.describe("POST /users a second time, as " + user));
        expect(again.json().path("user").path("firstName").asText("").equals("First"), "after DynamoDB refused a second user"
                + " named " + user + " (409), " + again.describe("GET /users/" + user) + ": createUser wrote the cache before"
                + " DynamoDB accepted the write; write it only once the repository call has returned");
    }

    /** The cache's keys (those that name the organization) whose item is the membership of {@code user}. */
    private static List<String> keysHoldingTheMembershipOf(LocalService service, String organization, String user)
            throws Exception {
        return service.cachedItems(organization).entrySet().stream()
                .filter(item -> item.getValue().contains("\"memberUsername\":\"" + user + "\""))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * The cache's keys that name {@code organization} and hold a membership whose member they do not name (the
     * organization's key, say), with that member: a write of the service put the membership under another item's key.
     */
    private static Map<String, String> membershipsWithoutTheirMember(LocalService service, String organization) throws Exception {
        Map<String, String> misplaced = new java.util.TreeMap<>();
        for (Map.Entry<String, String> item : service.cachedItems(organization).entrySet()) {
            try {
                String member = JSON.readTree(item.getValue()).path("memberUsername").asText("");
                if (!member.isEmpty() && !item.getKey().contains(member)) {
                    misplaced.put(item.getKey(), member);
                }
            } catch (JsonProcessingException notJson) {
                // not a membership: what AccountCache.write stores is told below
            }
        }
        return misplaced;
    }

    /**
     * The cache's keys whose item is the user {@code username} (her JSON names her). The look into the cache matches
     * keys only, so this looks at every item, as far as it shows them (100): at the step's first lesson it holds few.
     */
    private static List<String> keysHoldingTheUser(LocalService service, String username) throws Exception {
        return service.cachedItems("").entrySet().stream()
                .filter(item -> item.getValue().contains("\"username\":\"" + username + "\""))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The cache's keys whose item is the organization {@code name} (its JSON names it and its founder), as above. */
    static List<String> keysHoldingTheOrganization(LocalService service, String name) throws Exception {
        return service.cachedItems("").entrySet().stream()
                .filter(item -> item.getValue().contains("\"organizationName\":\"" + name + "\"")
                        && item.getValue().contains("\"foundingUser\""))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Fails when a read right after a write went to DynamoDB. If the write did set the item and the
     * read found it (a hit), what was set is not what the read path decodes: the slip is in
     * AccountCache.write, not in the service's write path.
     */
    /** @param name a user's name, to look for her under another key; null: do not look */
    private static void expectCachedByTheWrite(boolean cached, CacheCounters seen, boolean deleted, String notCached,
                                               LocalService service, String name) throws Exception {
        if (cached) {
            return;
        }
        if (deleted) { // a Delete between the write and the read: an invalidation instead of a write
            throw new ProbeFailure(notCached + "; here the write deleted the cache entry instead of setting it: write-aside"
                    + " sets the new value (AccountCache.write: a set), so the next read is a hit; a delete leaves the entry"
                    + " to the next read's fill, which a slow reader's older answer can win", "AccountCache.java");
        }
        if (seen.sets() > 0 && seen.hits() > 0) {
            throw new ProbeFailure(notCached + "; here the write did set the item and the read found it, but could not decode"
                    + " it: AccountCache.write must store encode(value), the JSON that read decodes", "AccountCache.java");
        }
        // Only a user's name is in no other key (a membership's names its user and organization).
        Set<String> keys = name == null ? Set.of() : service.cachedItemsTtlMillis(name).keySet();
        if (seen.sets() > 0 && keys.size() > 1) {
            // The write set one key, the read missed and its fill set another: both name the item.
            throw new ProbeFailure(notCached + "; here the write did set an item, but the read looked under another key"
                    + " (the cache holds " + String.join(", ", keys) + "): build every key with CacheKeys");
        }
        // Her JSON under a key without her name: the write built it from another field (user#First: her first name).
        List<String> withoutHerName = name == null || seen.sets() == 0 ? List.of()
                : keysHoldingTheUser(service, name).stream().filter(key -> !key.contains(name)).toList();
        if (!withoutHerName.isEmpty()) {
            throw new ProbeFailure(notCached + "; here the write did put her in the cache, but under " + String.join(" and ",
                    withoutHerName) + ", a key without her username, where the read does not look: build the key with"
                    + " CacheKeys.user(the username)");
        }
        throw new ProbeFailure(notCached);
    }

    static void creatingAnOrganizationCachesItAndItsOwner(LocalService service) throws Exception {
        String founder = service.createUser("alice");
        CacheCounters beforeCreate = service.cacheCounters();
        long deletesBefore = service.momentoCalls("Delete");
        String organization = service.createOrganization(founder);
        long readsBefore = service.dynamoDbReads();
        // Before any read fills the cache: the keys the create itself wrote the Owner membership under.
        List<String> writtenByTheCreate = keysHoldingTheMembershipOf(service, organization, founder);

        Reply org = service.get("/organizations/" + organization);
        long afterOrganization = service.dynamoDbReads();
        CacheCounters seen = service.cacheCounters().minus(beforeCreate);
        Reply owner = service.get("/organizations/" + organization + "/members/" + founder);

        expect(org.status() == 200 && owner.status() == 200, owner.describe("GET the new organization's owner"));
        // The create set it and the read's fill set it again elsewhere: two keys hold the organization.
        List<String> holdingIt = afterOrganization == readsBefore || seen.sets() == 0 ? List.of()
                : keysHoldingTheOrganization(service, organization);
        expect(holdingIt.size() < 2, "reading an organization right after creating it read DynamoDB; here createOrganization"
                + " did cache it, but under another key than the read's (the cache holds it under " + String.join(" and ",
                holdingIt) + "): build the key with CacheKeys.organization(the organization's name)");
        Map<String, String> misplaced = afterOrganization == readsBefore ? Map.of()
                : membershipsWithoutTheirMember(service, organization);
        expect(misplaced.isEmpty(), "reading an organization right after creating it read DynamoDB; here createOrganization"
                + " cached a membership under " + String.join(" and ", misplaced.keySet()) + ", a key without its member's name ("
                + String.join(", ", misplaced.values()) + "), where the organization's read found it and could not decode it:"
                + " cache owner, the Membership, under CacheKeys.membership(organizationName, foundingUser)",
                "AccountService.java");
        expectCachedByTheWrite(afterOrganization == readsBefore, seen, service.momentoCalls("Delete") > deletesBefore,
                "reading an organization right after creating it read"
                + " DynamoDB: createOrganization must cache the organization", service, null);
        String ownerNotCached = "reading the founder's membership right after creating the organization read DynamoDB:"
                + " createOrganization must cache the Owner membership too";
        if (service.dynamoDbReads() != afterOrganization) {
            // The read missed and its fill cached the membership under the read's key: another key holding it is the write's.
            List<String> keys = keysHoldingTheMembershipOf(service, organization, founder);
            Optional<String> readElsewhere = theReadLooksElsewhere(writtenByTheCreate, keys, organization, founder);
            if (readElsewhere.isPresent()) {
                throw new ProbeFailure(ownerNotCached.replace(": createOrganization must cache the Owner membership too", "")
                        + readElsewhere.get(), FIND_MEMBERSHIP);
            }
            expect(service.momentoCalls("Delete") == deletesBefore, ownerNotCached + "; here the create deleted a cache entry"
                    + " instead of setting it: write-aside sets the new value (AccountCache.write: a set), so the next read is a"
                    + " hit; a delete leaves the entry to the next read's fill, which a slow reader's older answer can win",
                    "AccountService.java");
            expect(keys.size() < 2, ownerNotCached + "; here it did, but under another key than the read's (the cache holds"
                    + " the membership under " + String.join(" and ", keys) + "): build every key with CacheKeys");
            unreadableMembership(service, organization, founder, "reading the founder's membership right after creating"
                    + " the organization", "createOrganization cached another object than the Owner membership under its key"
                    + " (the organization?): cache owner, the Membership, under CacheKeys.membership(organizationName,"
                    + " foundingUser)");
            throw new ProbeFailure(ownerNotCached);
        }

        // A second organization of the same name is refused: the cache must not make its would-be founder an Owner.
        String mallory = service.createUser("mallory");
        Reply refused = service.post("/organizations", Map.of("organizationName", organization), mallory);
        Reply role = service.get("/organizations/" + organization + "/members/" + mallory);
        expect(refused.status() == 409, refused.describe("POST /organizations a second time, named " + organization));
        expect(role.status() == 404, "after DynamoDB refused a second organization named " + organization + " (409), "
                + role.describe("GET /organizations/" + organization + "/members/" + mallory) + ": createOrganization wrote"
                + " the cache before DynamoDB accepted the write; write it only once the repository call has returned");
    }

    /**
     * Fails when {@code member}'s membership key holds something else than a membership, or the read logged that it
     * could not decode what it held there: the read then asked DynamoDB, though the write did cache something (the
     * line copied above it caches the organization; the role instead of the membership compiles too). A fill may have
     * replaced it since (step 3's set): its log still says.
     */
    private static void unreadableMembership(LocalService service, String organization, String member, String read,
                                             String advice) throws Exception {
        List<String> held = service.cachedItems(organization).entrySet().stream()
                .filter(item -> item.getKey().contains(member) && !item.getValue().contains("\"memberUsername\":\"")
                        && !item.getValue().equals("NOT_FOUND"))
                .map(item -> item.getKey() + " holds " + (item.getValue().length() > 150
                        ? item.getValue().substring(0, 150) + "..." : item.getValue())).sorted().toList();
        List<String> logged = service.logLines(" is not a Membership").stream()
                .filter(line -> line.contains(organization) && line.contains(member)).map(String::strip).toList();
        if (held.isEmpty() && logged.isEmpty()) {
            return;
        }
        // The membership itself, as a record's toString(): the write's encoding, not the service's object.
        boolean notJson = !held.isEmpty() && held.stream().allMatch(item -> item.contains(" holds Membership["));
        if (notJson) {
            throw new ProbeFailure(read + " read DynamoDB, as the cache held the membership as text that is not its JSON: "
                    + String.join(" and ", held) + ": AccountCache.write must store encode(value), the JSON that read decodes,"
                    + " not value.toString()", "AccountCache.java");
        }
        throw new ProbeFailure(read + " read DynamoDB, as the cache held something else than a membership under its key"
                + (held.isEmpty() ? "" : ": " + String.join(" and ", held)) + (logged.isEmpty() ? ""
                        : " (its log: " + LocalService.brief(logged.get(logged.size() - 1)) + ")") + ": " + advice,
                "AccountService.java");
    }

    static void addingAMemberReplacesACachedNotAMember(LocalService service) throws Exception {
        String alice = service.createUser("alice");
        String bob = service.createUser("bob");
        String organization = service.createOrganization(alice);
        String membership = "/organizations/" + organization + "/members/" + bob;
        Reply before = service.get(membership); // now "not a member" is cached
        // What the add reads first (the organization, bob, alice's role), read now: its reads are then hits,
        // so a conditional set during the add is its write's, not a read-aside fill's (createUser may not cache yet).
        for (String read : List.of("/organizations/" + organization, "/users/" + bob,
                "/organizations/" + organization + "/members/" + alice)) {
            service.get(read);
        }

        long setsBefore = service.momentoCalls("Set");
        long conditionalSetsBefore = conditionalSets(service);
        Reply added = service.addMember(organization, bob, "Member", alice);
        boolean onlyConditionalSets = service.momentoCalls("Set") == setsBefore && conditionalSets(service) > conditionalSetsBefore;
        long readsBefore = service.dynamoDbReads();
        Reply after = service.get(membership);
        boolean readTheTable = service.dynamoDbReads() > readsBefore;

        expect(before.status() == 404, before.describe("GET " + membership + " before the add"));
        expect(added.status() == 201, added.describe("POST /organizations/" + organization + "/members"));
        String servedNotAMember = "right after bob was added, " + after.describe("GET " + membership)
                + ": the cached \"not a member\" was served";
        expect(after.status() == 200 || !onlyConditionalSets, servedNotAMember + "; the add wrote the cache with"
                + " setIfNotExists, which keeps what is there: AccountCache.write must use set (only the read-aside fill"
                + " uses setIfNotExists)", "AccountCache.java");
        // The read found "not a member" under its key: a key that holds bob's membership is another one.
        List<String> elsewhere = after.status() == 200 ? List.of() : keysHoldingTheMembershipOf(service, organization, bob);
        // Held where CacheKeys.membership(organization, bob) puts it: the add is right, the read (step 3's) looks elsewhere.
        if (!elsewhere.isEmpty() && elsewhere.stream().allMatch(key -> namesTheOrganizationFirst(key, organization, bob))) {
            List<String> notAMember = service.cachedItems(organization).entrySet().stream()
                    .filter(item -> item.getKey().contains(bob) && !elsewhere.contains(item.getKey()))
                    .filter(item -> !item.getValue().contains("\"memberUsername\"")).map(Map.Entry::getKey).sorted().toList();
            throw new ProbeFailure(servedNotAMember + "; addMember cached bob's membership where it belongs, under "
                    + String.join(" and ", elsewhere) + " (the organization's name, then the member's, as CacheKeys.membership"
                    + " writes them), but the read looks under another key" + (notAMember.isEmpty() ? ""
                    : " (the \"not a member\" is under " + String.join(" and ", notAMember) + ")") + ": findMembership must"
                    + " build its key with CacheKeys.membership(the organization, the member), the organization first",
                    FIND_MEMBERSHIP);
        }
        expect(elsewhere.isEmpty(), servedNotAMember + "; addMember did cache bob's membership, but under "
                + String.join(" and ", elsewhere) + ", not where the read looks: build the key with CacheKeys.membership(the"
                + " organization, the new member), as the read path does");
        expect(after.status() == 200, servedNotAMember + "; addMember must write the membership to the cache, with a"
                + " write that replaces what is there (AccountCache.write: a set)");
        expect(after.json().path("membership").path("memberUsername").asText("").equals(bob)
                && after.json().path("membership").path("role").asText("").equals("Member"), "right after bob was added as"
                + " Member, " + after.describe("GET " + membership) + ": addMember must cache the membership it wrote (bob's),"
                + " not another object");
        if (readTheTable) { // right, but from DynamoDB: what addMember cached could not be read
            String read = "reading bob's membership right after he was added";
            unreadableMembership(service, organization, bob, read, "addMember cached another object than the membership it"
                    + " wrote under its key (the role?): cache membership, the Membership, under"
                    + " CacheKeys.membership(organizationName, memberUsername)");
            throw new ProbeFailure(read + " read DynamoDB: addMember must cache the membership it wrote, so that the next"
                    + " read is a hit");
        }

        // A write DynamoDB refuses must leave the cache alone: else bob reads as Owner, and acts as one.
        Reply refused = service.addMember(organization, bob, "Owner", alice);
        Reply role = service.get(membership);
        expect(refused.status() == 409, refused.describe("adding bob a second time, as Owner"));
        expect(role.json().path("membership").path("role").asText("").equals("Member"), "after DynamoDB refused to add bob a"
                + " second time (409), " + role.describe("GET " + membership) + ": addMember wrote the cache before DynamoDB"
                + " accepted the write; write it only once the repository call has returned");
    }

    /** Step 3's edit of the read path, where a membership's key is built for the read. */
    private static final String FIND_MEMBERSHIP = "workshop/03-read-aside.md, the edit of AccountService.java (findMembership)";

    /**
     * "; createOrganization cached the Owner membership where it belongs, ...", when the create wrote it only under the
     * key CacheKeys.membership(organization, founder) gives and the read's fill then put it under another: the read's key
     * (step 3's findMembership, the names swapped) is the slip, not the create's. Empty otherwise.
     */
    static Optional<String> theReadLooksElsewhere(List<String> writtenByTheCreate, List<String> keysAfterTheRead,
                                                  String organization, String founder) {
        List<String> filled = keysAfterTheRead.stream().filter(key -> !writtenByTheCreate.contains(key)).toList();
        if (writtenByTheCreate.isEmpty() || filled.isEmpty()
                || !writtenByTheCreate.stream().allMatch(key -> namesTheOrganizationFirst(key, organization, founder))) {
            return Optional.empty();
        }
        return Optional.of(", though createOrganization cached the Owner membership where it belongs, under "
                + String.join(" and ", writtenByTheCreate) + " (the organization's name, then the member's, as"
                + " CacheKeys.membership writes them): the read looked under another key, and its fill put it there ("
                + String.join(" and ", filled) + "): findMembership must build its key with CacheKeys.membership(the"
                + " organization, the member), the organization first");
    }

    /** Whether {@code key} names the organization before the member, as CacheKeys.membership(organization, member) does. */
    private static boolean namesTheOrganizationFirst(String key, String organization, String member) {
        int organizationAt = key.indexOf(organization);
        return organizationAt >= 0 && key.indexOf(member, organizationAt + organization.length()) >= 0;
    }

    /** Momento's conditional sets so far: the SDK's setIfNotExists (and setIf, which can do the same). */
    private static long conditionalSets(LocalService service) throws Exception {
        return service.momentoCalls("SetIfNotExists") + service.momentoCalls("SetIf");
    }

    static void aFailedCacheWriteDoesNotFailTheRequest(LocalService service) throws Exception {
        long faultsBefore = service.injectedMomentoFaults();
        long warningsBefore = service.warnings("[createUser#");
        service.breakMomento();
        String user;
        try {
            user = service.createUser("alice");
        } finally {
            service.healMomento();
        }
        // Without a write to fail, a create that answers proves nothing yet (this step's edits not made). The code decides
        // when the server saw no call: a first call that timed out in the client never reached it.
        expect(service.injectedMomentoFaults() > faultsBefore || service.methodCalls("AccountService.java", "createUser", "write"),
                "not tried yet: creating a user while Momento was down made no"
                + " cache call, so no write failed; createUser's write-aside (cache.write after the repository's write) is what"
                + " this line tries", "AccountService.java");
        Reply read = service.get("/users/" + user);
        expect(read.status() == 200, "after creating a user while Momento was down, " + read.describe("GET /users/" + user));
        // The entry may now be stale for a TTL: someone must be able to see why (the guide's LOG.warn).
        expect(service.injectedMomentoFaults() == faultsBefore
                        || service.awaitMoreWarnings("[createUser#", warningsBefore, 2) > warningsBefore,
                "creating a user while Momento was down logged no WARN: a failed cache write must be logged, as the entry"
                        + " may stay stale for up to its TTL (AccountCache.write: wait for Momento's answer with join() before"
                        + " returning, as a callback may never run in a frozen environment; LOG.warn in both the Error answer and"
                        + " the catch)",
                "AccountCache.java");
    }
}
