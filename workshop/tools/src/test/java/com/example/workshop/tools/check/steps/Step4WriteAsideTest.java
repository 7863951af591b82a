package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Step4WriteAsideTest {
    private final AtomicInteger databaseReads = new AtomicInteger();
    private volatile int deletes;
    /** Whether a create deletes the item's cache entry (an invalidation instead of a write-aside). */
    private volatile boolean writeDeletes;
    /** The organization and its founder, as the probe's GETs name them. */
    private final String[] founding = new String[2];

    /** A service whose every read goes to DynamoDB (no write-aside); its cache counts {@link #deletes}. */
    private StubGateway serviceWithoutWriteAside() throws Exception {
        return new StubGateway((method, path) -> {
            if (path.equals("/_local/dynamodb/stats")) {
                return new StubGateway.Answer(200, "{\"GetItem\":" + databaseReads.get() + "}");
            }
            if (path.equals("/_local/momento/stats")) {
                return new StubGateway.Answer(200, "{\"caches\":{\"accounts\":{\"hits\":0,\"misses\":1,\"sets\":0}},"
                        + "\"rpcs\":{\"Delete\":{\"calls\":" + deletes + "}}}");
            }
            if (method.equals("GET") && path.startsWith("/users/")) {
                databaseReads.incrementAndGet();
                return new StubGateway.Answer(200, "{\"user\":{\"firstName\":\"First\"}}");
            }
            if (method.equals("POST") && writeDeletes) {
                deletes++;
            }
            return new StubGateway.Answer(201, "{}");
        });
    }

    @Test
    void aWriteThatDeletesTheEntryInsteadOfSettingItIsSaidSoAtAccountCache() throws Exception {
        writeDeletes = true;
        try (StubGateway gateway = serviceWithoutWriteAside()) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAUserCachesIt(gateway.service(List::of)));

            assertThat(failure.getMessage()).startsWith("reading a user right after creating her read DynamoDB")
                    .contains("the write deleted the cache entry instead of setting it");
            assertThat(failure.file()).contains("AccountCache.java");
        }
    }

    @Test
    void noWriteAtAllIsSaidAtTheServicesWritePath() throws Exception {
        deletes = 3; // an earlier probe's, or another function's: not this write's
        try (StubGateway gateway = serviceWithoutWriteAside()) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAUserCachesIt(gateway.service(List::of)));

            assertThat(failure.getMessage()).isEqualTo("reading a user right after creating her read DynamoDB: createUser must"
                    + " put the user in the cache");
            assertThat(failure.file()).isEmpty();
        }
    }

    /**
     * A service whose add cached bob's membership under {@code writeKey} while the read, looking under another key,
     * keeps serving the "not a member" the cache holds there (ORG and BOB stand for the names).
     */
    private static StubGateway serviceServingNotAMemberAfterTheAdd(String writeKey, String readKey) throws Exception {
        String[] names = new String[2]; // the organization and bob, as the probe's first GET of bob's membership names them
        return new StubGateway((method, path) -> {
            if (method.equals("GET") && path.matches("/organizations/[^/]+/members/bob-[^/]+") && names[0] == null) {
                names[0] = path.split("/")[2];
                names[1] = path.split("/")[4];
            }
            if (path.equals("/_local/momento/items")) {
                String membership = "{\\\"organizationName\\\":\\\"" + names[0] + "\\\",\\\"memberUsername\\\":\\\""
                        + names[1] + "\\\",\\\"role\\\":\\\"Member\\\"}";
                return new StubGateway.Answer(200, "{\"items\":[{\"key\":\"" + named(writeKey, names) + "\",\"value\":\""
                        + membership + "\"},{\"key\":\"" + named(readKey, names) + "\",\"value\":\"NOT_FOUND\"}]}");
            }
            if (path.startsWith("/_local/")) {
                return new StubGateway.Answer(200, "{}");
            }
            if (method.equals("GET") && path.matches("/organizations/[^/]+/members/bob-[^/]+")) {
                return new StubGateway.Answer(404, "{\"error\":\"not a member\"}");
            }
            return new StubGateway.Answer(method.equals("POST") ? 201 : 200, "{}");
        });
    }

    private static String named(String key, String[] names) {
        return key.replace("ORG", names[0]).replace("BOB", names[1]);
    }

    @Test
    void anAddCachedWhereItBelongsWhileTheReadLooksElsewhereIsSaidAtTheReadPath() throws Exception {
        // findMembership's key built with the names swapped (step 3's read path); the add's key is CacheKeys.membership's
        try (StubGateway gateway = serviceServingNotAMemberAfterTheAdd("member#ORG#BOB", "member#BOB#ORG")) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.addingAMemberReplacesACachedNotAMember(gateway.service(List::of)));

            assertThat(failure.getMessage()).contains("the cached \"not a member\" was served; addMember cached bob's"
                    + " membership where it belongs, under member#org-")
                    .contains("(the \"not a member\" is under member#bob-")
                    .contains("findMembership must build its key with CacheKeys.membership(the organization, the member)")
                    .doesNotContain("as the read path does");
            assertThat(failure.file()).contains("workshop/03-read-aside.md, the edit of AccountService.java (findMembership)");
        }
    }

    /** findMembership's key with the names swapped, seen first at the Owner's read: the create's key is the right one. */
    @Test
    void anOwnerTheCreateCachedWhereItBelongsWhileTheReadFilledAnotherKeyIsSaidAtTheReadPath() {
        assertThat(Step4WriteAside.theReadLooksElsewhere(List.of("member#acme#alice"),
                List.of("member#acme#alice", "member#alice#acme"), "acme", "alice"))
                .hasValueSatisfying(said -> assertThat(said).contains("createOrganization cached the Owner membership where it"
                        + " belongs, under member#acme#alice").contains("its fill put it there (member#alice#acme)")
                        .contains("findMembership must build its key with CacheKeys.membership(the organization, the member)"));
        assertThat(Step4WriteAside.theReadLooksElsewhere(List.of("member#alice#acme"),
                List.of("member#alice#acme", "member#acme#alice"), "acme", "alice")).as("the create's key swapped").isEmpty();
        assertThat(Step4WriteAside.theReadLooksElsewhere(List.of(), List.of("member#alice#acme"), "acme", "alice"))
                .as("the create cached nothing").isEmpty();
    }

    @Test
    void anAddCachedUnderTheSwappedKeyIsSaidAtTheAdd() throws Exception {
        try (StubGateway gateway = serviceServingNotAMemberAfterTheAdd("member#BOB#ORG", "member#ORG#BOB")) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.addingAMemberReplacesACachedNotAMember(gateway.service(List::of)));

            assertThat(failure.getMessage()).contains("addMember did cache bob's membership, but under member#bob-")
                    .endsWith("not where the read looks: build the key with CacheKeys.membership(the organization, the new"
                            + " member), as the read path does");
            assertThat(failure.file()).isEmpty();
        }
    }

    /**
     * A service whose createUser cached the user under {@code writeKey} (USER stands for her name) and whose read, looking
     * under user#USER, missed and filled it there: the look into the cache finds the keys that hold {@code contains=}.
     */
    private StubGateway serviceCachingTheUserUnder(String writeKey) throws Exception {
        String[] name = new String[1];
        AtomicInteger sets = new AtomicInteger();
        return new StubGateway((method, path, query) -> {
            if (path.equals("/_local/dynamodb/stats")) {
                return new StubGateway.Answer(200, "{\"GetItem\":" + databaseReads.get() + "}");
            }
            if (path.equals("/_local/momento/stats")) {
                return new StubGateway.Answer(200, "{\"caches\":{\"accounts\":{\"hits\":0,\"misses\":1,\"sets\":" + sets.get()
                        + "}}}");
            }
            if (path.equals("/_local/momento/items")) {
                String contains = query.startsWith("contains=") ? query.substring("contains=".length()) : "";
                String user = "{\\\"username\\\":\\\"" + name[0] + "\\\",\\\"firstName\\\":\\\"First\\\"}";
                String items = java.util.stream.Stream.of(writeKey.replace("USER", name[0]), "user#" + name[0])
                        .filter(key -> key.contains(contains))
                        .map(key -> "{\"key\":\"" + key + "\",\"value\":\"" + user + "\",\"remainingTtlMillis\":60000}")
                        .collect(java.util.stream.Collectors.joining(","));
                return new StubGateway.Answer(200, "{\"items\":[" + items + "]}");
            }
            if (path.startsWith("/_local/")) {
                return new StubGateway.Answer(200, "{}");
            }
            sets.incrementAndGet(); // the create's write, then the read's fill
            if (method.equals("GET") && path.startsWith("/users/")) {
                name[0] = path.substring("/users/".length());
                databaseReads.incrementAndGet();
                return new StubGateway.Answer(200, "{\"user\":{\"firstName\":\"First\"}}");
            }
            return new StubGateway.Answer(201, "{}");
        });
    }

    @Test
    void aUserCachedUnderAKeyWithoutHerNameIsSaidWithThatKey() throws Exception {
        // createUser's CacheKeys.user(user.firstName()): her JSON under user#First, where no read looks
        try (StubGateway gateway = serviceCachingTheUserUnder("user#First")) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAUserCachesIt(gateway.service(List::of)));

            assertThat(failure.getMessage()).startsWith("reading a user right after creating her read DynamoDB")
                    .contains("under user#First")
                    .endsWith("build the key with CacheKeys.user(the username)");
        }
    }

    @Test
    void aUserCachedUnderAnotherKeyWithHerNameIsStillSaidAsBefore() throws Exception {
        try (StubGateway gateway = serviceCachingTheUserUnder("org#USER")) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAUserCachesIt(gateway.service(List::of)));

            assertThat(failure.getMessage()).contains("here the write did set an item, but the read looked under another key"
                    + " (the cache holds org#alice-").endsWith("build every key with CacheKeys");
        }
    }

    /**
     * A service whose createOrganization cached the organization, and {@code ownerValue} under the Owner membership's key
     * (ORG and USER stand for the names; null: nothing there now): the founder's membership is read from DynamoDB.
     */
    private StubGateway serviceCachingUnderTheOwnersKey(String ownerValue) throws Exception {
        String[] names = founding;
        return new StubGateway((method, path) -> {
            if (path.equals("/_local/dynamodb/stats")) {
                return new StubGateway.Answer(200, "{\"GetItem\":" + databaseReads.get() + "}");
            }
            if (path.equals("/_local/momento/items") && names[0] == null) {
                return new StubGateway.Answer(200, "{\"items\":[]}"); // looked at right after the create, before any read
            }
            if (path.equals("/_local/momento/items")) {
                String organization = "{\\\"organizationName\\\":\\\"" + names[0] + "\\\",\\\"foundingUser\\\":\\\""
                        + names[1] + "\\\"}";
                return new StubGateway.Answer(200, "{\"items\":[" + (ownerValue == null ? "" : "{\"key\":\"member#" + names[0]
                        + "#" + names[1] + "\",\"value\":\"" + ownerValue.replace("ORG", names[0]).replace("USER", names[1])
                        + "\"},") + "{\"key\":\"org#" + names[0] + "\",\"value\":\"" + organization + "\"}]}");
            }
            if (path.startsWith("/_local/")) {
                return new StubGateway.Answer(200, "{}");
            }
            if (method.equals("GET") && path.matches("/organizations/[^/]+")) {
                names[0] = path.split("/")[2];
            }
            if (method.equals("GET") && path.matches("/organizations/[^/]+/members/[^/]+")) {
                names[1] = path.split("/")[4];
                databaseReads.incrementAndGet();
            }
            return new StubGateway.Answer(method.equals("POST") ? 201 : 200, "{}");
        });
    }

    @Test
    void anOrganizationCachedUnderTheOwnersKeyIsSaidSo() throws Exception {
        // the line above copied: cache.write(CacheKeys.membership(organizationName, foundingUser), organization)
        String organization = "{\\\"organizationName\\\":\\\"ORG\\\",\\\"foundingUser\\\":\\\"USER\\\"}";
        try (StubGateway gateway = serviceCachingUnderTheOwnersKey(organization)) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAnOrganizationCachesItAndItsOwner(gateway.service(List::of)));

            assertThat(failure.getMessage()).startsWith("reading the founder's membership right after creating the"
                    + " organization read DynamoDB, as the cache held something else than a membership under its key: member#org-")
                    .contains("{\"organizationName\":\"org-").contains("createOrganization cached another object than the"
                            + " Owner membership under its key (the organization?)")
                    .doesNotContain("must cache the Owner membership too");
            assertThat(failure.file()).contains("AccountService.java");
        }
    }

    @Test
    void anOwnerCachedUnderTheOrganizationsKeyIsSaidAtTheCreateNotAtAccountCache() throws Exception {
        // cache.write(CacheKeys.organization(organizationName), owner): the organization's read hits it and cannot decode it
        String[] organization = new String[1];
        try (StubGateway gateway = new StubGateway((method, path, query) -> {
            if (path.equals("/_local/dynamodb/stats")) {
                return new StubGateway.Answer(200, "{\"GetItem\":" + databaseReads.get() + "}");
            }
            if (path.equals("/_local/momento/stats")) {
                return new StubGateway.Answer(200, "{\"caches\":{\"accounts\":{\"hits\":1,\"misses\":0,\"sets\":2}}}");
            }
            if (path.equals("/_local/momento/items")) {
                String owner = "{\\\"organizationName\\\":\\\"" + organization[0] + "\\\",\\\"memberUsername\\\":\\\"alice-1\\\","
                        + "\\\"role\\\":\\\"Owner\\\"}";
                return new StubGateway.Answer(200, organization[0] == null ? "{\"items\":[]}"
                        : "{\"items\":[{\"key\":\"org#" + organization[0] + "\",\"value\":\"" + owner + "\"}]}");
            }
            if (path.startsWith("/_local/")) {
                return new StubGateway.Answer(200, "{}");
            }
            if (method.equals("GET") && path.matches("/organizations/[^/]+")) {
                organization[0] = path.split("/")[2];
                databaseReads.incrementAndGet(); // the cached value did not decode: DynamoDB answered
            }
            return new StubGateway.Answer(method.equals("POST") ? 201 : 200, "{}");
        })) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAnOrganizationCachesItAndItsOwner(gateway.service(List::of)));

            assertThat(failure.getMessage()).startsWith("reading an organization right after creating it read DynamoDB; here"
                    + " createOrganization cached a membership under org#org-").contains("a key without its member's name"
                    + " (alice-1), where the organization's read found it and could not decode it: cache owner, the Membership,"
                    + " under CacheKeys.membership(organizationName, foundingUser)")
                    .doesNotContain("encode(value)");
            assertThat(failure.file()).contains("AccountService.java");
        }
    }

    @Test
    void aLoggedUnreadableOwnerIsSaidSoWhenTheCacheNoLongerHoldsIt() throws Exception {
        // what the read logged, once the probe read the founder's membership (a fill that replaced it since, say)
        java.util.function.Supplier<List<String>> log = () -> founding[1] == null ? List.of()
                : List.of("[getMembership#1] WARN AccountCache - Cached value of member#" + founding[0] + "#" + founding[1]
                        + " is not a Membership, asking DynamoDB");
        try (StubGateway gateway = serviceCachingUnderTheOwnersKey(null)) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAnOrganizationCachesItAndItsOwner(gateway.service(log)));

            assertThat(failure.getMessage()).contains("under its key (its log: [getMembership#1] WARN AccountCache - Cached"
                    + " value of member#org-")
                    .contains("createOrganization cached another object than the Owner membership under its key");
            assertThat(failure.file()).contains("AccountService.java");
        }
    }

    /**
     * A service whose add caches {@code cachedValue} under bob's membership key (null: nothing), so that the read after
     * it answers right, but from DynamoDB (the read path cannot decode the value).
     */
    private StubGateway serviceReadingTheAddedMemberFromTheTable(String cachedValue) throws Exception {
        String[] names = new String[2]; // the organization and bob, as the probe's first GET of bob's membership names them
        boolean[] added = new boolean[1];
        return new StubGateway((method, path) -> {
            if (path.equals("/_local/dynamodb/stats")) {
                return new StubGateway.Answer(200, "{\"GetItem\":" + databaseReads.get() + "}");
            }
            if (method.equals("GET") && path.matches("/organizations/[^/]+/members/bob-[^/]+")) {
                names[0] = path.split("/")[2];
                names[1] = path.split("/")[4];
                if (!added[0]) {
                    return new StubGateway.Answer(404, "{\"error\":\"not a member\"}");
                }
                databaseReads.incrementAndGet();
                return new StubGateway.Answer(200, "{\"membership\":{\"memberUsername\":\"" + names[1] + "\",\"role\":\"Member\"}}");
            }
            if (path.equals("/_local/momento/items")) {
                return new StubGateway.Answer(200, cachedValue == null || names[0] == null ? "{\"items\":[]}"
                        : "{\"items\":[{\"key\":\"member#" + names[0] + "#" + names[1] + "\",\"value\":\"" + cachedValue + "\"}]}");
            }
            if (method.equals("POST") && path.endsWith("/members")) {
                added[0] = true;
            }
            return new StubGateway.Answer(method.equals("POST") ? 201 : 200, "{}");
        });
    }

    @Test
    void anAddThatCachedTheRoleInsteadOfTheMembershipIsSaidSo() throws Exception {
        // cache.write(CacheKeys.membership(organizationName, memberUsername), role): it compiles, write takes an Object
        try (StubGateway gateway = serviceReadingTheAddedMemberFromTheTable("\\\"Member\\\"")) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.addingAMemberReplacesACachedNotAMember(gateway.service(List::of)));

            assertThat(failure.getMessage()).startsWith("reading bob's membership right after he was added read DynamoDB, as the"
                    + " cache held something else than a membership under its key: member#org-")
                    .contains(" holds \"Member\"").contains("addMember cached another object than the membership it wrote under"
                            + " its key (the role?)");
            assertThat(failure.file()).contains("AccountService.java");
        }
    }

    /** AccountCache.write storing value.toString(): the right membership, as a record's text; write's slip, not the add's. */
    @Test
    void aMembershipCachedAsItsToStringIsSaidAtAccountCachesWrite() throws Exception {
        try (StubGateway gateway = serviceReadingTheAddedMemberFromTheTable(
                "Membership[organizationName=acme, memberUsername=bob, role=MEMBER]")) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.addingAMemberReplacesACachedNotAMember(gateway.service(List::of)));

            assertThat(failure.getMessage()).contains("held the membership as text that is not its JSON")
                    .contains("AccountCache.write must store encode(value)").doesNotContain("the role?");
            assertThat(failure.file()).contains("AccountCache.java");
        }
    }

    @Test
    void anAddedMemberReadFromTheTableIsSaidSoWhenTheCacheShowsNothingElse() throws Exception {
        try (StubGateway gateway = serviceReadingTheAddedMemberFromTheTable(null)) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.addingAMemberReplacesACachedNotAMember(gateway.service(List::of)));

            assertThat(failure.getMessage()).isEqualTo("reading bob's membership right after he was added read DynamoDB:"
                    + " addMember must cache the membership it wrote, so that the next read is a hit");
        }
    }

    /** The organization cached under the user's kind of key by the create, and under its own by the read's fill. */
    @Test
    void theKeysHoldingAnOrganizationAreThoseWhoseJsonIsItNotItsMemberships() throws Exception {
        String organization = "{\\\"organizationName\\\":\\\"acme\\\",\\\"foundingUser\\\":\\\"alice\\\"}";
        String membership = "{\\\"organizationName\\\":\\\"acme\\\",\\\"memberUsername\\\":\\\"alice\\\",\\\"role\\\":\\\"Owner\\\"}";
        try (StubGateway gateway = new StubGateway((method, path) -> new StubGateway.Answer(200, path.equals("/_local/momento/items")
                ? "{\"items\":[{\"key\":\"user#acme\",\"value\":\"" + organization + "\"},{\"key\":\"org#acme\",\"value\":\""
                        + organization + "\"},{\"key\":\"member#acme#alice\",\"value\":\"" + membership + "\"}]}" : "{}"))) {
            assertThat(Step4WriteAside.keysHoldingTheOrganization(gateway.service(List::of), "acme"))
                    .containsExactly("org#acme", "user#acme");
            assertThat(Step4WriteAside.keysHoldingTheOrganization(gateway.service(List::of), "acm")).isEmpty();
        }
    }
}
