package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.ClosedClient;
import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.LocalService.CacheCounters;
import com.example.workshop.tools.check.LocalService.Reply;
import com.example.workshop.tools.check.StepLessons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step 3: read-aside. Every probe reads items nobody has read yet, so its counters are its own. */
final class Step3ReadAside {
    /**
     * Longer than Clients.RETRY_AFTER_FAILURE (5 s), after which the first use of the cache tries
     * again, by the time that try takes on a slow laptop: the environment loads the Momento SDK's
     * classes only then (its Init failed before), 2-4 s on one busy core. A poll: right code ends it early.
     */
    private static final long RETRY_SECONDS = 20;

    static final long CACHE_TTL_MILLIS = 60_000;
    /** How long the probe may take between the fill and its look at the TTL, on a busy machine. */
    private static final long TTL_SLACK_MILLIS = 15_000;
    /**
     * Where a wrong TTL comes from when AccountCacheTest passes (it proves each set states the TTL the
     * cache was given); when that test fails, the checklist points at AccountCache.java instead.
     */
    private static final String TTL_GIVEN_IN = "Dependencies.java";
    /** Clients.CACHE_TTL declared as a minute, in any of the usual spellings. */
    private static final java.util.regex.Pattern A_MINUTE = java.util.regex.Pattern.compile(
            "Duration\\.of(Seconds\\(60L?\\)|Minutes\\(1L?\\)|Millis\\(60_?000L?\\))|Duration\\.parse\\(\"PT(60S|1M)\"\\)");
    /** How the local cloud logs an Init that threw: no handler, so the request answers 502. */
    private static final String HANDLER_NOT_CREATED = "INIT failed: the handler could not be created";
    /** Dependencies building the cache (edit 4), wherever it does. */
    private static final java.util.regex.Pattern BUILDS_THE_CACHE = java.util.regex.Pattern.compile("new\\s+AccountCache\\s*\\(");
    /**
     * Dependencies building it with a supplier that asks for the client at each use, edit 4's {@code Dependencies::cacheClient}
     * (or a lambda that calls cacheClient), not {@code () -> client} over a client fetched once during Init.
     */
    private static final java.util.regex.Pattern CLIENT_ASKED_AT_EACH_USE = java.util.regex.Pattern.compile(
            "new\\s+AccountCache\\s*\\(\\s*(?:[\\w.]+\\s*::\\s*cacheClient\\b|\\(\\s*\\)\\s*->\\s*(?:[\\w.]+\\s*\\.\\s*)?cacheClient\\s*\\()");

    /**
     * findMembership(String organization, String user) keying its read CacheKeys.membership(user, organization):
     * consistent within step 3, so no read shows it, but step 4's writes key a membership organization first.
     */
    static final java.util.regex.Pattern MEMBERSHIP_KEY_SWAPPED = java.util.regex.Pattern.compile("\\bfindMembership\\s*\\("
            + "\\s*(?:final\\s+)?String\\s+(\\w+)\\s*,\\s*(?:final\\s+)?String\\s+(\\w+)\\s*\\)\\s*\\{[^}]*?"
            + "CacheKeys\\s*\\.\\s*membership\\s*\\(\\s*\\2\\s*,\\s*\\1\\s*\\)");

    private Step3ReadAside() {
    }

    static StepLessons lessons() {
        return new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(
                Lesson.of("a miss reads DynamoDB and fills the cache, with a TTL",
                        "AccountCache.java",
                        List.of("AccountCacheTest.aMissAsksTheDatabaseAndCachesTheAnswerWithATtl",
                                "AccountCacheTest.aReadAnswersOnlyOnceItsFillIsStored"),
                        Step3ReadAside::aMissReadsDynamoDbAndFillsTheCache),
                Lesson.of("a hit does not read DynamoDB",
                        "AccountCache.java",
                        List.of("AccountCacheTest.aHitDoesNotAskTheDatabase"),
                        Step3ReadAside::aHitDoesNotReadDynamoDb),
                Lesson.of("not found is cached, and still answers 404",
                        "AccountCache.java",
                        List.of("AccountCacheTest.notFoundIsCachedToo", "CachedReadsIntegrationTest.cachedNotFoundIsStill404",
                                "NodeTutorialRegressionTest.addedMemberIsHiddenByTheCachedNotFound"),
                        Step3ReadAside::notFoundIsCached),
                Lesson.of("users, organizations and memberships are all read through the cache",
                        "AccountService.java",
                        List.of("CachedReadsIntegrationTest.aUsersSecondReadIsACacheHit",
                                "CachedReadsIntegrationTest.anOrganizationsSecondReadIsACacheHit",
                                "CachedReadsIntegrationTest.aMembershipsSecondReadIsACacheHit",
                                // a key per username as written: alice and Alice are two users
                                "CachedReadsIntegrationTest.usersWhoseNamesDifferOnlyInCaseAreCachedApart"),
                        Step3ReadAside::everyKindOfReadGoesThroughTheCache),
                Lesson.of("Momento down, its key or a cached value unreadable: DynamoDB answers",
                        "AccountCache.java",
                        List.of("AccountCacheTest.aFailingCacheLeavesTheDatabaseToAnswer",
                                "AccountCacheTest.anUnreadableCachedValueLeavesTheDatabaseToAnswerAndIsReplaced",
                                "AccountCacheTest.aClientThatCannotBeCreatedLeavesTheDatabaseToAnswer",
                                "AccountCacheTest.aCacheCallThatThrowsLeavesTheDatabaseToAnswer",
                                // the try around the cache's calls only: DynamoDB's failure is not retried as the cache's
                                "AccountCacheTest.aFailingDatabaseIsAskedOnceAndItsFailureReachesTheCaller",
                                "CachedReadsIntegrationTest.everyReadWorksWhileTheCacheIsDown"),
                        Step3ReadAside::dynamoDbAnswersWhileMomentoIsDown)));
    }

    /**
     * Where to look when a read of a user never asked the cache: AccountService, while its findUser
     * calls no {@code read} (it still asks the repository alone: the edit's third part, typed last,
     * or undone while findOrganization and findMembership read through the cache); otherwise null,
     * the lesson's own pointer (AccountCache.read, which must ask the cache first).
     */
    static String whereReadsSkipTheCache(LocalService service) {
        return whereReadsSkipTheCache(service, "findUser");
    }

    /** As above, for any of AccountService's three find methods. */
    static String whereReadsSkipTheCache(LocalService service, String findMethod) {
        return service.methodCalls("AccountService.java", findMethod, "read") ? null : "AccountService.java";
    }

    /**
     * Why a read never asked the cache, in the words of where its pointer goes: the find method
     * while it calls no {@code read} (AccountCache.read may be right already: its tests say), else
     * AccountCache.read.
     */
    static String whyTheCacheWasNotAsked(LocalService service, String findMethod) {
        return whereReadsSkipTheCache(service, findMethod) == null ? "AccountCache.read must ask the cache first"
                : "AccountService's " + findMethod + " still asks the repository alone: it must read through AccountCache.read";
    }

    static void aMissReadsDynamoDbAndFillsTheCache(LocalService service) throws Exception {
        ClosedClient.neverClosed(service); // said first: each request below would time out, for another reason
        String user = service.createUser("alice");
        service.flushCache(); // from step 4 on, creating the user cached it: start cold
        CacheCounters before = service.cacheCounters();
        long readsBefore = service.dynamoDbReads();

        Reply first = service.get("/users/" + user);

        expect(first.status() == 200, first.describe("GET /users/" + user));
        CacheCounters seen = service.cacheCounters().minus(before);
        expect(seen.misses() + seen.hits() >= 1, "GET /users/" + user + " never asked the cache: "
                + whyTheCacheWasNotAsked(service, "findUser"), whereReadsSkipTheCache(service));
        expect(service.dynamoDbReads() - readsBefore == 1, "a miss must read DynamoDB once; it read "
                + (service.dynamoDbReads() - readsBefore) + " times");
        expect(seen.sets() >= 1, "after a miss, the item was not put in the cache (no set)");
        itIsCachedForAMinute(service, user);
    }

    /**
     * The TTL the fill stated: a minute (Clients.CACHE_TTL), not what a unit slip makes of it. Too
     * short and a hit never comes (the next lesson); too long and a stale entry outlives what the
     * guides promise, and the TTL-based demos of steps 3 to 5 never see the entry go.
     */
    /**
     * Where a TTL that is not a minute comes from: step 2's Clients.CACHE_TTL when the working copy
     * declares it otherwise, else the edit of Dependencies that passes it on.
     */
    static String ttlGivenIn(LocalService service) {
        return service.sourceLine("Clients.java", "CACHE_TTL =")
                .filter(declared -> !A_MINUTE.matcher(declared.replace(" ", "")).find())
                .map(declared -> "workshop/02-momento-client.md, the edit of Clients.java: CACHE_TTL is a minute")
                .orElse(TTL_GIVEN_IN);
    }

    private static void itIsCachedForAMinute(LocalService service, String user) throws Exception {
        Map<String, Long> items = service.cachedItemsTtlMillis(user);
        expect(!items.isEmpty(), "right after the fill, the cache holds no item whose key names " + user + ": is the TTL a"
                + " minute? Clients.CACHE_TTL is Duration.ofSeconds(60) (step 2), and Dependencies passes it to AccountCache",
                ttlGivenIn(service));
        for (Map.Entry<String, Long> item : items.entrySet()) {
            long seconds = Math.round(item.getValue() / 1000.0);
            expect(item.getValue() > CACHE_TTL_MILLIS - TTL_SLACK_MILLIS && item.getValue() <= CACHE_TTL_MILLIS,
                    "the cache holds " + item.getKey() + " for " + seconds + " more seconds: a set must state the TTL of 60"
                            + " seconds, Clients.CACHE_TTL (Duration.ofSeconds(60), step 2), which Dependencies passes to"
                            + " AccountCache", ttlGivenIn(service));
        }
    }

    static void aHitDoesNotReadDynamoDb(LocalService service) throws Exception {
        ClosedClient.neverClosed(service); // said first: the requests below would each time out, for another reason
        String user = service.createUser("alice");
        service.get("/users/" + user);
        Thread.sleep(1500); // an item set with a TTL in the wrong unit (60 ms for 60 s) is gone by now
        CacheCounters before = service.cacheCounters();
        long readsBefore = service.dynamoDbReads();
        int secretReads = service.iamDecisions("getUser", "secretsmanager:GetSecretValue").size();

        Reply second = service.get("/users/" + user);

        expect(second.status() == 200, second.describe("GET /users/" + user));
        expect(second.json().path("user").path("username").asText().equals(user),
                "the cached user is not the user: " + second.body());
        CacheCounters during = service.cacheCounters().minus(before);
        expect(during.hits() + during.misses() > 0, "the second read of a user did not ask the cache at all (neither a hit"
                + " nor a miss): " + whyTheCacheWasNotAsked(service, "findUser"), whereReadsSkipTheCache(service));
        // The second read filled the cache again: with a minute's TTL, its item is still there.
        boolean expired = noMinuteLeftOnAny(service, user);
        expect(service.cacheCounters().minus(before).hits() == 1, "the second read of a user, 1.5 s after the first, was not"
                + " a cache hit: is the item's TTL a minute? Dependencies passes Clients.CACHE_TTL (Duration.ofSeconds(60))"
                + " to AccountCache, and every set states it" + (expired ? " (the item the fill set right before is gone or nearly)" : ""),
                expired ? ttlGivenIn(service) : null);
        Optional<String> unreadable = unreadableCachedValue(service, user);
        expect(service.dynamoDbReads() == readsBefore || unreadable.isEmpty(), "the second read of a user was a cache hit"
                + UNREADABLE + unreadable.orElse(""), "AccountCache.java");
        expect(service.dynamoDbReads() == readsBefore, "the second read of a user read DynamoDB again");
        expect(service.cacheCounters().minus(before).sets() == 0, "a hit wrote the item to the cache again: each set"
                + " restarts its TTL, so an item read at least once a minute would never be refreshed; set only after a miss");
        expect(service.iamDecisions("getUser", "secretsmanager:GetSecretValue").size() == secretReads, "a read of a user"
                + " fetched the Momento API key from Secrets Manager again: Clients.cacheClient() must create the client once"
                + " per execution environment and keep it (if (cacheClient == null) ...)",
                "workshop/02-momento-client.md, the edit of Clients.java (step 2's lesson, which only this step's reads show)");
    }

    static void notFoundIsCached(LocalService service) throws Exception {
        String nobody = LocalService.unique("nobody");
        Reply first = service.get("/users/" + nobody);
        CacheCounters before = service.cacheCounters();
        long readsBefore = service.dynamoDbReads();

        Reply second = service.get("/users/" + nobody);

        expect(first.status() == 404 && second.status() == 404, second.describe("GET /users/" + nobody + " (twice)"));
        expect(second.error().equals("User " + nobody + " does not exist."), second.describe("GET /users/" + nobody));
        CacheCounters seen = service.cacheCounters().minus(before);
        expect(seen.hits() + seen.misses() > 0, "the second read of a missing user did not ask the cache at all: "
                + whyTheCacheWasNotAsked(service, "findUser"), whereReadsSkipTheCache(service));
        // It missed, yet filled the cache again: "not found" is cached, and gone by the next read (a TTL of 60 ms, say).
        boolean filledButGone = seen.sets() >= 1 && noMinuteLeftOnAny(service, nobody);
        expect(seen.hits() == 1, filledButGone ? "the second read of a missing user was not a cache hit, though each read"
                + " cached its \"not found\": the item is gone by the next read: is the TTL a minute? Dependencies passes"
                + " Clients.CACHE_TTL (Duration.ofSeconds(60)) to AccountCache, and every set states it"
                : "the second read of a missing user was not a cache hit: cache \"not found\" too",
                filledButGone ? ttlGivenIn(service) : null);
        expect(service.dynamoDbReads() == readsBefore, "the second read of a missing user read DynamoDB again, though it"
                + " was a cache hit: the cached \"not found\" must be the NOT_FOUND marker, and a hit on it must answer"
                + " \"not found\" (Optional.empty()) without asking DynamoDB; JSON's null would read as no answer at all");

        // A missing membership too (a non-member's): step 4's stale "not a member" lesson rests on it.
        String membership = "/organizations/" + LocalService.unique("org") + "/members/" + LocalService.unique("nobody");
        service.get(membership);
        CacheCounters beforeMembership = service.cacheCounters();
        long membershipReadsBefore = service.dynamoDbReads();
        Reply membershipAgain = service.get(membership);
        expect(membershipAgain.status() == 404, membershipAgain.describe("GET " + membership + " (twice)"));
        CacheCounters seenMembership = service.cacheCounters().minus(beforeMembership);
        expect(seenMembership.hits() + seenMembership.misses() > 0, "the second read of a missing membership did not ask the"
                + " cache at all: " + whyTheCacheWasNotAsked(service, "findMembership"),
                whereReadsSkipTheCache(service, "findMembership"));
        expect(seenMembership.hits() == 1 && service.dynamoDbReads() == membershipReadsBefore, "the second read of a missing"
                + " membership was not answered by its cached \"not found\", though a missing user's was: findMembership must"
                + " read through AccountCache.read as findUser does, with the membership's key", "AccountService.java");

        // A read that failed is not "not found": a 500, and nothing cached.
        String user = service.createUser("alice");
        Reply failed = service.getWhileDynamoDbFails("GetItem", "/users/" + user);
        Reply healed = service.get("/users/" + user);
        expect(failed.status() == 500, "with DynamoDB failing, " + failed.describe("GET /users/" + user) + ": a read that"
                + " failed is not \"not found\"; let DynamoDB's error through (the handler answers 500) and cache nothing");
        expect(healed.status() == 200, "after DynamoDB came back, " + healed.describe("GET /users/" + user) + ": the failed"
                + " read was cached; cache only what DynamoDB answered");
    }

    static void everyKindOfReadGoesThroughTheCache(LocalService service) throws Exception {
        String founder = service.createUser("alice");
        String organization = service.createOrganization(founder);
        String membership = "/organizations/" + organization + "/members/" + founder;
        List<SecondRead> kinds = List.of(new SecondRead("a user", "findUser", "/users/" + founder),
                new SecondRead("an organization", "findOrganization", "/organizations/" + organization),
                new SecondRead("a membership", "findMembership", membership));
        for (SecondRead kind : kinds) {
            CacheCounters before = service.cacheCounters();
            service.get(kind.path);
            kind.fills = service.cacheCounters().minus(before).sets();
        }
        for (SecondRead kind : kinds) {
            long readsBefore = service.dynamoDbReads();
            CacheCounters before = service.cacheCounters();
            kind.reply = service.get(kind.path);
            kind.reads = service.dynamoDbReads() - readsBefore;
            kind.hits = service.cacheCounters().minus(before).hits();
        }

        for (SecondRead kind : kinds) {
            expect(kind.reply.status() == 200, kind.reply.describe("GET " + kind.path));
        }
        Reply owner = kinds.get(2).reply;
        expect(owner.json().path("membership").path("role").asText().equals("Owner"), owner.describe("GET " + membership));
        // A hit that still reads DynamoDB is the read path's slip, not a find method's.
        List<String> hitsThatReadDynamoDb = kinds.stream().filter(kind -> kind.reads > 0 && kind.hits > 0)
                .map(kind -> kind.kind).toList();
        Optional<String> unreadable = unreadableCachedValue(service, organization).or(() -> unreadableCachedValue(service, founder));
        expect(hitsThatReadDynamoDb.isEmpty(), "the second read of " + String.join(" and of ", hitsThatReadDynamoDb)
                + (unreadable.isPresent() ? " was a cache hit" + UNREADABLE + unreadable.get() : " was a cache hit and read"
                + " DynamoDB anyway: AccountCache.read must answer a hit without asking the database, as the line on hits says"),
                "AccountCache.java");
        List<SecondRead> missed = kinds.stream().filter(kind -> kind.reads > 0).toList();
        if (missed.isEmpty()) {
            keysKeepKindsAndNamesApart(service, founder, organization);
            return;
        }
        List<SecondRead> neverFilled = missed.stream().filter(kind -> kind.fills == 0).toList();
        List<SecondRead> filled = missed.stream().filter(kind -> kind.fills > 0).toList();
        if (!filled.isEmpty() && (noMinuteLeftOnAny(service, organization) || noMinuteLeftOnAny(service, founder))) {
            throw new ProbeFailure(secondReadsMissed(missed) + " (the items the fills set right before are gone or nearly:"
                    + " the TTL is not a minute)", ttlGivenIn(service));
        }
        List<String> causes = new ArrayList<>();
        if (!neverFilled.isEmpty()) {
            List<String> methods = neverFilled.stream().map(kind -> kind.findMethod).toList();
            causes.add(joined(methods) + (methods.size() == 1 ? " does not go through the cache (its first read filled"
                    + " nothing): route it" : " do not go through the cache (their first reads filled nothing): route each")
                    + " through cache.read, as the guide's edit of AccountService.java does for all three find methods");
        }
        for (SecondRead kind : filled) {
            causes.add(kind.kind + "'s first read filled the cache, the second did not find it: is the TTL a minute, and does "
                    + kind.findMethod + " read the key its fill used?");
        }
        throw new ProbeFailure(secondReadsMissed(missed) + ": " + String.join("; ", causes));
    }

    /** One kind of item read twice by the probe above: what the first read filled, what the second read and hit. */
    private static final class SecondRead {
        final String kind;
        final String findMethod;
        final String path;
        long fills;
        long reads;
        long hits;
        Reply reply;

        SecondRead(String kind, String findMethod, String path) {
            this.kind = kind;
            this.findMethod = findMethod;
            this.path = path;
        }
    }

    /** "the second read of a user read DynamoDB again (once), of an organization (once) and of a membership (twice)" */
    private static String secondReadsMissed(List<SecondRead> missed) {
        List<String> each = new ArrayList<>();
        for (SecondRead kind : missed) {
            String times = kind.reads == 1 ? "once" : kind.reads == 2 ? "twice" : kind.reads + " times";
            each.add(each.isEmpty() ? kind.kind + " read DynamoDB again (" + times + ")" : "of " + kind.kind + " (" + times + ")");
        }
        return "the second read of " + joined(each);
    }

    private static String joined(List<String> items) {
        return items.size() == 1 ? items.get(0) : String.join(", ", items.subList(0, items.size() - 1)) + " and "
                + items.get(items.size() - 1);
    }

    /** Every item in a key of its own: a membership's names both the organization and the user, each kind its own prefix. */
    private static void keysKeepKindsAndNamesApart(LocalService service, String founder, String organization) throws Exception {
        // The reads work with the two names either way round; step 4's writes do not (see MEMBERSHIP_KEY_SWAPPED).
        if (service.sourceHas("AccountService.java", MEMBERSHIP_KEY_SWAPPED)) {
            throw ProbeFailure.inTheFile("AccountService's findMembership builds its key with its two names the other way"
                    + " round, CacheKeys.membership(username, organizationName): every read here works, but step 4's writes"
                    + " cache a membership under CacheKeys.membership(organizationName, username), which such a read never"
                    + " finds; pass the organization first", "AccountService.java");
        }
        // Alice is a member of her organization, not of bob's: a membership's key names both.
        String bob = service.createUser("bob");
        String bobs = service.createOrganization(bob);
        Reply notHers = service.get("/organizations/" + bobs + "/members/" + founder);
        expect(notHers.status() == 404, "after reading " + founder + "'s membership of " + organization + ", "
                + notHers.describe("GET /organizations/" + bobs + "/members/" + founder) + ": she is no member of " + bobs
                + "; CacheKeys.membership must name the organization as well as the user (and findMembership pass it both)",
                "CacheKeys.java");

        // acme + bob and acmeb + ob: a membership key must keep the two names apart.
        String suffix = LocalService.unique("").substring(1);
        String acme = service.createOrganizationNamed(service.createUser("founder"), "acme" + suffix);
        String bobName = service.createUserNamed("bob" + suffix);
        String ob = service.createUserNamed("ob" + suffix);
        String acmeb = service.createOrganizationNamed(ob, "acme" + suffix + "b");
        service.get("/organizations/" + acmeb + "/members/" + ob);
        Reply bobInAcme = service.get("/organizations/" + acme + "/members/" + bobName);
        expect(bobInAcme.status() == 404, "after reading " + ob + "'s membership of " + acmeb + ", "
                + bobInAcme.describe("GET /organizations/" + acme + "/members/" + bobName) + ": " + bobName + " is no member of "
                + acme + "; CacheKeys.membership must keep the organization and the user apart (a separator between them),"
                + " or " + acme + " + " + bobName + " and " + acmeb + " + " + ob + " share a key", "CacheKeys.java");

        // A user, and no organization of that name: each kind of item needs a key of its own in the cache.
        String loner = service.createUser("acme");
        Reply user = service.get("/users/" + loner);
        Reply noSuchOrganization = service.get("/organizations/" + loner);
        Reply userAgain = service.get("/users/" + loner);
        expect(user.status() == 200 && noSuchOrganization.status() == 404 && userAgain.status() == 200, "user " + loner
                + " exists, organization " + loner + " does not: GET /users, then /organizations, then /users again answered "
                + user.status() + ", " + noSuchOrganization.status() + ", " + userAgain.status() + ": the two share a cache"
                + " key; CacheKeys must give each kind of item a prefix of its own, and each find method use its kind's"
                + " (findOrganization: CacheKeys.organization)", whereKeysAreShared(service));
    }

    /**
     * Where a user and an organization of one name share a key: CacheKeys.java when findOrganization
     * already builds its key with CacheKeys.organization (the kinds' keys are alike), else the
     * lesson's own file, AccountService.java (null).
     */
    static String whereKeysAreShared(LocalService service) {
        return service.methodCalls("AccountService.java", "findOrganization", "organization") ? "CacheKeys.java" : null;
    }

    private static final String UNREADABLE = ", but what it held could not be read back, so DynamoDB was read: the fill"
            + " must store the item's JSON (the answer mapped through AccountCache.encode), which a hit decodes; its log: ";

    /**
     * AccountCache's warning that a cached value is not of the type read ("Cached value of user#alice is not a
     * User"), about {@code name}: a fill that stored something else than the item's JSON (its toString(), say).
     */
    static Optional<String> unreadableCachedValue(LocalService service, String name) {
        return service.logLines("Cached value of ").stream().filter(line -> line.contains(name)).findFirst().map(String::strip)
                .map(LocalService::brief);
    }

    /** Right after a fill, no cached item whose key names {@code name} has nearly a minute left: the TTL given is not a minute. */
    private static boolean noMinuteLeftOnAny(LocalService service, String name) throws Exception {
        return service.cachedItemsTtlMillis(name).values().stream().noneMatch(ttl -> ttl > CACHE_TTL_MILLIS - TTL_SLACK_MILLIS);
    }

    static void dynamoDbAnswersWhileMomentoIsDown(LocalService service) throws Exception {
        String user = service.createUser("alice");
        String organization = service.createOrganization(user);
        aFailedCacheReadIsLogged(service, user);
        long faultsBefore = service.injectedMomentoFaults();
        service.breakMomento();
        try {
            Reply read = service.get("/users/" + user);
            Reply owner = service.get("/organizations/" + organization + "/members/" + user);
            Reply missing = service.get("/users/" + LocalService.unique("nobody"));

            expect(read.status() == 200, "with Momento down, " + read.describe("GET /users/" + user));
            expect(owner.status() == 200, "with Momento down, " + owner.describe("GET the owner's membership"));
            expect(missing.status() == 404, "with Momento down, " + missing.describe("GET a missing user"));
            momentoWasAsked(service, faultsBefore);
        } finally {
            service.healMomento();
        }
        aColdStartWithoutAClientGetsOneLater(service, user);
    }

    /**
     * DynamoDB answers, but a cache that fails must not go unseen: someone has to learn why it is
     * slow. Only Momento's reads fail here, so the fill that follows succeeds and logs nothing: the
     * WARN has to come from the read itself.
     */
    private static void aFailedCacheReadIsLogged(LocalService service, String user) throws Exception {
        long faultsBefore = service.injectedMomentoFaults();
        long warningsBefore = service.warnings("[getUser#");
        service.breakMomentoReads();
        try {
            Reply read = service.get("/users/" + user);
            expect(read.status() == 200, "with Momento's reads failing, " + read.describe("GET /users/" + user));
            momentoWasAsked(service, faultsBefore);
            expect(service.awaitMoreWarnings("[getUser#", warningsBefore, 2) > warningsBefore, "reading a user while Momento's"
                    + " reads failed logged no WARN: a failed cache read must be logged (AccountCache.get, which read calls:"
                    + " LOG.warn in both the Error answer and the catch)", "AccountCache.java");
        } finally {
            service.healMomento();
        }
    }

    /**
     * A cold start whose secret cannot be read has no client; DynamoDB answers meanwhile, without
     * Secrets Manager asked again by every read; and once it is back, a read five seconds after
     * the failure creates the client: one bad cold start must not leave the environment without a
     * cache for its whole life.
     */
    private static void aColdStartWithoutAClientGetsOneLater(LocalService service, String user) throws Exception {
        String path = "/users/" + user;
        long initFailuresBefore = initFailures(service);
        Reply[] whileFailing = new Reply[1];
        int[] keyReadsWhileFailing = new int[1];
        Reply withoutClient = service.coldStartWhile("getUser", path, service::failSecretsManager, () -> {
            try {
                int keyReadsBefore = keyReads(service);
                whileFailing[0] = service.get(path);
                keyReadsWhileFailing[0] = keyReads(service) - keyReadsBefore;
            } finally {
                service.healSecretsManager();
            }
        });
        boolean initFailed = initFailures(service) > initFailuresBefore;
        expect(withoutClient.status() == 200, "with Secrets Manager failing during a cold start, "
                + withoutClient.describe("GET " + path) + (initFailed ? ": its Init failed, so no handler was built; Init must"
                + " not need the Momento client (the cache asks for it at each use, and DynamoDB answers meanwhile)" : ""),
                whereAColdStartFails(service, initFailed));
        expect(whileFailing[0].status() == 200, "with Secrets Manager failing, after a cold start without a client, "
                + whileFailing[0].describe("GET " + path));
        expect(keyReadsWhileFailing[0] == 0, "with Secrets Manager failing, a read right after a cold start whose Init"
                + " could not read the key called secretsmanager:GetSecretValue again (" + keyReadsWhileFailing[0] + " times,"
                + " the SDK's retries included): for five seconds after a failure, Clients.cacheClient must fail at once"
                + " (RETRY_AFTER_FAILURE), not ask Secrets Manager for every cache call",
                "workshop/02-momento-client.md, the edit of Clients.java (RETRY_AFTER_FAILURE)");

        // The first use five seconds after the failure tries again; until then DynamoDB answers alone.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        CacheCounters before;
        boolean hit;
        do {
            Thread.sleep(250);
            service.get(path);
            before = service.cacheCounters();
            service.get(path);
            hit = service.cacheCounters().minus(before).hits() == 1;
        } while (!hit && System.nanoTime() < deadline);
        expect(hit || before.sets() == service.cacheCounters().sets() || !noMinuteLeftOnAny(service, user),
                "after a cold start that could not create the Momento client, reads of " + user + " did fill the cache but"
                        + " never hit it: the item the fill set right before is gone or nearly, so the TTL is not a minute",
                ttlGivenIn(service));
        String skipping = whereReadsSkipTheCache(service);
        expect(hit || skipping == null, "after a cold start that could not create the Momento client, reads of " + user
                + " never hit the cache: findUser does not read through AccountCache.read", skipping);
        expect(hit, "after a cold start that could not create the Momento client (Secrets Manager failed, then came back),"
                + " reads of " + user + " for " + RETRY_SECONDS + " s never hit the cache again: AccountCache must ask its"
                + " Supplier<CacheClient> on each use (Clients.cacheClient tries again five seconds after a failure), not"
                + " keep its first answer; or the supplier cannot create a client at all (its log says why)");
    }

    /**
     * The reads of a Momento that fails asked it (its injected faults grew): else they never tried its failure, because
     * findUser skips the cache, or because Dependencies hands AccountCache a client fetched once during Init, which an
     * Init without the key left null for the environment's whole life. The source is read only then.
     */
    private static void momentoWasAsked(LocalService service, long faultsBefore) throws Exception {
        if (service.injectedMomentoFaults() <= faultsBefore) {
            throw momentoNeverAsked(service);
        }
    }

    /** What reads that never asked Momento are told, and where they are mended: findUser's read, else Dependencies. */
    static ProbeFailure momentoNeverAsked(LocalService service) {
        String skipping = whereReadsSkipTheCache(service);
        boolean fetchedOnce = skipping == null && fetchedOnce(service);
        return new ProbeFailure("the reads never asked Momento, so its failure was not tried" + (fetchedOnce
                ? ": this environment's Init could not create the client (its log below), and no read created it later" : ""),
                skipping != null ? skipping : whereAColdStartFails(service, false));
    }

    private static boolean fetchedOnce(LocalService service) {
        return service.sourceHas("Dependencies.java", BUILDS_THE_CACHE) && !service.sourceHas("Dependencies.java", CLIENT_ASKED_AT_EACH_USE);
    }

    /**
     * Where a cold start fails while Secrets Manager does: Dependencies (edit 4), when getUser's Init
     * threw (what the run saw) or when its accountCache() hands AccountCache a client fetched once
     * during Init instead of {@code Dependencies::cacheClient}, asked at each use; else null, the
     * lesson's own AccountCache.java (whose unit tests, when they fail, win anyway).
     */
    static String whereAColdStartFails(LocalService service, boolean initFailed) {
        return initFailed || fetchedOnce(service) ? "workshop/03-read-aside.md, the edit of Dependencies.java: AccountCache gets"
                + " Dependencies::cacheClient, a supplier asked at each use, not a client fetched during Init" : null;
    }

    /** The lines in which getUser's Init threw, so far. */
    private static long initFailures(LocalService service) {
        return service.logLines("[getUser#").stream().filter(line -> line.contains(HANDLER_NOT_CREATED)).count();
    }

    /** getUser's calls of secretsmanager:GetSecretValue so far, as IAM saw them (one per SDK attempt). */
    private static int keyReads(LocalService service) throws Exception {
        return service.iamDecisions("getUser", "secretsmanager:GetSecretValue").size();
    }
}
