package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where step 3's check points: the cache's TTL, reads that skip the cache, a cold start without a client. */
class Step3ReadAsideTest {
    @TempDir
    Path workingCopy;

    @Test
    void aTtlThatIsNotAMinuteIsTracedToClientsWhenItsConstantSaysSo() throws Exception {
        assertThat(Step3ReadAside.ttlGivenIn(service())).as("no Clients.java here").isEqualTo("Dependencies.java");

        clientsWith("    static final Duration CACHE_TTL = Duration.ofSeconds(60);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).isEqualTo("Dependencies.java");
        clientsWith("    public static final Duration CACHE_TTL = Duration.ofMinutes(1);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).isEqualTo("Dependencies.java");

        clientsWith("    static final Duration CACHE_TTL = Duration.ofMinutes(60);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).startsWith("workshop/02-momento-client.md, the edit of Clients.java");
        clientsWith("    static final Duration CACHE_TTL = Duration.ofMillis(60);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).startsWith("workshop/02-momento-client.md, the edit of Clients.java");
    }

    @Test
    void aReadThatNeverAskedTheCacheIsTracedToAccountServiceWhileItsFindMethodsReadNothingThroughIt() throws Exception {
        Path service = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("AccountService.java");
        // Edit 3's constructor made, its find methods still step 2's: every probe of the step sees no cache call.
        Files.writeString(service, "class AccountService {\n    AccountService(AccountRepository repository, AccountCache cache) {}\n"
                + "    Optional<User> findUser(String username) {\n        return repository.findUser(username);\n    }\n}\n");
        assertThat(Step3ReadAside.whereReadsSkipTheCache(service())).isEqualTo("AccountService.java");

        Files.writeString(service, Files.readString(service).replace("repository.findUser(username)",
                "cache.read(CacheKeys.user(username), User.class, () -> repository.findUser(username))"));
        assertThat(Step3ReadAside.whereReadsSkipTheCache(service())).as("it reads through the cache: the lesson's own pointer")
                .isNull();

        // findUser undone to step 2's while the other find methods read through the cache: still AccountService.
        Files.writeString(service, "class AccountService {\n    Optional<User> findUser(String username) {\n"
                + "        return repository.findUser(username);\n    }\n    Optional<Organization> findOrganization(String name) {\n"
                + "        return cache.read(CacheKeys.organization(name), Organization.class, () -> repository.findOrganization(name));\n"
                + "    }\n}\n");
        assertThat(Step3ReadAside.whereReadsSkipTheCache(service())).isEqualTo("AccountService.java");
    }

    /**
     * Edit 3's constructor made, its find methods still step 2's: the read never asked the cache because
     * findUser still asks the repository alone (AccountCache.read may be right: its tests pass), and the
     * line says that, not "AccountCache.read must ask it first"; once findUser reads through it, the other.
     */
    @Test
    void aReadThatNeverAskedTheCacheNamesTheFindMethodWhileItAsksTheRepositoryAlone() throws Exception {
        Path service = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("AccountService.java");
        Files.writeString(service, "class AccountService {\n    Optional<User> findUser(String username) {\n"
                + "        return repository.findUser(username);\n    }\n}\n");
        assertThat(Step3ReadAside.whyTheCacheWasNotAsked(service(), "findUser"))
                .isEqualTo("AccountService's findUser still asks the repository alone: it must read through AccountCache.read");

        Files.writeString(service, Files.readString(service).replace("repository.findUser(username)",
                "cache.read(CacheKeys.user(username), User.class, () -> repository.findUser(username))"));
        assertThat(Step3ReadAside.whyTheCacheWasNotAsked(service(), "findUser")).isEqualTo("AccountCache.read must ask the cache first");
        assertThat(Step3ReadAside.whyTheCacheWasNotAsked(service(), "findMembership")).as("no findMembership that reads")
                .startsWith("AccountService's findMembership still asks the repository alone");
    }

    /** A client closed after Init makes every request time out: the first line says why, before any request. */
    @Test
    void aClosedClientIsTheFirstLinesFindingBeforeAnyRequest() throws Exception {
        Path accounts = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"));
        Files.writeString(accounts.resolve("Dependencies.java"), "class Dependencies {\n    void init() {\n"
                + "        try (CacheClient client = Clients.cacheClient(\"s\")) {\n        }\n    }\n}\n");
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubGateway localCloud = new StubGateway((method, path) -> {
            requests.add(method + " " + path);
            return new StubGateway.Answer(504, "{}");
        })) {
            ProbeFailure failure = catchThrowableOfType(() -> Step3ReadAside.aMissReadsDynamoDbAndFillsTheCache(
                    localCloud.service(List::of, workingCopy)), ProbeFailure.class);

            assertThat(failure).hasMessageStartingWith("Dependencies.java closes the Momento client after using it");
            assertThat(failure.file()).hasValue("Dependencies.java");
            assertThat(requests).as("no request waited out a timeout first").isEmpty();
        }
    }

    /**
     * No find method reads through the cache yet: the line names all three, each once, and says once what to
     * do (it named findOrganization and findMembership only, each with the whole advice).
     */
    @Test
    void secondReadsThatSkipTheCacheNameEveryFindMethodOnce() throws Exception {
        try (StubGateway localCloud = readsThatNeverAskTheCache()) {
            ProbeFailure failure = catchThrowableOfType(() -> Step3ReadAside.everyKindOfReadGoesThroughTheCache(
                    localCloud.service(List::of, workingCopy)), ProbeFailure.class);

            assertThat(failure).hasMessageStartingWith("the second read of a user read DynamoDB again (once), of an"
                    + " organization (once) and of a membership (once): findUser, findOrganization and findMembership do not go"
                    + " through the cache (their first reads filled nothing): route each through cache.read");
            assertThat(failure.getMessage().split("route", -1)).as("the advice once").hasSize(2);
        }
    }

    /**
     * A missing user's "not found" is cached, a missing membership's never asks the cache (findMembership still
     * step 2's): only NodeTutorialRegressionTest's message said so; the lesson's probe names findMembership now.
     */
    @Test
    void aMissingMembershipThatNeverAsksTheCacheIsTracedToFindMembership() throws Exception {
        try (StubGateway localCloud = missingUsersCachedMissingMembershipsNot()) {
            ProbeFailure failure = catchThrowableOfType(() -> Step3ReadAside.notFoundIsCached(
                    localCloud.service(List::of, workingCopy)), ProbeFailure.class);

            assertThat(failure).hasMessageContaining("the second read of a missing membership did not ask the cache at all")
                    .hasMessageContaining("findMembership still asks the repository alone");
            assertThat(failure.file()).hasValue("AccountService.java");
        }
    }

    /** Every GET reads DynamoDB and never the cache. */
    private static StubGateway readsThatNeverAskTheCache() throws Exception {
        long[] reads = new long[1];
        return new StubGateway((method, path) -> {
            if (method.equals("POST")) {
                return new StubGateway.Answer(201, "{}");
            }
            if (!path.startsWith("/_local/")) {
                reads[0]++;
                return new StubGateway.Answer(200, path.contains("/members/") ? "{\"membership\":{\"role\":\"Owner\"}}" : "{}");
            }
            return switch (path) {
                case "/_local/dynamodb/stats" -> new StubGateway.Answer(200, "{\"GetItem\":" + reads[0] + "}");
                case "/_local/momento/items" -> new StubGateway.Answer(200, "{\"items\":[]}");
                default -> new StubGateway.Answer(200, "{}");
            };
        });
    }

    /** A missing user: a miss that caches "not found", then hits; a missing membership: DynamoDB each time, no cache call. */
    private static StubGateway missingUsersCachedMissingMembershipsNot() throws Exception {
        long[] counters = new long[4]; // hits, misses, sets, DynamoDB reads
        java.util.Set<String> cached = new java.util.HashSet<>();
        return new StubGateway((method, path) -> {
            if (path.startsWith("/users/nobody-")) {
                if (cached.contains(path)) {
                    counters[0]++;
                } else {
                    counters[1]++;
                    counters[2]++;
                    counters[3]++;
                    cached.add(path);
                }
                return new StubGateway.Answer(404, "{\"error\":\"User " + path.substring("/users/".length()) + " does not exist.\"}");
            }
            if (path.contains("/members/")) {
                counters[3]++;
                return new StubGateway.Answer(404, "{\"error\":\"Not a member.\"}");
            }
            return switch (path) {
                case "/_local/momento/stats" -> new StubGateway.Answer(200, "{\"caches\":{\"accounts\":{\"hits\":" + counters[0]
                        + ",\"misses\":" + counters[1] + ",\"sets\":" + counters[2] + "}}}");
                case "/_local/dynamodb/stats" -> new StubGateway.Answer(200, "{\"GetItem\":" + counters[3] + "}");
                case "/_local/momento/items" -> new StubGateway.Answer(200, "{\"items\":[]}");
                default -> new StubGateway.Answer(200, "{}");
            };
        });
    }

    /**
     * findMembership keying its read CacheKeys.membership(username, organizationName): every read of step 3 works
     * (reads and fills agree), so check said all ✔, and step 4's writes, organization first, were never found.
     */
    @Test
    void aMembershipKeyBuiltWithTheNamesSwappedIsFoundInTheSource() throws Exception {
        Path service = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("AccountService.java");
        String right = "class AccountService {\n    private Optional<Membership> findMembership(String organizationName, String"
                + " username) {\n        return cache.read(CacheKeys.membership(organizationName, username), Membership.class,\n"
                + "                () -> repository.findMembership(organizationName, username));\n    }\n}\n";
        Files.writeString(service, right);
        assertThat(service().sourceHas("AccountService.java", Step3ReadAside.MEMBERSHIP_KEY_SWAPPED)).isFalse();

        Files.writeString(service, right.replace("CacheKeys.membership(organizationName, username)",
                "CacheKeys.membership(username, organizationName)"));
        assertThat(service().sourceHas("AccountService.java", Step3ReadAside.MEMBERSHIP_KEY_SWAPPED)).isTrue();

        Files.writeString(service, right.replace("String organizationName, String username", "final String org, String user")
                .replace("CacheKeys.membership(organizationName, username)", "CacheKeys.membership( user , org )"));
        assertThat(service().sourceHas("AccountService.java", Step3ReadAside.MEMBERSHIP_KEY_SWAPPED)).as("other names").isTrue();
    }

    /** A user and an organization of one name in one key: CacheKeys' keys alike, or findOrganization using the user's. */
    @Test
    void sharedKeysAreTracedToCacheKeysWhenFindOrganizationUsesItsOwnKind() throws Exception {
        Path service = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("AccountService.java");
        Files.writeString(service, "class AccountService {\n    Optional<Organization> findOrganization(String name) {\n"
                + "        return cache.read(CacheKeys.user(name), Organization.class, () -> repository.findOrganization(name));\n"
                + "    }\n}\n");
        assertThat(Step3ReadAside.whereKeysAreShared(service())).as("the lesson's own file: AccountService.java").isNull();

        Files.writeString(service, Files.readString(service).replace("CacheKeys.user(name)", "CacheKeys.organization(name)"));
        assertThat(Step3ReadAside.whereKeysAreShared(service())).isEqualTo("CacheKeys.java");
    }

    /**
     * Edit 4 with the client fetched once during Init ({@code CacheClient client = cacheClient(); return new
     * AccountCache(() -> client, ...)}): with Secrets Manager failing, getUser's Init throws and the cold start
     * answers 502. AccountCache is right (its tests pass); Dependencies is where the slip is.
     */
    @Test
    void aColdStartWhoseInitFailedWithoutAClientIsTracedToDependencies() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (StubGateway localCloud = coldStartFailing(log, "[getUser#6] INIT failed: the handler could not be created:"
                + " java.lang.IllegalStateException: not tried again within 5 s of the last failure")) {
            ProbeFailure failure = catchThrowableOfType(() -> Step3ReadAside.dynamoDbAnswersWhileMomentoIsDown(
                    localCloud.service(() -> List.copyOf(log))), ProbeFailure.class);

            assertThat(failure.file()).hasValueSatisfying(file -> assertThat(file)
                    .startsWith("workshop/03-read-aside.md, the edit of Dependencies.java").contains("asked at each use"));
            assertThat(failure).hasMessageContaining("with Secrets Manager failing during a cold start")
                    .hasMessageContaining("answered 502").hasMessageContaining("its Init failed");
        }
    }

    @Test
    void aClientFetchedOnceInDependenciesIsTracedThereAndASupplierIsNot() throws Exception {
        Path dependencies = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"))
                .resolve("Dependencies.java");
        Files.writeString(dependencies, "final class Dependencies {\n    private static AccountCache accountCache() {\n"
                + "        CacheClient client = cacheClient();\n"
                + "        return new AccountCache(() -> client, requiredEnv(\"CACHE_NAME\"), Clients.CACHE_TTL);\n    }\n}\n");
        assertThat(Step3ReadAside.whereAColdStartFails(service(), false)).startsWith(
                "workshop/03-read-aside.md, the edit of Dependencies.java");

        for (String supplier : List.of("Dependencies::cacheClient", "() -> cacheClient()",
                "() -> Clients.cacheClient(requiredEnv(\"MOMENTO_API_KEY_SECRET_ID\"))")) {
            Files.writeString(dependencies, "final class Dependencies {\n    private static AccountCache accountCache() {\n"
                    + "        return new AccountCache(" + supplier + ", requiredEnv(\"CACHE_NAME\"), Clients.CACHE_TTL);\n    }\n}\n");
            assertThat(Step3ReadAside.whereAColdStartFails(service(), false)).as(supplier + ": the lesson's own pointer").isNull();
            assertThat(Step3ReadAside.whereAColdStartFails(service(), true)).as(supplier + ", but Init failed")
                    .startsWith("workshop/03-read-aside.md, the edit of Dependencies.java");
        }
    }

    /**
     * The same slip seen by "Momento down": an earlier probe's cold start without the key left the environment with no
     * client for good, so reads never ask Momento, though findUser reads through the cache (a slips round: the line
     * pointed at AccountCache.java and said only that the failure was not tried).
     */
    @Test
    void readsThatNeverAskMomentoWithAClientFetchedOnceAreTracedToDependencies() throws Exception {
        Path sources = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts"));
        Files.createDirectories(sources.resolve("service"));
        Files.writeString(sources.resolve("service/AccountService.java"), "public class AccountService {\n"
                + "    public Optional<User> findUser(String username) {\n"
                + "        return cache.read(CacheKeys.user(username), User.class, () -> repository.findUser(username));\n    }\n}\n");
        Files.writeString(sources.resolve("Dependencies.java"), "final class Dependencies {\n    private static AccountCache accountCache() {\n"
                + "        CacheClient created = cacheClient();\n"
                + "        return new AccountCache(() -> created, requiredEnv(\"CACHE_NAME\"), Clients.CACHE_TTL);\n    }\n}\n");

        ProbeFailure fetchedOnce = Step3ReadAside.momentoNeverAsked(service());
        assertThat(fetchedOnce.file()).hasValueSatisfying(file -> assertThat(file)
                .startsWith("workshop/03-read-aside.md, the edit of Dependencies.java"));
        assertThat(fetchedOnce).hasMessageContaining("no read created it later");

        Files.writeString(sources.resolve("Dependencies.java"), "final class Dependencies {\n    private static AccountCache accountCache() {\n"
                + "        return new AccountCache(Dependencies::cacheClient, requiredEnv(\"CACHE_NAME\"), Clients.CACHE_TTL);\n    }\n}\n");
        ProbeFailure asked = Step3ReadAside.momentoNeverAsked(service());
        assertThat(asked.file()).as("the lesson's own pointer").isEmpty();
        assertThat(asked).hasMessageNotContaining("no read created it later");
    }

    /** A fill that stored the user's toString(): a hit cannot decode it, and AccountCache's warning says so. */
    @Test
    void aCachedValueThatCouldNotBeReadBackIsQuotedFromTheLog() {
        List<String> log = List.of("[getUser#1] 12:00:00.000 WARN AccountCache - Cached value of user#alice-1 is not a User,"
                + " asking DynamoDB", "[getUser#1] 12:00:00.100 WARN AccountCache - Cache get of user#bob-2 failed, asking DynamoDB");
        LocalService service = new LocalService(URI.create("http://localhost:1"), () -> log, workingCopy);

        assertThat(Step3ReadAside.unreadableCachedValue(service, "alice-1")).hasValue(log.get(0));
        assertThat(Step3ReadAside.unreadableCachedValue(service, "bob-2")).isEmpty();
    }

    /**
     * A "not found" cached with a TTL of 60 ms (Duration.ofMillis where seconds were meant): each read misses and
     * fills again, so the lesson must say the TTL, not "cache \"not found\" too", which the function does.
     */
    @Test
    void aNotFoundThatWasCachedAndIsGoneAgainAsksForAMinutesTtl() throws Exception {
        try (StubGateway localCloud = missingUserReadsFilling(true)) {
            ProbeFailure failure = catchThrowableOfType(() -> Step3ReadAside.notFoundIsCached(
                    localCloud.service(List::of, workingCopy)), ProbeFailure.class);

            assertThat(failure).hasMessageContaining("was not a cache hit").hasMessageContaining("is the TTL a minute")
                    .hasMessageNotContaining("cache \"not found\" too");
            assertThat(failure.file()).hasValue("Dependencies.java");
        }
        try (StubGateway localCloud = missingUserReadsFilling(false)) {
            ProbeFailure failure = catchThrowableOfType(() -> Step3ReadAside.notFoundIsCached(
                    localCloud.service(List::of, workingCopy)), ProbeFailure.class);

            assertThat(failure).as("nothing set: \"not found\" is not cached").hasMessageContaining("cache \"not found\" too");
            assertThat(failure.file()).isEmpty();
        }
    }

    /** Reads of a missing user that each miss the cache, read DynamoDB and, when {@code filling}, set an item that is gone at once. */
    private static StubGateway missingUserReadsFilling(boolean filling) throws Exception {
        long[] reads = new long[1];
        return new StubGateway((method, path) -> {
            if (path.startsWith("/users/nobody-")) {
                reads[0]++;
                return new StubGateway.Answer(404, "{\"error\":\"User " + path.substring("/users/".length()) + " does not exist.\"}");
            }
            return switch (path) {
                case "/_local/momento/stats" -> new StubGateway.Answer(200, "{\"caches\":{\"accounts\":{\"hits\":0,\"misses\":"
                        + reads[0] + ",\"sets\":" + (filling ? reads[0] : 0) + "}}}");
                case "/_local/dynamodb/stats" -> new StubGateway.Answer(200, "{\"GetItem\":" + reads[0] + "}");
                case "/_local/momento/items" -> new StubGateway.Answer(200, "{\"items\":[]}");
                default -> new StubGateway.Answer(200, "{}");
            };
        });
    }

    /**
     * A local cloud in which everything before the cold start goes as it should (reads answer while Momento
     * fails, and are logged), and the cold start's request answers 502, logging {@code initFailure}.
     */
    private static StubGateway coldStartFailing(List<String> log, String initFailure) throws Exception {
        boolean[] momentoDown = new boolean[1];
        boolean[] retired = new boolean[1];
        long[] faults = new long[1];
        return new StubGateway((method, path) -> {
            switch (method + " " + path) {
                case "POST /users", "POST /organizations" -> {
                    return new StubGateway.Answer(201, "{}");
                }
                case "POST /_local/momento/faults" -> momentoDown[0] = true;
                case "DELETE /_local/momento/faults" -> momentoDown[0] = false;
                case "POST /_local/lambda/retire" -> retired[0] = true;
                case "GET /_local/iam/decisions" -> {
                    return new StubGateway.Answer(200, "[]");
                }
                case "GET /_local/momento/stats" -> {
                    return new StubGateway.Answer(200, "{\"caches\":{},\"rpcs\":{\"Get\":{\"injectedFaults\":" + faults[0] + "}}}");
                }
                default -> {
                }
            }
            if (!method.equals("GET") || path.startsWith("/_local/")) {
                return new StubGateway.Answer(200, "{}");
            }
            if (path.startsWith("/users/nobody-")) {
                return new StubGateway.Answer(404, "{\"error\":\"User does not exist.\"}");
            }
            if (retired[0]) {
                retired[0] = false;
                log.add(initFailure);
                return new StubGateway.Answer(502, "{\"message\": \"Internal server error\"}");
            }
            if (momentoDown[0]) {
                faults[0]++;
                log.add("[getUser#1] 12:00:00.000 WARN AccountCache - Cache read of " + path + " failed, reading DynamoDB");
            }
            return new StubGateway.Answer(200, "{}");
        });
    }

    private void clientsWith(String declaration) throws Exception {
        Path file = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        Files.writeString(file, "package com.example.accounts;\n\nfinal class Clients {\n" + declaration + "\n}\n");
    }

    private LocalService service() {
        return new LocalService(URI.create("http://localhost:1"), List::of, workingCopy);
    }
}
