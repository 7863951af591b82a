package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.workshop.tools.check.TestResults.TestCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How {@code check} turns test results and probes into lesson lines, with the build and the local
 * cloud replaced by what they would have answered: each case takes one thing away and expects
 * exactly the lesson that needs it to turn ✘.
 */
class StepCheckTest {
    @TempDir
    Path root;

    final AtomicInteger cloudsStarted = new AtomicInteger();
    final List<String> cloudLog = new ArrayList<>();
    final List<String> probed = new ArrayList<>();

    final Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java",
            List.of("AccountCacheTest.aHitDoesNotAskTheDatabase"), service -> probed.add("hit"));
    final Lesson notFound = Lesson.of("not found is cached", "AccountCache.java",
            List.of("AccountCacheTest.notFoundIsCachedToo"), null);
    final StepLessons step = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit, notFound));

    @Test
    void everythingPassingMeansEveryLineDone() throws Exception {
        List<LessonResult> results = check(ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"),
                pass("AccountCacheTest", "notFoundIsCachedToo"), pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results).extracting(result -> result.lesson().title())
                .containsExactly("a hit does not read DynamoDB", "not found is cached", StepLessons.REGRESSIONS);
        assertThat(results).allMatch(LessonResult::done);
        assertThat(probed).containsExactly("hit");
        assertThat(cloudsStarted).hasValue(1);
    }

    @Test
    void aKeyTheLocalCloudNotedAtTheWrongLevelIsWhereAFailingProbePointsFirst() throws Exception {
        guideWithEditsOf("02-momento-client.md", "serverless.yml", "Clients.java");
        String iam = "iam is at the top level of serverless.yml (line 29), where the Serverless Framework ignores it"
                + " (unrecognized property): it is a setting of provider, indent it under provider:";
        String variable = "provider.MOMENTO_API_KEY_SECRET_ID (line 28) is named like an environment variable but stands"
                + " beside provider's settings, where the Serverless Framework ignores it (unrecognized property): indent it"
                + " under provider.environment:";
        cloudLog.add("Note: " + iam);
        cloudLog.add("Note: " + variable);
        Lesson keyRead = Lesson.of("the function reads the secret", "Clients.java", List.of(), service -> {
            throw new ProbeFailure("getUser never called secretsmanager:GetSecretValue: the code is what is missing");
        });
        Lesson client = Lesson.of("one client per environment", "Clients.java", List.of(), service -> {
            throw new ProbeFailure("the client could not be created: Environment variable MOMENTO_API_KEY_SECRET_ID is not set");
        });
        Lesson fallback = Lesson.of("a failed client is logged", "Clients.java", List.of(), service -> {
            throw new ProbeFailure("the client failed before Secrets Manager was asked");
        });
        StepLessons stepTwo = new StepLessons(2, "the Momento client", "02-momento-client.md",
                List.of(keyRead, client, fallback, notFound));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest",
                "notFoundIsCachedToo")), NoCloud::new);

        List<LessonResult> results = check.run(stepTwo);

        assertThat(results.get(0).problems().get(0)).as("no variable named: the first note").isEqualTo(
                "serverless.yml, as the local cloud noted: " + iam + " (most likely what the lines below follow from)");
        assertThat(results.get(1).problems().get(0)).as("the note of the variable the probe names").isEqualTo(
                "serverless.yml, as the local cloud noted: " + variable + " (most likely what the lines below follow from)");
        assertThat(results.get(2).problems().get(0)).isEqualTo("serverless.yml: a key the Serverless Framework ignores, as above");
        assertThat(results.subList(0, 3)).allSatisfy(result -> assertThat(result.lesson().hint()).isEqualTo(
                "serverless.yml: a key the Serverless Framework ignores, as noted below: workshop/02-momento-client.md, the edit of"
                        + " serverless.yml, or a part an earlier step added"));
        assertThat(results.get(3).done()).as("a lesson its tests prove, and no probe tried").isTrue();
        StringWriter printed = new StringWriter();
        Checklist.plain().print(stepTwo, results, check.notes(), new PrintWriter(printed));
        assertThat(printed.toString()).contains("The local cloud noted (a ✘ line above points here;");
    }

    @Test
    void aFunctionTheNoteSaysIsNotDeployedIsNotBlamedForWhatItDidNotDo() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "serverless.yml", "ActivityConsumerHandler.java");
        cloudLog.add("Note: functions.streamCacher.activityConsumer (line 130) is a function's block (it has a handler) inside"
                + " functions.streamCacher, where the Serverless Framework ignores it (unrecognized property) and deploys no"
                + " function activityConsumer: indent it under functions:, as functions.streamCacher is");
        Lesson retries = Lesson.of("bad records are never retried", "ActivityConsumerHandler.java", List.of(), service -> {
            throw new ProbeFailure("with DynamoDB refusing every PutItem, activityConsumer never reported a failed record: a"
                    + " write that failed must reach the handler");
        });
        StepLessons stepSeven = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(retries));

        List<LessonResult> results = check(stepSeven, ran());

        assertThat(results.get(0).problems()).contains("local cloud: activityConsumer is not deployed (see the line above), so"
                + " none of its code was tried").noneMatch(problem -> problem.contains("must reach the handler"));
        assertThat(results.get(0).lesson().hint()).startsWith(StepCheck.POINTS_AT_A_NOTE);
    }

    @Test
    void aMisspeltKeyTheLocalCloudNotedIsWhereTheLessonThatLacksItPoints() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "serverless.yml", "StreamCacherHandler.java");
        String misspelt = "functions.streamCacher.event (line 118) is no setting of a function, where the Serverless Framework"
                + " ignores it (unrecognized property) and the function runs without it: a function's settings are handler,"
                + " events, environment, memorySize, timeout, iamRoleStatements and the like; a misspelt one, or one that belongs"
                + " elsewhere?";
        cloudLog.add("Note: " + misspelt);
        cloudLog.add("Note: functions.getUser.colour (line 12) is no setting of a function, where the Serverless Framework"
                + " ignores it (unrecognized property) and the function runs without it");
        Lesson refreshed = Lesson.of("a write refreshes the cache", "StreamCacherHandler.java", List.of(), service -> {
            throw new ProbeFailure("serverless.yml lacks functions.streamCacher.events: no stream event reaches streamCacher");
        });
        Lesson unrelated = Lesson.of("a read is cached", "AccountCache.java", List.of(), service -> {
            throw new ProbeFailure("GET /users/alice never asked the cache");
        });
        StepLessons stepSix = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(refreshed, unrelated));

        List<LessonResult> results = check(stepSix, ran());

        assertThat(results.get(0).problems().get(0)).isEqualTo("serverless.yml, as the local cloud noted: " + misspelt
                + " (most likely what the lines below follow from)");
        assertThat(results.get(0).lesson().hint()).startsWith(StepCheck.POINTS_AT_A_NOTE);
        assertThat(results.get(1).lesson().hint()).as("a key no function has, which no line of this lesson names, is no cause"
                + " of it").isEqualTo("AccountCache.java");
    }

    @Test
    void aKeyAtTheWrongLevelInAStepThatEditsNoYamlPointsAtTheGuideThatAddedIt() throws Exception {
        guideWithEditsOf("02-momento-client.md", "serverless.yml", "Clients.java");
        Files.writeString(root.resolve("workshop/02-momento-client.md"), "    CACHE_NAME: accounts-cache\n",
                java.nio.file.StandardOpenOption.APPEND);
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        cloudLog.add("Note: provider.CACHE_NAME (line 26) is named like an environment variable but stands beside provider's"
                + " settings, where the Serverless Framework ignores it (unrecognized property): indent it under provider.environment:");
        Lesson cached = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), service -> {
            throw new ProbeFailure("reading a user right after creating her read DynamoDB");
        });
        StepLessons stepFour = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(cached));

        List<LessonResult> results = check(stepFour, ran());

        assertThat(results.get(0).lesson().hint()).isEqualTo("serverless.yml: a key the Serverless Framework ignores, as noted below:"
                + " workshop/02-momento-client.md, the edit of serverless.yml");
    }

    @Test
    void whatTheLocalCloudNotedIsShownAfterTheLessonsWithoutFailingAny() throws Exception {
        cloudLog.add("Note: functions.getUser.iamRoleStatements[0] (line 57): Allow dynamodb:* on * is more than a function needs");
        cloudLog.add("[getUser#1] INFO Note: a function's own line is no note of the local cloud");
        StringWriter printed = new StringWriter();
        StepCheck check = new StepCheck(root, new PrintWriter(printed), () -> ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"),
                pass("AccountCacheTest", "notFoundIsCachedToo")), NoCloud::new);

        List<LessonResult> results = check.run(step);
        Checklist.plain().print(step, results, check.notes(), new PrintWriter(printed));

        assertThat(results).allMatch(LessonResult::done);
        assertThat(check.notes()).containsExactly(
                "functions.getUser.iamRoleStatements[0] (line 57): Allow dynamodb:* on * is more than a function needs");
        assertThat(printed.toString()).contains("""
                The local cloud noted (not a failure; in target/workshop-check/local-cloud.log too):
                  serverless.yml, functions.getUser.iamRoleStatements[0] (line 57): Allow dynamodb:* on *""")
                .containsSubsequence("The local cloud noted", "Step 3 is done");
    }

    @Test
    void theBuildsLineCountsASkippedTestApartAndSaysWhy() throws Exception {
        StringWriter printed = new StringWriter();
        TestRun.Result build = ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"), pass("AccountCacheTest", "notFoundIsCachedToo"),
                new TestCase("com.example.accounts.ConcurrentMembershipTest", "aReadRacingAnAdd", null,
                        "addMember does not write the membership to the cache yet"));

        List<LessonResult> results = new StepCheck(root, new PrintWriter(printed), () -> build, NoCloud::new)
                .run(new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(hit,
                        Lesson.of("a fill never overwrites a write", "AccountCache.java", List.of("ConcurrentMembershipTest"), null))));

        assertThat(done(results)).as("a skipped test proves nothing: its lesson is not done").containsExactly(true, false, true);
        assertThat(results.get(1).problems()).containsExactly("ConcurrentMembershipTest.aReadRacingAnAdd did not run:"
                + " addMember does not write the membership to the cache yet");
        assertThat(printed.toString()).contains("2 of the 3 tests ran, 0 failed, 1 skipped (ConcurrentMembershipTest.aReadRacingAnAdd:"
                + " addMember does not write the membership to the cache yet)");
    }

    @Test
    void aStaticInitializerThatFailedIsNamedWithItsSourceFile() {
        List<String> log = List.of("[getUser#1] START RequestId: 1",
                "[getUser#2] {\"errorMessage\":\"Could not initialize class com.example.accounts.Clients$Holder\","
                        + "\"errorType\":\"java.lang.NoClassDefFoundError\"}");
        assertThat(StepCheck.failedStaticInitializer(log, 0)).contains("com.example.accounts.Clients$Holder");
        assertThat(StepCheck.failedStaticInitializer(log, 2)).as("nothing since then").isEmpty();
        assertThat(StepCheck.failedStaticInitializer(List.of("[getUser#1] java.lang.ExceptionInInitializerError",
                "[getUser#1] \tat function//com.example.accounts.cache.Keys.<clinit>(Keys.java:9)"), 0))
                .as("the frame as the function's class loader names it").contains("com.example.accounts.cache.Keys");
        assertThat(StepCheck.sourceFileOf("com.example.accounts.Clients$Holder")).isEqualTo("Clients.java");
        assertThat(StepCheck.staticInitializerAdvice("com.example.accounts.Clients$Holder"))
                .startsWith("a static initializer failed (Clients$Holder)");
    }

    /** The guide's key, and a key of the attendee's own format built from a name a probe made up. */
    static List<String> keysGivenAsTheCachesName() {
        return List.of("user#alice", "user:" + LocalService.unique("alice"));
    }

    @ParameterizedTest
    @MethodSource("keysGivenAsTheCachesName")
    void aKeyGivenAsTheCachesNameIsCalledASwapOfArgumentsInAccountCache(String key) throws Exception {
        com.sun.net.httpserver.HttpServer momento = momentoWithNoCacheNamed(key);
        try {
            guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
            Lesson hitProbed = Lesson.of("a hit does not read DynamoDB", "Dependencies.java", List.of(), service -> {
                cloudLog.add("[getUser#1] WARN AccountCache - Cache get of user#alice failed: A cache with the specified name"
                        + " does not exist");
                throw new ProbeFailure("the second read of a user read DynamoDB again");
            });
            StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()),
                    () -> ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")), log -> new NoCloud() {
                        @Override
                        public URI base() {
                            return URI.create("http://127.0.0.1:" + momento.getAddress().getPort() + "/");
                        }
                    });

            List<LessonResult> results = check.run(new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hitProbed)));

            assertThat(results.get(0).problems()).anySatisfy(problem -> assertThat(problem)
                    .startsWith("Momento was asked for a cache named \"" + key + "\", which no cache has: that is a key")
                    .contains("arguments swapped"));
            assertThat(results.get(0).problems()).noneSatisfy(problem -> assertThat(problem).contains("CACHE_NAME"));
            assertThat(results.get(0).lesson().hint()).as("not Dependencies, which passes the right name").isEqualTo("AccountCache.java");
        } finally {
            momento.stop(0);
        }
    }

    /**
     * Step 3 with the cache's name read from TABLE_NAME: every cache call fails, so each probe saw reads that
     * "never asked the cache". That follows from the name, and is said so, once; the name's cause is said once too.
     */
    @Test
    void aCacheOfAnotherNameIsTheCauseOnceAndWhatTheProbesSawFollowsFromIt() throws Exception {
        String name = "momento-accounts-workshop-dev-AccountsTable";
        com.sun.net.httpserver.HttpServer momento = momentoWithNoCacheNamed(name);
        try {
            guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
            List<Lesson> missAndHit = missAndHitWhoseCacheCallsFail(
                    "WARN AccountCache - Cache set of user#alice failed: A cache with the specified name does not exist");
            StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()),
                    () -> ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")), log -> new NoCloud() {
                        @Override
                        public URI base() {
                            return URI.create("http://127.0.0.1:" + momento.getAddress().getPort() + "/");
                        }
                    });

            List<LessonResult> results = check.run(new StepLessons(3, "read-aside caching", "03-read-aside.md", missAndHit));

            assertThat(results.get(0).problems().get(0)).startsWith("the function asks for a cache that does not exist")
                    .contains("CACHE_NAME");
            assertThat(results.get(0).problems()).as("what the probe saw, said as what follows from the name")
                    .noneSatisfy(problem -> assertThat(problem).contains("never asked the cache"))
                    .anySatisfy(problem -> assertThat(problem).startsWith("local cloud: every call to that cache failed"))
                    .anySatisfy(problem -> assertThat(problem).contains("which no cache has"));
            assertThat(results.get(1).problems()).containsExactly(
                    "the function asks for a cache that does not exist, as above: every call to it failed");
            assertThat(results.subList(0, 2)).allSatisfy(result -> assertThat(result.lesson().hint()).isEqualTo("Dependencies.java"));
        } finally {
            momento.stop(0);
        }
    }

    /** Step 3's miss and hit lessons, whose probes saw reads that never asked the cache, each logging {@code failed}. */
    private List<Lesson> missAndHitWhoseCacheCallsFail(String failed) {
        Lesson miss = Lesson.of("a miss fills the cache", "AccountCache.java", List.of(), service -> {
            cloudLog.add("[getUser#1] " + failed);
            throw new ProbeFailure("GET /users/alice never asked the cache: AccountCache.read must ask it first");
        });
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of(), service -> {
            cloudLog.add("[getUser#2] " + failed);
            throw new ProbeFailure("the second read of a user did not ask the cache at all");
        });
        return List.of(miss, hit);
    }

    /** Step 3 with the cache's name read by System.getenv of a variable serverless.yml does not set: null. */
    @Test
    void aCacheNamedNullIsTheCauseOnce() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
        List<Lesson> missAndHit = missAndHitWhoseCacheCallsFail("WARN AccountCache - Cache get of user#alice failed, asking"
                + " DynamoDB: Invalid argument passed to Momento client: Cache name cannot be null.");

        List<LessonResult> results = check(new StepLessons(3, "read-aside caching", "03-read-aside.md", missAndHit),
                ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results.get(0).problems().get(0)).startsWith("the function asks for a cache named null").contains("CACHE_NAME");
        assertThat(results.get(0).problems()).noneSatisfy(problem -> assertThat(problem).contains("never asked the cache"));
        assertThat(results.get(1).problems()).containsExactly(
                "the function asks for a cache that does not exist, as above: every call to it failed");
        assertThat(results.subList(0, 2)).allSatisfy(result -> assertThat(result.lesson().hint()).isEqualTo("Dependencies.java"));
    }

    /**
     * Step 6 with AccountCache.replace logging a failed write where it must throw: StreamCacherHandlerTest and
     * StreamCacherTest fail too (they run on the real AccountCache), and the lesson pointed at StreamCacher.java,
     * whose source calls replace as the guide has it. The probe's trace through the code stands.
     */
    @Test
    void aReplaceThatLogsInsteadOfThrowingPointsAtAccountCacheThoughTheHandlersTestFails() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "serverless.yml", "AccountCache.java", "StreamCacher.java",
                "StreamCacherHandler.java", "Dependencies.java");
        Files.createDirectories(root.resolve("src/main/java/com/example/accounts/service"));
        Files.writeString(root.resolve("src/main/java/com/example/accounts/service/StreamCacher.java"), "public class StreamCacher {\n"
                + "    public Outcome itemWritten(Map<String, String> item) {\n        cache.replace(key.get(), value.get());\n"
                + "        return Outcome.REFRESHED;\n    }\n}\n");
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubGateway localCloud = StubGateway.withAStreamCacherThatLogsItsFailedWrite(log)) {
            URI base = localCloud.service(List::of).base();
            Lesson retried = com.example.workshop.tools.check.steps.Curriculum.step(6).orElseThrow().lessons().get(2);
            StepLessons streamCacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(retried));
            StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(
                    fail("handlers.StreamCacherHandlerTest", "aFailingCacheWriteIsReportedWithItsSequenceNumber",
                            "[the batch item failures: the record whose cache write failed, by its sequence number (AccountCache's"
                                    + " set must throw, and handleRequest report the record it failed on)]"),
                    fail("service.StreamCacherTest", "aCacheFailureIsThrownSoTheChangeIsRetried",
                            "[a written user, with the cache failing: replace must throw] Expecting code to raise a throwable.")),
                    logFile -> new NoCloud() {
                        @Override
                        public URI base() {
                            return base;
                        }

                        @Override
                        public List<String> log() {
                            return List.copyOf(log);
                        }
                    });

            List<LessonResult> results = check.run(streamCacher);

            assertThat(results.get(0).problems().get(0)).contains("AccountCache.replace must throw");
            assertThat(Checklist.hint(streamCacher, results.get(0).lesson()))
                    .isEqualTo("workshop/06-stream-cacher.md, the edit of AccountCache.java");
        }
    }

    @Test
    void aFailingTestMarksOnlyItsLesson() throws Exception {
        List<LessonResult> results = check(ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"),
                fail("AccountCacheTest", "notFoundIsCachedToo", "expected: 1 but was: 0"),
                pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(done(results)).containsExactly(true, false, true);
        assertThat(results.get(1).problems()).containsExactly("AccountCacheTest.notFoundIsCachedToo fails: expected: 1 but was: 0");
    }

    /** Four cases of one parameterized test that fail alike are one line, not four and "... and 2 more". */
    @Test
    void theFailingCasesOfAParameterizedTestAreOneLine() throws Exception {
        List<LessonResult> results = check(ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"),
                fail("AccountCacheTest", "notFoundIsCachedToo(String)[1]", "expected: IllegalStateException"),
                fail("AccountCacheTest", "notFoundIsCachedToo(String)[2]", "expected: IllegalStateException"),
                pass("AccountCacheTest", "notFoundIsCachedToo(String)[3]"),
                fail("AccountCacheTest", "notFoundIsCachedToo(String)[4]", "expected: IllegalStateException"),
                pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results.get(1).problems()).containsExactly("AccountCacheTest.notFoundIsCachedToo(String)[1] fails (and 2 more"
                + " of its cases): expected: IllegalStateException");
    }

    @Test
    void aFailingTestNoLessonNamesMarksTheRegressionsLine() throws Exception {
        List<LessonResult> results = check(ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"),
                pass("AccountCacheTest", "notFoundIsCachedToo"), fail("AccountsApiIntegrationTest", "createdUserCanBeRead", "500")));

        assertThat(done(results)).containsExactly(true, true, false);
        assertThat(results.get(2).problems()).containsExactly("AccountsApiIntegrationTest.createdUserCanBeRead fails: 500");
    }

    @Test
    void aMissingTestIsNotAPass() throws Exception {
        List<LessonResult> results = check(ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase")));

        assertThat(done(results)).containsExactly(true, false, true);
        assertThat(results.get(1).problems()).singleElement().asString().contains("missing from src/test").contains("start");
    }

    @Test
    void aProbeThatFailsTwiceMarksItsLessonAndOneThatFailsOnceDoesNot() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Lesson flaky = Lesson.of("flaky", "AccountCache.java", List.of(), service -> {
            if (calls.incrementAndGet() == 1) {
                throw new ProbeFailure("a deadline passed once");
            }
        });
        Lesson broken = Lesson.of("broken", "AccountCache.java", List.of(), service -> {
            throw new ProbeFailure("the second read of a user read DynamoDB again");
        });
        StepLessons probed = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(flaky, broken));

        List<LessonResult> results = check(probed, ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(done(results)).containsExactly(true, false, true);
        assertThat(results.get(1).problems()).containsExactly("local cloud: the second read of a user read DynamoDB again");
    }

    @Test
    void aSlipReadInAFileIsNotSaidToBeSeenInTheLocalCloud() throws Exception {
        Lesson secret = Lesson.of("secret", "serverless.yml", List.of(), service -> {
            throw ProbeFailure.inTheFile("serverless.yml, provider.environment.MOMENTO_API_KEY: the key itself", "serverless.yml");
        });
        StepLessons probed = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(secret));

        List<LessonResult> results = check(probed, ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results.get(0).problems()).containsExactly("serverless.yml, provider.environment.MOMENTO_API_KEY: the key itself");
    }

    @Test
    void aProbesFailureComesBeforeTheTestsAndQuotesWhatTheFunctionLogged() throws Exception {
        cloudLog.add("[getUser#1] INFO an earlier probe's line ... Exception: not this one");
        Lesson refused = Lesson.of("refused", "AccountCache.java", List.of("AccountCacheTest.aHitDoesNotAskTheDatabase"), service -> {
            cloudLog.add("[getUser#1] START RequestId: 1");
            cloudLog.add("[listMembers#1] ERROR ApiHandler - GET /organizations/acme/members failed");
            cloudLog.add("[listMembers#1] WARN AccountCache - ... DynamoDbException: User: arn:aws:sts::000000000000:assumed-role/x/"
                    + "listMembers is not authorized to perform: dynamodb:Query on resource: table because no identity-based policy allows it");
            throw new ProbeFailure("GET /users/alice answered 500");
        });
        StepLessons probed = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(refused));

        List<LessonResult> results = check(probed, ran(fail("AccountCacheTest", "aHitDoesNotAskTheDatabase", "expected: 0 but was: 1")));

        assertThat(results.get(0).lesson().hint()).as("no guide in this root: the lesson's own pointer").isEqualTo("AccountCache.java");
        assertThat(results.get(0).problems()).containsExactly("local cloud: GET /users/alice answered 500",
                "its log: [listMembers#1] ... is not authorized to perform: dynamodb:Query on resource: table",
                "AccountCacheTest.aHitDoesNotAskTheDatabase fails: expected: 0 but was: 1");
    }

    @Test
    void aLogLineTheProbesMessageQuotesAlreadyIsNotQuotedTwice() throws Exception {
        String refusal = "[getUser#3] ... is not authorized to perform: secretsmanager:GetSecretValue on resource: secret";
        Lesson quoting = Lesson.of("quoting", "Dependencies.java", List.of(), service -> {
            cloudLog.add("[getUser#3] WARN Dependencies - Momento client not created during Init, will retry on use:"
                    + " SecretsManagerException: User: x is not authorized to perform: secretsmanager:GetSecretValue on resource: secret");
            throw new ProbeFailure("getUser never asked it: the client failed before that: " + refusal);
        });
        StepLessons probed = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(quoting));

        List<LessonResult> results = check(probed, ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results.get(0).problems()).containsExactly(
                "local cloud: getUser never asked it: the client failed before that: " + refusal);
    }

    @Test
    void aRefusalThatFailsSeveralLessonsIsQuotedOnceThenSaidAsAbove() {
        String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:accounts/MomentoApiKey-HYS2eV";
        String refusal = "... is not authorized to perform: secretsmanager:GetSecretValue on resource: " + arn;
        Lesson read = Lesson.of("the key's read", "serverless.yml", List.of(), null);
        Lesson created = Lesson.of("the client's creation", "Clients.java", List.of(), null);
        Lesson other = Lesson.of("a read of another secret", "Clients.java", List.of(), null);
        List<LessonResult> results = List.of(
                new LessonResult(read, List.of("local cloud: IAM denied getUser secretsmanager:GetSecretValue on " + arn,
                        "its log: [getUser#1] " + refusal)),
                new LessonResult(created, List.of("local cloud: the client could not be created: [getUser#1] " + refusal,
                        "its log: [getUser#3] " + refusal)),
                new LessonResult(other, List.of("local cloud: [getUser#4] " + refusal.replace("MomentoApiKey", "Other"))));

        List<LessonResult> once = StepCheck.sayEachRefusalOnce(results);

        assertThat(once.get(0).problems()).isEqualTo(results.get(0).problems());
        assertThat(once.get(1).problems()).containsExactly(
                "local cloud: the client could not be created: IAM refused secretsmanager:GetSecretValue, as above");
        assertThat(once.get(2).problems()).as("a refusal on another resource is a cause of its own")
                .isEqualTo(results.get(2).problems());
    }

    @Test
    void aFailureTheProbeCausedOnPurposeIsNotQuoted() throws Exception {
        Lesson slow = Lesson.of("slow", "Clients.java", List.of(), service -> {
            cloudLog.add("[getUser#1] WARN Dependencies - Momento client not created during Init, will retry on use:"
                    + " InternalServiceErrorException: the fault the probe injected");
            service.logSoFarWasExpected();
            cloudLog.add("[getUser#2] INFO nothing telling");
            throw new ProbeFailure("with Secrets Manager taking 5 s to answer, getUser logged no timeout");
        });
        StepLessons probed = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(slow));

        List<LessonResult> results = check(probed, ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results.get(0).problems()).containsExactly(
                "local cloud: with Secrets Manager taking 5 s to answer, getUser logged no timeout");
    }

    @Test
    void aCacheThatIsNotThereIsQuotedFromTheLogThoughDynamoDbAnswered() {
        List<String> log = List.of("[getUser#1] START RequestId: 1",
                "[getUser#1] WARN AccountCache - Cache get of user#alice failed, asking DynamoDB: NotFoundException:"
                        + " A cache with the specified name does not exist",
                "[getUser#1] ERROR ApiHandler - GET /users/alice failed: IllegalStateException: later, and less telling");

        assertThat(StepCheck.functionError(log, 0)).hasValueSatisfying(line -> assertThat(line)
                .contains("A cache with the specified name does not exist"));
    }

    @Test
    void aStreamRecordTheHandlerSkippedIsQuotedFromTheLog() {
        List<String> log = List.of("[streamCacher#1] WARN StreamCacherHandler - Stream record 42 has an unknown event name"
                + " MODIFY, skipped", "[getUser#1] ERROR ApiHandler - GET /users/bob failed: IllegalStateException: later");

        assertThat(StepCheck.functionError(log, 0)).hasValueSatisfying(line -> assertThat(line)
                .contains("unknown event name MODIFY"));
    }

    /** An exception without a message (a NullPointerException on a null answer): its class, and where the service threw it. */
    @Test
    void anExceptionWithoutAMessageIsQuotedWithWhereTheServiceThrewIt() {
        List<String> log = List.of("[getUser#1] ERROR ApiHandler - GET /users/nobody failed",
                "[getUser#1] java.lang.NullPointerException",
                "[getUser#1] \tat java.base/java.util.Objects.requireNonNull(Objects.java:209)",
                "[getUser#1] \tat function//com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString(ObjectMapper.java:1)",
                "[getUser#1] \tat function//com.example.accounts.handlers.ApiResponses.ok(ApiResponses.java:16)");

        assertThat(StepCheck.functionError(log, 0)).hasValue("[getUser#1] java.lang.NullPointerException"
                + " at com.example.accounts.handlers.ApiResponses.ok(ApiResponses.java:16)");
        assertThat(StepCheck.functionError(List.of("[getUser#1] ... is not authorized to perform: dynamodb:GetItem on x",
                "[getUser#1] java.lang.NullPointerException"), 0)).as("a refusal says more than a bare exception after it")
                .hasValueSatisfying(line -> assertThat(line).contains("is not authorized to perform"));
    }

    @Test
    void aFunctionStoppedByItsTimeoutIsQuotedFromTheLog() {
        // A stream cacher on a busy machine: the probe saw only that the cache was not updated in time.
        List<String> log = List.of("[streamCacher#1] START RequestId: 1", "[streamCacher#1] Task timed out after 10.00 seconds",
                "[streamCacher#1] REPORT RequestId: 1 Duration: 10000.00 ms Status: timeout");

        assertThat(StepCheck.functionError(log, 0)).hasValue("[streamCacher#1] Task timed out after 10.00 seconds");
    }

    @Test
    void aCacheThatIsNotThereIsExplainedAndPointsAtDependencies() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
        Lesson missed = Lesson.of("a miss fills the cache", "AccountCache.java", List.of(), service -> {
            cloudLog.add("[getUser#1] WARN AccountCache - Cache set of user#alice failed: A cache with the specified name"
                    + " does not exist. To resolve this error, make sure you have created the cache before attempting to use it.");
            throw new ProbeFailure("GET /users/alice never asked the cache");
        });
        StepLessons probed = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(missed));

        List<LessonResult> results = check(probed, ran());

        assertThat(results.get(0).lesson().hint()).isEqualTo("Dependencies.java");
        assertThat(results.get(0).problems()).as("the cause first: the read that never asked the cache follows from it")
                .element(0).asString().contains("CACHE_NAME");
    }

    @Test
    void anIamRefusalPointsAtTheGuidesServerlessYmlEdit() throws Exception {
        guideWithEditsOf("05-fan-out.md", "serverless.yml");
        Lesson refused = Lesson.of("lists every member", "ListMembersHandler.java", List.of(), service -> {
            cloudLog.add("[listMembers#1] ... User: x is not authorized to perform: dynamodb:Query on resource: table");
            throw new ProbeFailure("GET /organizations/acme/members answered 500");
        });
        Lesson fine = Lesson.of("fine", "AccountCache.java", List.of(), service -> { });
        StepLessons probed = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(refused, fine));

        List<LessonResult> results = check(probed, ran());
        StringWriter printed = new StringWriter();
        Checklist.plain().print(probed, results, new PrintWriter(printed));

        assertThat(printed.toString()).contains("-> workshop/05-fan-out.md, the edit of serverless.yml")
                .doesNotContain("the edit of ListMembersHandler.java");
    }

    @Test
    void aRefusalAProbeTracedToAFilePointsThereInTheLaterLessonsThatMeetItToo() throws Exception {
        guideWithEditsOf("02-momento-client.md", "Clients.java", "serverless.yml");
        String refusal = "[getUser#1] ... User: x is not authorized to perform: secretsmanager:GetSecretValue on resource:"
                + " arn:aws:secretsmanager:eu-west-1:000000000000:secret:k-";
        Lesson read = Lesson.of("reads the secret", "serverless.yml", List.of(), service -> {
            cloudLog.add(refusal + "abc123");
            throw new ProbeFailure("a secret in eu-west-1, while the role allows the read in us-east-1 only", "Clients.java");
        });
        Lesson created = Lesson.of("creates the client during Init", "Dependencies.java", List.of(), service -> {
            cloudLog.add(refusal + "def456");
            throw new ProbeFailure("the client could not be created");
        });
        StepLessons probed = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(read, created));

        List<LessonResult> results = check(probed, ran());

        assertThat(results.get(0).lesson().hint()).isEqualTo("Clients.java");
        assertThat(results.get(1).lesson().hint()).as("the same refusal, so the same cause").isEqualTo("Clients.java");
    }

    /** Step 4, one lesson, whose probe meets IAM refusing the secret's read that guide 02's statement grants. */
    private StepLessons stepFourWhoseSecretReadIamRefuses() throws IOException {
        guideWithEditsOf("02-momento-client.md", "Clients.java", "serverless.yml");
        Files.writeString(root.resolve("workshop/02-momento-client.md"), "Action: secretsmanager:GetSecretValue\n",
                java.nio.file.StandardOpenOption.APPEND);
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        Lesson notCached = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), service -> {
            cloudLog.add("[createUser#1] WARN Dependencies - ... User: x is not authorized to perform:"
                    + " secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:000000000000:secret:k-abc123");
            throw new ProbeFailure("reading a user right after creating her read DynamoDB");
        });
        StepLessons probed = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(notCached));
        return probed;
    }

    @Test
    void aRefusalOfWhatAnEarlierStepGrantedPointsAtThatStepsServerlessYmlEdit() throws Exception {
        StepLessons probed = stepFourWhoseSecretReadIamRefuses();

        List<LessonResult> results = check(probed, ran());

        assertThat(results.get(0).lesson().hint()).as("IAM refused what guide 02's statement grants: the Java code is not to blame")
                .startsWith("workshop/02-momento-client.md, the edit of serverless.yml")
                .contains("secretsmanager:GetSecretValue");
        assertThat(results.get(0).problems().get(0)).as("what the probe saw then is a consequence, said before it")
                .startsWith("IAM refused secretsmanager:GetSecretValue, which an earlier step's statement allows");
        assertThat(results.get(0).problems()).anySatisfy(problem -> assertThat(problem).contains("read DynamoDB"));
    }

    /**
     * Step 4's createOrganization reading the Owner's membership instead of caching it: IAM refuses the read, which
     * step 1's guide grants other functions, but never this one. Not "an earlier step's statement": the code's call.
     */
    @Test
    void aRefusalOfACallTheFunctionNeverMadePointsAtTheCodeNotAnEarlierStatement() throws Exception {
        guideWithEditsOf("01-lambda-dynamodb.md", "serverless.yml");
        Files.writeString(root.resolve("workshop/01-lambda-dynamodb.md"), "Action: dynamodb:GetItem\n",
                java.nio.file.StandardOpenOption.APPEND);
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        write(root.resolve("solutions/step-3-read-aside/serverless.yml"), String.join("\n", "functions:",
                "  createOrganization:", "    iamRoleStatements:", "      - Effect: Allow", "        Action:",
                "          - dynamodb:ConditionCheckItem", "          - dynamodb:PutItem", "  getOrganization:",
                "    iamRoleStatements:", "      - Effect: Allow", "        Action: dynamodb:GetItem", ""));
        Files.createDirectories(root.resolve("solutions/step-4-write-aside"));
        String[] function = {"createOrganization"};
        Lesson owner = Lesson.of("creating an organization caches it and its Owner membership", "AccountService.java", List.of(),
                service -> {
                    cloudLog.add("[" + function[0] + "#1] ... is not authorized to perform: dynamodb:GetItem on resource:"
                            + " arn:aws:dynamodb:us-east-1:000000000000:table/accounts");
                    throw new ProbeFailure("POST /organizations answered 500");
                });
        StepLessons probed = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(owner));

        List<LessonResult> results = check(probed, ran());

        assertThat(results.get(0).lesson().hint()).isEqualTo("AccountService.java");
        assertThat(results.get(0).problems().get(0)).isEqualTo("IAM refused createOrganization dynamodb:GetItem, which its role"
                + " has never allowed, in this step or before: the code makes a call that the guide never asks"
                + " createOrganization for (what the lines below follow from)");

        function[0] = "getOrganization"; // a grant the step before had: an earlier statement no longer allows it
        List<LessonResult> granted = check(probed, ran());
        assertThat(granted.get(0).lesson().hint()).startsWith("workshop/01-lambda-dynamodb.md, the edit of serverless.yml");
        assertThat(granted.get(0).problems().get(0)).startsWith("IAM refused dynamodb:GetItem, which an earlier step's"
                + " statement allows");
    }

    @Test
    void aLineThatPointsWhereTheRegressionsLinePointsSaysItOnce() throws Exception {
        StepLessons probed = stepFourWhoseSecretReadIamRefuses();
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> {
            cloudLog.add("[getUser#1] WARN Dependencies - ... User: y is not authorized to perform:"
                    + " secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:000000000000:secret:k-abc123");
            throw new ProbeFailure("getUser has no Momento client, because IAM refused secretsmanager:GetSecretValue");
        });

        List<LessonResult> results = check.run(probed);

        String regressions = results.get(results.size() - 1).lesson().hint();
        assertThat(regressions).as("the regressions line").startsWith("workshop/02-momento-client.md, the edit of serverless.yml");
        assertThat(results.get(0).lesson().hint()).isEqualTo(regressions);
    }

    /** A handler: line with a typo (a class no guide writes) is serverless.yml's, not the Java edit's the lesson names. */
    @Test
    void aHandlerClassNoGuideWritesPointsAtServerlessYml() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "StreamCacher.java", "StreamCacherHandler.java", "serverless.yml");
        String typo = "com.example.accounts.handlers.StreamCacheHandler";
        String missing = "com.example.accounts.handlers.StreamCacherHandler";
        java.util.concurrent.atomic.AtomicReference<String> handler = new java.util.concurrent.atomic.AtomicReference<>(typo);
        Lesson cached = Lesson.of("an inserted or modified item is cached", "StreamCacher.java", List.of(), service -> {
            cloudLog.add("[streamCacher#8] INIT failed: the handler could not be created: java.lang.ClassNotFoundException: "
                    + handler.get());
            throw new ProbeFailure("10 s after the table changed, GET /users/alice still answers firstName \"First\"");
        });
        StepLessons step6 = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(cached));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> { });

        assertThat(check.run(step6).get(0).lesson().hint()).isEqualTo("workshop/06-stream-cacher.md, the edit of"
                + " serverless.yml: a handler: line names " + typo + ", a class your code does not have");

        handler.set(missing); // the class the guide writes, not written yet: its own edit
        assertThat(check.run(step6).get(0).lesson().hint()).doesNotContain("serverless.yml");
    }

    /** A failing test of the attendee's own (no step has it) is said to be theirs, not an older lesson broken. */
    @Test
    void aFailingTestOfYourOwnIsSaidToBeYours() throws Exception {
        Files.createDirectories(root.resolve("solutions/step-3-read-aside/src/test/java/com/example/accounts"))
                .resolve("AccountCacheTest.java").toFile().createNewFile();
        Path mine = Files.createDirectories(root.resolve("src/test/java/com/example/accounts/mine"));
        Files.writeString(mine.resolve("MyCacheTest.java"), "class MyCacheTest {}");
        StepLessons step3 = new StepLessons(3, "read-aside", "03-read-aside.md", List.of());
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()),
                () -> ran(fail("mine.MyCacheTest", "usesTheDefaultTtl", "expected: 1M but was: 1H")), NoCloud::new, service -> { });

        LessonResult regressions = check.run(step3).get(0);

        assertThat(regressions.problems()).containsExactly("your own test MyCacheTest.usesTheDefaultTtl fails: expected: 1M but"
                + " was: 1H (src/test/java/com/example/accounts/mine/MyCacheTest.java: no step so far has it)");
        assertThat(regressions.lesson().hint()).startsWith("your own test, above: no step's test failed");
    }

    /**
     * A test of the attendee's own that does not compile keeps every test from running: each line
     * points at that file, not at the guide's edit of the class its error names; with an error in a
     * step's test too, that one says which edit comes next, as before.
     */
    @Test
    void aTestOfYourOwnThatDoesNotCompileIsWhereEveryLinePoints() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java");
        Files.createDirectories(root.resolve("solutions/step-3-read-aside/src/test/java/com/example/accounts/cache"))
                .resolve("AccountCacheTest.java").toFile().createNewFile();
        String mine = "src/test/java/com/example/accounts/mine/MyCacheTest.java:9: cannot find symbol (symbol: method"
                + " readTwice(), in AccountCache)";
        String steps = "src/test/java/com/example/accounts/cache/AccountCacheTest.java:12: cannot find symbol (symbol: class"
                + " AccountCache)";

        List<LessonResult> onlyMine = check(new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of(mine)));

        String pointer = "your own test src/test/java/com/example/accounts/mine/MyCacheTest.java does not compile (no step so"
                + " far has it), and no test runs until it does: fix it, or move it out of src/test for now";
        assertThat(onlyMine).extracting(result -> result.lesson().hint())
                .containsExactly(pointer, pointer, pointer + "; then check again");
        assertThat(onlyMine.get(0).problems()).anySatisfy(problem -> assertThat(problem).contains("MyCacheTest.java:9"));

        List<LessonResult> both = check(new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of(mine, steps)));

        assertThat(both.get(0).lesson().hint()).doesNotContain("your own test");
        assertThat(both.get(0).problems()).as("the step's error, not yours, is the next thing to fix")
                .anySatisfy(problem -> assertThat(problem).contains("AccountCacheTest.java:12"));
    }

    /**
     * A skipped edit of serverless.yml: the local cloud meets one missing part per check, so the
     * first failing lesson names every part the edit adds, and points at the whole edit.
     */
    @Test
    void aSkippedEditOfServerlessYmlIsNamedWholeAtOnce() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "serverless.yml", "ActivityConsumer.java");
        String six = "functions:\n  getUser:\n    handler: a.GetUser\nresources:\n  Resources:\n    AccountsTable:\n      Type: T\n";
        String seven = "provider:\n  environment:\n    ACTIVITY_TABLE_NAME: !Ref ActivityTable\n" + six
                .replace("    handler: a.GetUser\n", "    handler: a.GetUser\n  activityConsumer:\n    handler: a.Consumer\n")
                + "    ActivityTable:\n      Type: T\n  Outputs:\n    ActivityStreamName:\n      Value: !Ref ActivityStream\n";
        write(root.resolve("solutions/step-6-stream-cacher/serverless.yml"), six);
        write(root.resolve("solutions/step-7-stream-consumer/serverless.yml"), seven);
        write(root.resolve("serverless.yml"), six);
        Lesson recorded = Lesson.of("each event is recorded", "ActivityConsumer.java", List.of(), service -> {
            throw new ProbeFailure("serverless.yml's resources declare no DynamoDB table ActivityTable");
        });
        Lesson retried = Lesson.of("bad records are never retried", "ActivityConsumer.java", List.of(), service -> {
            throw new ProbeFailure("activityConsumer reads no Kinesis stream");
        });
        StepLessons step7 = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(recorded, retried));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> { });

        List<LessonResult> results = check.run(step7);

        assertThat(results.get(0).problems().get(0)).isEqualTo("serverless.yml lacks provider, functions.activityConsumer,"
                + " resources.Resources.ActivityTable and resources.Outputs, which workshop/07-stream-consumer.md's edit of"
                + " serverless.yml adds (what the local cloud saw below may follow from that)");
        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/07-stream-consumer.md, the edit of serverless.yml: make all of it");
        assertThat(results.get(1).problems().get(0)).isEqualTo("serverless.yml lacks parts of the guide's edit, as above");
        assertThat(check.skippedServerlessYmlParts()).hasSize(4);

        write(root.resolve("serverless.yml"), seven);
        assertThat(check.run(step7).get(0).problems()).as("the whole edit made: the probe's own finding only")
                .noneMatch(problem -> problem.contains("lacks"));
        assertThat(check.skippedServerlessYmlParts()).isEmpty();
    }

    /** Step 2 out of order: serverless.yml not edited yet, and the jar still holds what the pom.xml filter leaves out. */
    @Test
    void aJarLineKeepsItsOwnPointerWhileServerlessYmlLacksParts() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "serverless.yml");
        String one = "functions:\n  getUser:\n    handler: a.GetUser\n";
        write(root.resolve("solutions/step-1-lambda-dynamodb/serverless.yml"), one);
        write(root.resolve("solutions/step-2-momento-client/serverless.yml"), "custom:\n  momentoSecretId: k\n" + one);
        write(root.resolve("serverless.yml"), one);
        Lesson secret = Lesson.of("reads the secret", "serverless.yml", List.of(), service -> {
            throw new ProbeFailure("getUser never called secretsmanager:GetSecretValue");
        });
        Lesson jar = Lesson.of("the jar leaves out what Lambda never loads", "pom.xml", List.of(), service -> {
            throw new ProbeFailure("target/accounts-service.jar holds 3 native libraries for macOS and Windows (8 MB), "
                    + DeployedJar.NEVER_LOADED + ": the shade plugin's <filters> need a second <filter>");
        });
        StepLessons step2 = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(secret, jar));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> { });

        List<LessonResult> results = check.run(step2);

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of serverless.yml: make all of it");
        assertThat(results.get(1).problems()).as("the jar is the build's: nothing serverless.yml lacks changes it")
                .noneMatch(problem -> problem.contains("serverless.yml"));
        assertThat(results.get(1).lesson().hint()).isEqualTo("pom.xml");
    }

    /** Clients.CACHE_TTL changed: step 6's tests fail at step 7, and the line points at step 2's edit of the constant. */
    @Test
    void failuresThatNameTheCacheTtlPointAtItsEditWhenTheCodeChangedIt() throws Exception {
        guideWithEditsOf("02-momento-client.md", "Clients.java");
        Path clients = Files.createDirectories(root.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        Files.writeString(clients, "final class Clients {\n    static final Duration CACHE_TTL = Duration.ofMinutes(60);\n}\n");
        StepLessons step7 = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of());
        TestCase ttl = fail("handlers.StreamCacherHandlerTest", "anInsertedUserIsCachedAsTheReadPathReadsIt", "[the TTL of"
                + " alice's entry: Clients.CACHE_TTL, 60 s since step 2] Expecting map: {\"user#alice\"=1H} to contain"
                + " entries: [\"user#alice\"=1M]");
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(ttl), NoCloud::new, service -> { });

        assertThat(check.run(step7).get(0).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of Clients.java:"
                + " CACHE_TTL is Duration.ofMinutes(60) in your code, and the tests expect Duration.ofSeconds(60)");

        Files.writeString(clients, "final class Clients {\n    static final Duration CACHE_TTL = Duration.ofSeconds(60);\n}\n");
        assertThat(check.run(step7).get(0).lesson().hint()).as("the constant as step 2 has it: the code that sets the TTL")
                .doesNotContain("Clients.java");
    }

    /** Step 6's ReportBatchItemFailures lost at step 7: the regressions line sends the reader to step 6's edit. */
    @Test
    void theRegressionsLinePointsAtTheEarlierGuidesEditItsProbeNames() throws Exception {
        StepLessons step7 = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of());
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> {
            throw new ProbeFailure("the stream event of streamCacher lost functionResponseType: ReportBatchItemFailures",
                    "workshop/06-stream-cacher.md, the edit of serverless.yml");
        });

        List<LessonResult> results = check.run(step7);

        assertThat(results.get(results.size() - 1).lesson().hint()).isEqualTo("workshop/06-stream-cacher.md, the edit of serverless.yml");
    }

    @Test
    void aProbeThatSeesTheSlipInAnotherEditPointsAtThatEdit() throws Exception {
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        Lesson unreadable = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), service -> {
            throw new ProbeFailure("the write set the item, but the read could not decode it", "AccountCache.java");
        });
        Lesson notCached = Lesson.of("creating an organization caches it", "AccountService.java", List.of(), service -> {
            throw new ProbeFailure("reading an organization right after creating it read DynamoDB");
        });
        Lesson elsewhere = Lesson.of("a file the guide has no edit of", "AccountService.java", List.of(), service -> {
            throw new ProbeFailure("seen", "Elsewhere.java");
        });
        StepLessons probed = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(unreadable, notCached, elsewhere));

        List<LessonResult> results = check(probed, ran());

        assertThat(results.subList(0, 3)).extracting(result -> result.lesson().hint())
                .containsExactly("AccountCache.java", "AccountService.java", "AccountService.java");
    }

    @Test
    void aLessonWhoseOnlyFailuresAreOneClasssUnitTestsPointsAtThatClass() throws Exception {
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        Lesson mixed = Lesson.of("adding a member replaces a cached not-a-member", "AccountService.java",
                List.of("CachedWritesIntegrationTest.addMember", "AccountCacheTest.aWriteReplaces"), null);
        Lesson throughItToo = Lesson.of("an integration test fails with it", "AccountService.java",
                List.of("CachedWritesIntegrationTest.createUser", "AccountCacheTest.aWrite"), null);
        Lesson twoUnits = Lesson.of("two classes' unit tests fail", "AccountService.java",
                List.of("AccountServiceTest.createUser", "AccountCacheTest.aWriteOfAUser"), null);
        Lesson oneClass = Lesson.of("tested through the handler", "AccountService.java",
                List.of("AccountCacheTest.aSet", "AccountCacheTest.aDelete"), null);
        StepLessons lessons = new StepLessons(4, "write-aside caching", "04-write-aside.md",
                List.of(mixed, throughItToo, twoUnits, oneClass));

        List<LessonResult> results = check(lessons, ran(pass("CachedWritesIntegrationTest", "addMember"),
                fail("AccountCacheTest", "aWriteReplaces", "expected 1"),
                fail("CachedWritesIntegrationTest", "createUser", "read DynamoDB"), fail("AccountCacheTest", "aWrite", "expected 1"),
                fail("AccountServiceTest", "createUser", "expected 1"), fail("AccountCacheTest", "aWriteOfAUser", "expected 1"),
                fail("AccountCacheTest", "aSet", "expected 1"), pass("AccountCacheTest", "aDelete")));

        assertThat(done(results)).containsExactly(false, false, false, false, true);
        assertThat(results.subList(0, 4)).extracting(result -> result.lesson().hint())
                .containsExactly("AccountCache.java", "AccountCache.java", "AccountService.java", "AccountService.java");
    }

    /**
     * Step 6's replaceWithNotFound without its error check: StreamCacherTest (on the real AccountCache) and the
     * handler's test fail with AccountCacheTest's, and the line named StreamCacher.java; the class below names it.
     */
    @Test
    void aFailingTestOfAccountCacheBesideTestsThatRunOnItPointsAtAccountCache() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "AccountCache.java", "StreamCacher.java", "StreamCacherHandler.java");
        Lesson reported = Lesson.of("a failed cache write is reported", "StreamCacherHandler.java",
                List.of("StreamCacherHandlerTest.aRemovalTheCacheFailsToApplyIsReported",
                        "StreamCacherTest.aCacheFailureIsThrownSoTheChangeIsRetried",
                        "AccountCacheTest.theStreamCachersWritesThrowWhenTheCacheAnswersAnError"), null);
        StepLessons streamCacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(reported));

        List<LessonResult> results = check(streamCacher, ran(fail("StreamCacherHandlerTest",
                "aRemovalTheCacheFailsToApplyIsReported", "no failure reported"),
                fail("StreamCacherTest", "aCacheFailureIsThrownSoTheChangeIsRetried", "replaceWithNotFound must throw"),
                fail("AccountCacheTest", "theStreamCachersWritesThrowWhenTheCacheAnswersAnError", "replaceWithNotFound")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("AccountCache.java");
    }

    @Test
    void aHandlersTestFailingWithTheTestOfTheClassItCallsPointsAtThatClass() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "StreamCacher.java", "StreamCacherHandler.java");
        Lesson reported = Lesson.of("a failed cache write is reported", "StreamCacherHandler.java",
                List.of("StreamCacherHandlerTest.aRemovalTheCacheFailsToApplyIsReported",
                        "StreamCacherTest.aCacheFailureIsThrownSoTheChangeIsRetried"), null);
        StepLessons streamCacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(reported));

        List<LessonResult> both = check(streamCacher, ran(fail("StreamCacherHandlerTest", "aRemovalTheCacheFailsToApplyIsReported",
                "no failure reported"), fail("StreamCacherTest", "aCacheFailureIsThrownSoTheChangeIsRetried", "nothing thrown")));
        List<LessonResult> handlerOnly = check(streamCacher, ran(fail("StreamCacherHandlerTest",
                "aRemovalTheCacheFailsToApplyIsReported", "no failure reported"),
                pass("StreamCacherTest", "aCacheFailureIsThrownSoTheChangeIsRetried")));

        assertThat(both.get(0).lesson().hint()).as("the handler's test goes through StreamCacher, whose own test fails")
                .isEqualTo("StreamCacher.java");
        assertThat(handlerOnly.get(0).lesson().hint()).isEqualTo("StreamCacherHandler.java");
    }

    @Test
    void aProbesGuessAtTheFileGivesWayToTheLessonsOwnFailingUnitTest() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
        Lesson ttl = Lesson.of("a miss fills the cache, with a TTL", "AccountCache.java",
                List.of("AccountCacheTest.aMissCachesWithATtl"), service -> {
                    throw new ProbeFailure("the cache holds user#alice for 0 more seconds", "Dependencies.java");
                });
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(ttl));

        List<LessonResult> wiring = check(readAside, ran(pass("AccountCacheTest", "aMissCachesWithATtl")));
        List<LessonResult> ownFile = check(readAside, ran(fail("AccountCacheTest", "aMissCachesWithATtl", "PT0S")));

        assertThat(wiring.get(0).lesson().hint()).as("AccountCache states the TTL it is given: what it is given is wrong")
                .isEqualTo("Dependencies.java");
        assertThat(ownFile.get(0).lesson().hint()).isEqualTo("AccountCache.java");
    }

    /** Step 4 with {@code lesson} alone, its guide editing AccountCache.java, then AccountService.java. */
    private StepLessons writeAsideOf(Lesson lesson) throws Exception {
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        return new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(lesson));
    }

    @Test
    void anOlderTestFailingBesideLessonsThatBlameOneEditPointsThereFirst() throws Exception {
        StepLessons writeAside = writeAsideOf(Lesson.of("creating a user caches the user", "AccountService.java",
                List.of("CachedWritesIntegrationTest.createUserCachesTheUser"), null));

        List<LessonResult> sameSlip = check(writeAside, ran(fail("CachedWritesIntegrationTest", "createUserCachesTheUser", "x"),
                fail("AccountsApiIntegrationTest", "duplicateUserIs409AndKeepsTheFirst", "Mallory")));
        List<LessonResult> alone = check(writeAside, ran(pass("CachedWritesIntegrationTest", "createUserCachesTheUser"),
                fail("AccountsApiIntegrationTest", "duplicateUserIs409AndKeepsTheFirst", "Mallory")));

        assertThat(sameSlip.get(1).lesson().hint()).isEqualTo("most likely the slip of the lines above:"
                + " workshop/04-write-aside.md, the edit of AccountService.java; if not, run ./mvnw verify and read the"
                + " first failure: an edit broke something older");
        assertThat(alone.get(1).lesson().hint()).startsWith("run ./mvnw verify");
    }

    /**
     * Step 4's fill given its key and value swapped, or no "not found" cached: step 3's
     * AccountCacheTest.notFoundIsCachedToo fails, and the addMember line's test defers to it ("...; see
     * notFoundIsCachedToo)"). Both lines pointed at AccountService.java (the last one as "the slip of the lines
     * above"); an older unit test of a class the step edits names that edit, and the deferring line follows it.
     */
    @Test
    void anOlderUnitTestOfAClassTheStepEditsNamesThatEditAndALineDeferringToItFollows() throws Exception {
        StepLessons writeAside = writeAsideOf(Lesson.of("adding a member replaces a cached \"not a member\"",
                "AccountService.java", List.of("CachedWritesIntegrationTest.addMemberReplacesACachedNotAMember"), null));

        List<LessonResult> results = check(writeAside, ran(fail("CachedWritesIntegrationTest", "addMemberReplacesACachedNotAMember",
                        "[the set-up: bob's \"not a member\", cached by a read (a read caches \"not found\" too; see"
                                + " notFoundIsCachedToo)] Expecting map"),
                fail("CachedReadsIntegrationTest", "cachedNotFoundIsStill404", "cache hits for two reads of ghost"),
                fail("AccountCacheTest", "notFoundIsCachedToo", "database reads for two reads of ghost")));
        List<LessonResult> integrationOnly = check(writeAside, ran(pass("CachedWritesIntegrationTest",
                "addMemberReplacesACachedNotAMember"), fail("CachedReadsIntegrationTest", "cachedNotFoundIsStill404", "x")));

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/04-write-aside.md, the edit of AccountCache.java"
                + " (AccountCacheTest.notFoundIsCachedToo, an earlier step's test of that class, fails now: the edit broke what"
                + " it proves)");
        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/04-write-aside.md, the edit of AccountCache.java (this"
                + " line's test fails because notFoundIsCachedToo does, an older test the last line names)");
        assertThat(integrationOnly.get(1).lesson().hint()).as("no unit test of an edited class").startsWith("run ./mvnw verify");
    }

    /** Step 4's write made fire-and-forget while doing step 5, whose edit of AccountCache.java leaves write alone. */
    @Test
    void anOlderUnitTestOfAnEditedClassAlsoNamesTheGuideThatTeachesIt() throws Exception {
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        guideWithEditsOf("05-fan-out.md", "AccountCache.java", "ListMembersHandler.java");
        Lesson waits = Lesson.of("a failed cache write never fails the request", "AccountCache.java",
                List.of("AccountCacheTest.aWriteReturnsOnlyOnceItIsStored"), null);
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(waits));
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));
        TestRun.Result olderFails = ran(pass("ListMembersIntegrationTest", "listsEveryMember"),
                fail("AccountCacheTest", "aWriteReturnsOnlyOnceItIsStored", "write returned before the cache stored it"));

        List<LessonResult> results = new StepCheck(root, new PrintWriter(new StringWriter()), () -> olderFails, NoCloud::new)
                .withEarlierSteps(number -> number == 4 ? Optional.of(writeAside) : Optional.empty()).run(fanOut);

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/05-fan-out.md, the edit of AccountCache.java"
                + " (AccountCacheTest.aWriteReturnsOnlyOnceItIsStored, an earlier step's test of that class, fails now: the edit"
                + " broke what it proves, which workshop/04-write-aside.md, the edit of AccountCache.java, teaches)");
    }

    @Test
    void anOlderUnitTestFailingAloneNamesTheEditOfItsClassNotTheLessonsOtherFile() throws Exception {
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        Lesson cachesUsers = Lesson.of("creating a user caches the user", "AccountService.java",
                List.of("CachedWritesIntegrationTest.createUserCachesTheUser", "AccountCacheTest.aWriteGivesTheCachesTtl"), null);
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(cachesUsers));
        Lesson consumes = Lesson.of("each event is recorded", "ActivityConsumer.java", List.of("ActivityConsumerHandlerTest"), null);
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(consumes));
        TestRun.Result olderFails = ran(pass("ActivityConsumerHandlerTest", "anEventIsRecorded"),
                fail("AccountCacheTest", "aWriteGivesTheCachesTtl", "the TTL write gave its set (PT0S: none)"));

        List<LessonResult> results = new StepCheck(root, new PrintWriter(new StringWriter()), () -> olderFails, NoCloud::new)
                .withEarlierSteps(number -> number == 4 ? Optional.of(writeAside) : Optional.empty()).run(consumer);

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/04-write-aside.md, the edit of AccountCache.java (step 4:"
                + " creating a user caches the user): an edit since has broken it; if not, run ./mvnw verify and read the first"
                + " failure (if it passes there, the test met a busy machine: check again)");
    }

    @Test
    void anOlderTestFailingAloneNamesTheEarlierStepsLessonAndEdit() throws Exception {
        Lesson readsAll = Lesson.of("a fan-out sends every get first", "AccountCache.java",
                List.of("AccountCacheTest.readAllSendsEveryGetBeforeWaitingForAny"), null);
        Lesson momentoDown = Lesson.of("Momento down: the list is answered from DynamoDB", "AccountCache.java",
                List.of("AccountCacheTest.readAllSurvivesAGetThatThrowsInsteadOfAnswering"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(readsAll, momentoDown));
        Lesson consumes = Lesson.of("each event is recorded", "ActivityConsumer.java",
                List.of("ActivityConsumerHandlerTest"), null);
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(consumes));
        TestRun.Result olderFails = ran(pass("ActivityConsumerHandlerTest", "anEventIsRecorded"),
                fail("AccountCacheTest", "readAllSendsEveryGetBeforeWaitingForAny", "a hit only if all three gets were sent"),
                fail("AccountCacheTest", "readAllSurvivesAGetThatThrowsInsteadOfAnswering", "client closed"));

        List<LessonResult> results = new StepCheck(root, new PrintWriter(new StringWriter()), () -> olderFails, NoCloud::new)
                .withEarlierSteps(number -> number == 5 ? Optional.of(fanOut) : Optional.empty()).run(consumer);
        List<LessonResult> unknown = check(consumer, olderFails);

        assertThat(results.get(1).lesson().hint()).startsWith("workshop/05-fan-out.md, the edit of AccountCache.java (step 5:"
                + " a fan-out sends every get first; Momento down: the list is answered from DynamoDB): an edit since has broken it");
        assertThat(unknown.get(1).lesson().hint()).as("no earlier step's lessons known").startsWith("run ./mvnw verify");
    }

    @Test
    void aRouteTheGatewayDoesNotHavePointsAtServerlessYml() throws Exception {
        guideWithEditsOf("05-fan-out.md", "ListMembersHandler.java", "serverless.yml");
        LocalService.Reply noRoute = new LocalService.Reply(403, com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                "{\"message\":\"Missing Authentication Token\"}");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"),
                service -> {
                    throw new ProbeFailure(noRoute.describe("GET /organizations/acme/members"));
                });
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));

        List<LessonResult> results = check(fanOut, ran(fail("ListMembersIntegrationTest", "listsEveryMember", "expected 200")));

        assertThat(results.get(0).problems().get(0)).contains("answered 403").contains("API Gateway has no such route");
        assertThat(results.get(0).lesson().hint()).isEqualTo("serverless.yml");
    }

    @Test
    void aVariableTheGuideNeverDefinesPointsAtTheCodeThatReadsItNotAtServerlessYml() throws Exception {
        guideWithEditsOf("02-momento-client.md", "serverless.yml", "Dependencies.java");
        Files.createDirectories(root.resolve("solutions/step-2-momento-client"));
        Files.writeString(root.resolve("solutions/step-2-momento-client/serverless.yml"),
                "provider:\n  environment:\n    MOMENTO_API_KEY_SECRET_ID: accounts/MomentoApiKey\n");
        Lesson misnamed = Lesson.of("reads the secret", "serverless.yml", List.of(), service -> {
            cloudLog.add("[getUser#1] WARN Dependencies - Momento client not created during Init, will retry on use:"
                    + " java.lang.IllegalStateException: Environment variable MOMENTO_API_KEY is not set: see serverless.yml");
            throw new ProbeFailure("getUser never called secretsmanager:GetSecretValue");
        });
        Lesson forgotten = Lesson.of("forgot the variable", "Dependencies.java", List.of(), service -> {
            cloudLog.add("[getUser#2] ... IllegalStateException: Environment variable MOMENTO_API_KEY_SECRET_ID is not set:"
                    + " see serverless.yml");
            throw new ProbeFailure("getUser never called secretsmanager:GetSecretValue");
        });
        StepLessons probed = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(misnamed, forgotten));

        List<LessonResult> results = check(probed, ran());

        assertThat(results.get(0).lesson().hint()).isEqualTo("Dependencies.java");
        assertThat(results.get(0).problems()).as("the cause first, before what the local cloud saw of it").element(0).asString()
                .isEqualTo("MOMENTO_API_KEY is no variable of the guide's serverless.yml: is it the name Dependencies should read?");
        assertThat(results.get(1).lesson().hint()).as("defined by the guide: serverless.yml lacks it").isEqualTo("serverless.yml");
    }

    @Test
    void aVariableAnEarlierGuideAddsThatTheFunctionsLackPointsAtThatGuidesEditOfServerlessYml() throws Exception {
        guideWithEditsOf("02-momento-client.md", "serverless.yml", "Dependencies.java");
        Files.writeString(root.resolve("workshop/02-momento-client.md"), "\n```yaml\n    CACHE_NAME: accounts-cache\n```\n",
                java.nio.file.StandardOpenOption.APPEND);
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of(), service -> {
            cloudLog.add("[createUser#2] INIT failed: the handler could not be created: java.lang.IllegalStateException:"
                    + " Environment variable CACHE_NAME is not set: see serverless.yml");
            throw new ProbeFailure("POST /users answered 502 {\"message\": \"Internal server error\"}");
        });
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> {
            cloudLog.add("[createUser#4] INIT failed: the handler could not be created: java.lang.IllegalStateException:"
                    + " Environment variable CACHE_NAME is not set: see serverless.yml");
            throw new ProbeFailure("POST /users answered 502 {\"message\": \"Internal server error\"}");
        });

        List<LessonResult> results = check.run(readAside);

        String expected = "workshop/02-momento-client.md, the edit of serverless.yml: it gives the functions CACHE_NAME"
                + " (provider.environment), which the log line above says is not set";
        assertThat(results).extracting(result -> result.lesson().hint()).as("not AccountCache.java, nor a handler's class")
                .containsExactly(expected, expected);
    }

    @Test
    void aTableStreamNoFunctionReadsAnyMorePointsAtStep6sEditOfServerlessYml() throws Exception {
        Lesson records = Lesson.of("each event is recorded", "ActivityConsumerHandler.java", List.of(), service -> { });
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(records));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> {
            throw new ProbeFailure(EveryRoute.NO_STREAM_READER + ": serverless.yml lost step 6's streamCacher function");
        });

        List<LessonResult> results = check.run(consumer);

        assertThat(results.get(1).lesson().hint()).startsWith("workshop/06-stream-cacher.md, the edit of serverless.yml");
    }

    @Test
    void aFailedReadAnsweredAsNotFoundAfterStep3PointsAtStep3sEditOfAccountCache() throws Exception {
        Lesson user = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), service -> { });
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(user));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> {
            throw new ProbeFailure("with DynamoDB failing, GET /users/nobody-1 answered 404: " + EveryRoute.FAILED_READ_AS_NOT_FOUND);
        });

        List<LessonResult> results = check.run(writeAside);

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/03-read-aside.md, the edit of AccountCache.java: a read"
                + " that failed is not \"not found\"");
    }

    @Test
    void anHttpClientTheServiceNeverUsesInALaterStepsJarPointsAtStep2sEditOfPomXml() throws Exception {
        Lesson user = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), service -> { });
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(user));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new, service -> {
            throw new ProbeFailure("target/accounts-service.jar holds the AWS SDK's Netty HTTP client (9.1 MB unpacked), "
                    + DeployedJar.NEVER_USED + ": its AWS clients are built with the URLConnection client");
        });

        List<LessonResult> results = check.run(writeAside);

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of pom.xml: the exclusions"
                + " of the AWS dependencies");
    }

    @Test
    void aVariableOfTheStartingServerlessYmlPointsAtGuide01sSectionOnItNotAtAnEdit() throws Exception {
        Files.createDirectories(root.resolve("workshop"));
        Files.writeString(root.resolve("workshop/01-lambda-dynamodb.md"), "# Step 1\n\n## The idea\n\n### serverless.yml\n\n```yaml\n"
                + "    TABLE_NAME: !Ref AccountsTable\n```\n\n## The edits\n\nNone.\n");
        guideWithEditsOf("07-stream-consumer.md", "ActivityConsumerHandler.java", "serverless.yml");
        Lesson records = Lesson.of("each event is recorded", "ActivityConsumerHandler.java", List.of(), service -> {
            cloudLog.add("[activityConsumer#1] INIT failed: the handler could not be created: java.lang.IllegalStateException:"
                    + " Environment variable TABLE_NAME is not set: see serverless.yml");
            throw new ProbeFailure("no event was recorded");
        });

        List<LessonResult> results = check(new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(records)), ran());

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/01-lambda-dynamodb.md, its section on serverless.yml:"
                + " the starting file gives the functions TABLE_NAME (provider.environment), which the log line above says is not set");
    }

    /** Step 3's two lessons that a membership read outside the cache fails, and a guide that edits both files. */
    private StepLessons notFoundCachedBesideEveryReadThroughTheCache() throws IOException {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "AccountService.java");
        Lesson notFoundCached = Lesson.of("not found is cached", "AccountCache.java", List.of("AccountCacheTest.notFoundIsCachedToo",
                "NodeTutorialRegressionTest.addedMemberIsHiddenByTheCachedNotFound"), null);
        Lesson throughTheCache = Lesson.of("every read goes through the cache", "AccountService.java",
                List.of("CachedReadsIntegrationTest.aMembershipsSecondReadIsACacheHit"), null);
        return new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(notFoundCached, throughTheCache));
    }

    /** A guide whose "The edits" has one heading per file, as the workshop's guides do. */
    /**
     * {@code path} as the finished step before has it, as the finished step has it, and as the working copy has it
     * (null leaves that one out): the three versions an edit is judged made or not by.
     */
    private void versions(String path, String stepBefore, String before, String step, String after, String yours)
            throws IOException {
        if (before != null) {
            write(root.resolve("solutions/" + stepBefore + "/" + path), before);
        }
        if (after != null) {
            write(root.resolve("solutions/" + step + "/" + path), after);
        }
        if (yours != null) {
            write(root.resolve(path), yours);
        }
    }

    private void guideWithEditsOf(String guide, String... files) throws IOException {
        StringBuilder text = new StringBuilder("# The step\n\n## The edits\n");
        for (int i = 0; i < files.length; i++) {
            text.append("\n### ").append(i + 1).append(". `").append(files[i]).append("`: what it does\n");
        }
        Files.createDirectories(root.resolve("workshop"));
        Files.writeString(root.resolve("workshop").resolve(guide), text);
    }

    /** Step 7's foundingUser left out of ActivityRepository.toItem: the handler's tests miss it, the repository writes it. */
    @Test
    void anAttributeTheTestsMissPointsAtTheOneEditedFileThatWritesItInTheStep() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "ActivityRepository.java", "ActivityConsumer.java");
        String repository = "src/main/java/com/example/accounts/repository/ActivityRepository.java";
        String consumer = "src/main/java/com/example/accounts/ActivityConsumer.java";
        write(root.resolve("solutions/step-7-stream-consumer").resolve(repository),
                "class ActivityRepository { void toItem() { item.put(\"foundingUser\", s(founder)); } }\n");
        write(root.resolve("solutions/step-7-stream-consumer").resolve(consumer), "class ActivityConsumer {}\n");
        write(root.resolve(repository), "class ActivityRepository { void toItem() { /* founder left out */ } }\n");
        write(root.resolve(consumer), "class ActivityConsumer {}\n");
        Lesson enriched = Lesson.testedOnly("each event is recorded with its user and organization", "ActivityConsumer.java",
                "ActivityConsumerHandlerTest.anEventIsRecordedWithTheUserAndTheOrganization");
        StepLessons consumerStep = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(enriched));
        TestCase missing = fail("handlers.ActivityConsumerHandlerTest", "anEventIsRecordedWithTheUserAndTheOrganization",
                "[the enriched record's attributes] Expecting actual: {\"action\"=AttributeValue(S=viewed)... to contain key:"
                        + " \"foundingUser\"");

        assertThat(check(consumerStep, ran(missing)).get(0).lesson().hint()).isEqualTo("workshop/07-stream-consumer.md, the"
                + " edit of ActivityRepository.java: the tests look for the attribute foundingUser, which that edit writes and"
                + " your ActivityRepository.java does not");

        write(root.resolve(repository), "class ActivityRepository { void toItem() { item.put(\"foundingUser\", s(x)); } }\n");
        assertThat(check(consumerStep, ran(missing)).get(0).lesson().hint()).as("written, with a wrong value: the lesson's file")
                .isEqualTo("ActivityConsumer.java");
    }

    @Test
    void aLocalCloudThatCannotStartIsExplainedOnceAndIndented() throws Exception {
        Lesson second = Lesson.of("second", "AccountCache.java", List.of(), service -> { });
        StepLessons probed = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(hit, second));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), log -> {
            throw new java.io.IOException("the local cloud stopped before it was ready:\n  \n  Cannot subscribe to the streams: add StreamSpecification");
        });

        List<LessonResult> results = check.run(probed);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(probed, results, new PrintWriter(printed));

        assertThat(results.get(1).problems()).containsExactly("not tried: the local cloud did not start (see above)");
        assertThat(printed.toString()).containsOnlyOnce("StreamSpecification")
                .contains(String.format("      not tried: the local cloud stopped before it was ready:%n"
                        + "      Cannot subscribe to the streams: add StreamSpecification%n"));
        assertThat(root.resolve("target/workshop-check/local-cloud.log")).as("where the pointer sends the reader")
                .content().contains("Cannot subscribe to the streams: add StreamSpecification");
    }

    @Test
    void eachLessonsNumberIsPrintedAsItStartsSoALongCheckShowsItGoesOn() throws Exception {
        Lesson second = Lesson.of("second", "AccountCache.java", List.of(), service -> probed.add("second"));
        StepLessons twoProbed = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit, notFound, second));
        StringWriter printed = new StringWriter();
        StepCheck check = new StepCheck(root, new PrintWriter(printed, true), () -> ran(pass("AccountCacheTest",
                "aHitDoesNotAskTheDatabase"), pass("AccountCacheTest", "notFoundIsCachedToo")), NoCloud::new);

        check.run(twoProbed);

        assertThat(probed).containsExactly("hit", "second");
        // The lines' own numbers (the second is proved by its tests alone): "1 2" read as lines 1 and 2 (step 7's walk).
        assertThat(printed.toString()).containsPattern("the local cloud is up \\(\\d+ s\\); trying 2 of the 4 checks there: 1 3\\R"
                + "    done \\(\\d+ s\\)\\R");
    }

    @Test
    void aLocalCloudThatExitsDuringTheCheckForAnotherReasonIsSentToItsLogNotToMemory() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean exited = new java.util.concurrent.atomic.AtomicBoolean();
        Lesson only = Lesson.of("only", "AccountService.java", List.of(), service -> {
            exited.set(true);
            throw new ProbeFailure("GET /users/x answered 502");
        });
        StepLessons step = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(only));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), log -> new NoCloud() {
            @Override
            public Optional<String> stopped(java.time.Duration grace) {
                return exited.get() ? Optional.of(LocalCloudProcess.howItEnded(1)) : Optional.empty();
            }
        });

        List<LessonResult> results = check.run(step);

        assertThat(results.get(0).problems()).containsExactly("not tried: the local cloud stopped during the check (exit code 1;"
                + " its last lines are in target/workshop-check/local-cloud.log): nothing here says that your code is wrong");
        assertThat(Checklist.hint(step, results.get(0).lesson())).isEqualTo("the local cloud's end above, not your code: its"
                + " last lines are in target/workshop-check/local-cloud.log; check again");
    }

    @Test
    void aLocalCloudKilledDuringTheCheckIsToldAndNotBlamedOnTheCode() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        Lesson proved = Lesson.testedOnly("a hit does not read DynamoDB", "AccountCache.java", "AccountCacheTest");
        Lesson first = Lesson.of("first", "AccountCache.java", List.of(), service -> { });
        Lesson second = Lesson.of("second", "AccountService.java", List.of(), service -> {
            killed.set(true); // as the machine's memory runs out
            throw new java.io.IOException("HTTP/1.1 header parser received no bytes");
        });
        Lesson third = Lesson.of("third", "AccountService.java", List.of(), service -> {
            throw new ProbeFailure("would blame the code");
        });
        StepLessons step = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(proved, first, second, third));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest",
                "aHitDoesNotAskTheDatabase")), log -> new NoCloud() {
                    @Override
                    public Optional<String> stopped(java.time.Duration grace) {
                        return killed.get() ? Optional.of("killed, exit code 137 (SIGKILL)") : Optional.empty();
                    }
                });

        List<LessonResult> results = check.run(step);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(results.get(1).done()).isTrue();
        assertThat(results.get(2).problems()).containsExactly("not tried: the local cloud stopped during the check (killed,"
                + " exit code 137 (SIGKILL)): nothing here says that your code is wrong");
        assertThat(results.get(3).problems()).containsExactly("not tried: the local cloud stopped (see above)");
        assertThat(printed.toString()).doesNotContain("the edit of AccountService.java").doesNotContain("would blame")
                .contains("-> the local cloud's end above, not your code: close what you do not need (another local cloud,"
                        + " say), then check again")
                .contains("-> as above: the local cloud stopped")
                .contains("3 of 5 checks pass (the local cloud stopped before it tried them all). Step 4 is not done yet.");
    }

    /** A laptop's lid closed during the check: the probe's request gets no answer, and a second try does. */
    @Test
    void aRequestLeftUnansweredOnceIsTriedAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        Lesson probed = Lesson.of("the list names every member", "ListMembersHandler.java", List.of(), service -> {
            if (tries.incrementAndGet() == 1) {
                throw new java.net.http.HttpTimeoutException("request timed out");
            }
        });
        StepLessons step = new StepLessons(5, "fan-out", "05-fan-out.md", List.of(probed));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new);

        List<LessonResult> results = check.run(step);

        assertThat(tries).hasValue(2);
        assertThat(results.get(0).done()).isTrue();
    }

    /**
     * A busy laptop: getMembership's cold start ran out of time reading the key, so its cache calls go without a client
     * for five seconds; before the second try its environment is retired, so that try starts a new one.
     */
    @Test
    void anEnvironmentWhoseClientTimedOutIsRetiredBeforeTheSecondTry() throws Exception {
        List<String> retired = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> log = List.of("[createUser#1] WARN AccountCache - No cache client, writing nothing: java.lang.IllegalStateException:"
                        + " secret not found",
                "[getMembership#1] WARN AccountCache - No cache client, asking DynamoDB: java.lang.IllegalStateException: not tried"
                        + " again within 5 s of the last failure: software.amazon.awssdk.core.exception.ApiCallTimeoutException:"
                        + " Client execution did not complete before the specified timeout configuration: 2000 millis");
        try (StubGateway gateway = new StubGateway((method, path, query) -> {
            if (path.equals("/_local/lambda/retire")) {
                retired.add(query);
            }
            return new StubGateway.Answer(200, "{}");
        })) {
            StepCheck.retireWhereTheClientTimedOut(gateway.service(() -> log), 0);
            assertThat(retired).as("only the environment whose client timed out (not one with another fault)")
                    .containsExactly("function=getMembership");

            retired.clear();
            StepCheck.retireWhereTheClientTimedOut(gateway.service(() -> log), 2);
            assertThat(retired).as("lines logged before the first try").isEmpty();
        }
    }

    @Test
    void aRequestLeftUnansweredTwiceIsNotBlamedOnTheCode() throws Exception {
        Lesson probed = Lesson.of("the list names every member", "ListMembersHandler.java", List.of(), service -> {
            throw new java.net.http.HttpTimeoutException("request timed out");
        });
        StepLessons step = new StepLessons(5, "fan-out", "05-fan-out.md", List.of(probed));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new);

        List<LessonResult> results = check.run(step);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(results.get(0).problems()).containsExactly("local cloud: no answer within 60 s, twice, where a function that"
                + " hangs is stopped by its timeout and answered with a 502: the machine held the local cloud up (asleep, or very"
                + " busy)");
        assertThat(printed.toString()).contains("-> not your code: the local cloud was held up (see above); check again")
                .doesNotContain("the edit of ListMembersHandler.java");
    }

    @Test
    void lessonsTheirTestsProveAreSaidToPassByTheirTestsAloneWhenTheLocalCloudDidNotStart() throws Exception {
        Lesson proved = Lesson.testedOnly("a hit does not read DynamoDB", "AccountCache.java", "AccountCacheTest");
        Lesson probed = Lesson.of("probed", "AccountCache.java", List.of(), service -> { });
        StepLessons step = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(proved, probed));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest",
                "aHitDoesNotAskTheDatabase")), log -> {
            throw new java.io.IOException("the local cloud stopped before it was ready:\n  Cannot subscribe to the streams");
        });

        List<LessonResult> results = check.run(step);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(printed.toString()).contains("2 of 3 checks pass (by their tests alone: the local cloud did not start)."
                + " Step 6 is not done yet.");
    }

    @Test
    void aRouteThatFailsInTheLocalCloudMarksTheRegressionsLineAndSaysWhereToLook() throws Exception {
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest",
                "aHitDoesNotAskTheDatabase"), pass("AccountCacheTest", "notFoundIsCachedToo")), NoCloud::new, service -> {
                    cloudLog.add("[listMembers#1] ERROR ... is not authorized to perform: dynamodb:Query on resource: ...");
                    throw new ProbeFailure("GET /organizations/acme/members answered 500 {\"error\":\"Internal error.\"}");
                });

        List<LessonResult> results = check.run(step);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(done(results)).containsExactly(true, true, false);
        assertThat(results.get(2).problems()).containsExactly(
                "local cloud: GET /organizations/acme/members answered 500 {\"error\":\"Internal error.\"}",
                "its log: [listMembers#1] ... is not authorized to perform: dynamodb:Query on resource: ...");
        assertThat(printed.toString()).contains("-> a route of the service fails in the local cloud").doesNotContain("./mvnw verify");
    }

    /**
     * Step 3 with a NullPointerException on every cache miss (AccountCache.read compares a null answer): every
     * route that reads fails with it, and the regressions line pointed at serverless.yml (an IAM statement, a
     * variable). The JDK's exception, thrown by the service's own code, points at the guide's edit of that file.
     */
    @Test
    void aRouteFailingWithAnExceptionTheServiceThrewPointsAtTheEditOfItsFile() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
        List<String> thrown = List.of("[addMember#1] java.lang.NullPointerException: Cannot invoke \"String.equals(Object)\""
                + " because \"cached\" is null", "[addMember#1] \tat function//com.example.accounts.cache.AccountCache.read("
                + "AccountCache.java:53)", "[addMember#1] \tat function//com.example.accounts.service.AccountService.findUser("
                + "AccountService.java:69)");
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest",
                "aHitDoesNotAskTheDatabase"), pass("AccountCacheTest", "notFoundIsCachedToo")), NoCloud::new, service -> {
                    cloudLog.addAll(thrown);
                    throw new ProbeFailure("POST /organizations/acme/members answered 500 {\"error\":\"Internal error.\"}");
                });

        List<LessonResult> results = check.run(step);

        assertThat(results.get(2).problems()).contains("its log: " + thrown.get(0));
        assertThat(results.get(2).lesson().hint()).isEqualTo("workshop/03-read-aside.md, the edit of AccountCache.java: the"
                + " exception in the log line above was thrown there (AccountCache.java:53)");
    }

    /** An SDK's exception (a table of another name) is thrown by the SDK, whatever called it: serverless.yml stays the likely cause. */
    @Test
    void aRouteFailingWithAnSdksExceptionKeepsTheGeneralPointer() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "Dependencies.java");
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest",
                "aHitDoesNotAskTheDatabase"), pass("AccountCacheTest", "notFoundIsCachedToo")), NoCloud::new, service -> {
                    cloudLog.addAll(List.of("[getUser#1] software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException:"
                            + " Requested resource not found", "[getUser#1] \tat function//software.amazon.awssdk.core.internal"
                            + ".http.CombinedResponseHandler.handleErrorResponse(CombinedResponseHandler.java:125)",
                            "[getUser#1] \tat function//com.example.accounts.repository.AccountRepository.getItem("
                            + "AccountRepository.java:120)"));
                    throw new ProbeFailure("GET /users/alice answered 500 {\"error\":\"Internal error.\"}");
                });

        List<LessonResult> results = check.run(step);

        assertThat(results.get(2).lesson().hint()).startsWith("a route of the service fails in the local cloud");
    }

    @Test
    void theRegressionsLinePointsAtTheServerlessYmlPartThatARouteLacks() throws Exception {
        StepLessons testsOnly = new StepLessons(1, "Lambda and DynamoDB", "01-lambda-dynamodb.md", List.of());
        LocalService.Reply noRoute = new LocalService.Reply(403, com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                "{\"message\":\"Missing Authentication Token\"}");
        List<String> failures = List.of(noRoute.describe("GET /users/owner-abcd"),
                "GET /users/owner-abcd answered 502 {\"message\": \"Internal server error\"}");
        List<String> pointers = new java.util.ArrayList<>();
        for (String failure : failures) {
            cloudLog.clear();
            StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()),
                    () -> ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")), NoCloud::new, service -> {
                if (failure.contains("502")) {
                    cloudLog.add("[getUser#1] INIT failed: the handler could not be created: java.lang.ClassNotFoundException:"
                            + " com.example.accounts.handlers.GetUserHandlr");
                }
                throw new ProbeFailure(failure);
            });
            pointers.add(check.run(testsOnly).get(0).lesson().hint());
        }

        assertThat(pointers).containsExactly(
                "serverless.yml: a function's http event (its method and path, as the guide spells them)",
                "serverless.yml: a function's handler, which must name a class of the service (see the log line above)");
    }

    @Test
    void withEveryTestGreenLinesThatFailInTheCloudPointFirstAtTheEarlierLessonTheRegressionsLineFindsBroken() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java");
        Lesson cloudOnly = Lesson.of("a miss fills the cache", "AccountCache.java", List.of("AccountCacheTest.aMiss"), service -> {
            throw new ProbeFailure("GET /users/alice never asked the cache");
        });
        StepLessons step3 = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(cloudOnly));
        String clients = "workshop/02-momento-client.md, the edit of Clients.java: one client per execution environment";
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("AccountCacheTest", "aMiss")),
                NoCloud::new, service -> {
            throw new ProbeFailure("[getUser#1] built 18 Momento clients in 16 invocations", clients);
        });

        List<LessonResult> results = check.run(step3);

        String earlier = results.get(1).lesson().hint();
        assertThat(earlier).startsWith(clients);
        assertThat(results.get(0).lesson().hint()).isEqualTo("most likely what the last line says, as this step's code runs"
                + " on it: " + earlier + "; if not, workshop/03-read-aside.md, the edit of AccountCache.java");
    }

    @Test
    void aLineWhoseCauseTheLocalCloudFoundInThisStepsServerlessYmlKeepsItsPointer() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "serverless.yml");
        Lesson retried = Lesson.of("bad records are never retried", "ActivityConsumerHandler.java", List.of(), service -> {
            throw new ProbeFailure("local cloud: activityConsumer reported its failed record, but Lambda ignored the report: the"
                    + " event of activityConsumer in serverless.yml needs functionResponseType: ReportBatchItemFailures", "serverless.yml");
        });
        StepLessons step7 = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(retried));
        String clients = "workshop/02-momento-client.md, the edit of Clients.java: one client per execution environment";
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(pass("ActivityConsumerHandlerTest", "a")),
                NoCloud::new, service -> {
            throw new ProbeFailure("[getUser#1] built 18 Momento clients in 16 invocations", clients);
        });

        List<LessonResult> results = check.run(step7);

        assertThat(results.get(1).lesson().hint()).startsWith(clients);
        assertThat(Checklist.hint(step7, results.get(0).lesson())).as("what the local cloud named stands")
                .isEqualTo("workshop/07-stream-consumer.md, the edit of serverless.yml");
    }

    @Test
    void aPomMavenCannotReadPointsEveryLineAtTheGuidesEditOfPomXml() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "Clients.java");
        Lesson client = Lesson.testedOnly("one client per environment", "Clients.java", "ClientsTest");
        StepLessons step2 = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(client));
        TestRun.Result unreadable = new TestRun.Result(TestRun.Outcome.BUILD_FAILED, new TestResults(List.of()),
                List.of("Non-parseable POM /w/pom.xml: end tag name </dependencies> must match start tag name <dependency>"
                        + " from line 115 @ line 121, column 20"));

        List<LessonResult> results = check(step2, unreadable);

        assertThat(results).extracting(result -> Checklist.hint(step2, result.lesson()))
                .containsOnly("workshop/02-momento-client.md, the edit of pom.xml");
    }

    @Test
    void aFullDiskIsNotBlamedOnTheAttendeesCode() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "Clients.java");
        Lesson client = Lesson.testedOnly("one client per environment", "Clients.java", "ClientsTest");
        StepLessons step2 = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(client));
        TestRun.Result full = new TestRun.Result(TestRun.Outcome.BUILD_FAILED, new TestResults(List.of()),
                TestRun.lastErrors(List.of("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-shade-plugin:3.6.1:shade"
                                + " (default) on project accounts-service: Error creating shaded jar: No space left on device -> [Help 1]",
                        "[ERROR] ", "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                        "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
                        "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException")));

        List<LessonResult> results = check(step2, full);

        assertThat(full.errors()).containsExactly("Failed to execute goal org.apache.maven.plugins:maven-shade-plugin:3.6.1:shade"
                + " (default) on project accounts-service: Error creating shaded jar: No space left on device");
        assertThat(results).extracting(result -> Checklist.hint(step2, result.lesson())).containsOnly(StepCheck.diskFullAdvice());
        assertThat(StepCheck.diskFullAdvice()).startsWith("not your code: a disk is full").contains(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void aLocalCloudThatCannotStartOnAFullDiskIsNotBlamedOnTheAttendeesCode() throws Exception {
        Lesson probed = Lesson.of("probed", "AccountCache.java", List.of(), service -> { });
        StepLessons step = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(probed));
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), log -> {
            throw new java.io.IOException("the local cloud stopped before it was ready:\n  The local cloud cannot start: Cannot"
                    + " start the local Momento: No space left on device");
        });

        List<LessonResult> results = check.run(step);

        assertThat(results.get(0).lesson().hint()).isEqualTo(StepCheck.diskFullAdvice());
    }

    @Test
    void aFunctionJvmTheLocalCloudCouldNotStartIsNotBlamedOnTheAttendeesCode() throws Exception {
        StepLessons testsOnly = new StepLessons(1, "Lambda and DynamoDB", "01-lambda-dynamodb.md", List.of());
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()),
                () -> ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")), NoCloud::new, service -> {
            cloudLog.add("[getUser#1] Error: Could not find or load main class com.example.localcloud.lambda.bootstrap.LambdaBootstrap");
            cloudLog.add("[getUser#1] INIT failed: " + StepCheck.JVM_DID_NOT_START + " (\"Error: Could not find or load main"
                    + " class com.example.localcloud.lambda.bootstrap.LambdaBootstrap\"): not the function's code");
            throw new ProbeFailure("GET /users/owner-abcd answered 502 {\"message\": \"Internal server error\"}");
        });

        List<LessonResult> results = check.run(testsOnly);

        assertThat(results.get(0).lesson().hint()).isEqualTo(StepCheck.NOT_YOUR_CODE).doesNotContain("serverless.yml");
        assertThat(results.get(0).problems()).anySatisfy(problem -> assertThat(problem).startsWith("its log: ")
                .contains("could not start the environment's JVM"));
    }

    @Test
    void stepOneHasNoLessonToTryYetItsRegressionsLineStillCallsEveryRouteInTheLocalCloud() throws Exception {
        StepLessons testsOnly = new StepLessons(1, "Lambda and DynamoDB", "01-lambda-dynamodb.md", List.of());
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()),
                () -> ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")), log -> {
            cloudsStarted.incrementAndGet();
            return new NoCloud();
        }, service -> {
            throw new ProbeFailure("GET /users/owner-abcd answered 502 {\"message\": \"Internal server error\"}");
        });

        List<LessonResult> results = check.run(testsOnly);

        assertThat(cloudsStarted).hasValue(1);
        assertThat(done(results)).containsExactly(false);
        assertThat(results.get(0).problems()).containsExactly(
                "local cloud: GET /users/owner-abcd answered 502 {\"message\": \"Internal server error\"}");
    }

    @Test
    void aServerlessYmlTheLocalCloudCannotStartWithPointsThereOnEveryLineNotAtTheStepsJava() throws Exception {
        Lesson second = Lesson.of("second", "AccountService.java", List.of(), service -> { });
        StepLessons probed = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(hit, second));
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        StepCheck check = checkWhoseLocalCloudCannotStart("serverless.yml, line 28: serverless.yml has no key"
                + " 'custom.momentoSecretID'", pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"));

        List<LessonResult> results = check.run(probed);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(probed, results, new PrintWriter(printed));

        assertThat(done(results)).containsExactly(false, false, false);
        assertThat(printed.toString()).containsOnlyOnce("line 28")
                .doesNotContain("the edit of").doesNotContain("./mvnw verify");
        assertThat(results.get(0).lesson().hint()).startsWith("serverless.yml, as the local cloud says above (a typo");
        assertThat(results.subList(1, 3)).allSatisfy(result -> assertThat(result.lesson().hint())
                .isEqualTo("as above: the local cloud did not start"));
    }

    @Test
    void aServerlessYmlTheStepsGuideEditsIsPointedAtThroughThatEdit() throws Exception {
        StepLessons probed = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(hit));
        guideWithEditsOf("06-stream-cacher.md", "serverless.yml", "StreamCacher.java");
        StepCheck check = checkWhoseLocalCloudCannotStart("Cannot subscribe functions.streamCacher to its stream"
                + " (serverless.yml: ...): ... which has none: add StreamSpecification",
                pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"));

        List<LessonResult> results = check.run(probed);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(probed, results, new PrintWriter(printed));

        assertThat(printed.toString()).contains("-> serverless.yml, as the local cloud says above:"
                + " workshop/06-stream-cacher.md, the edit of serverless.yml, or a part an earlier step added");
    }

    /** A function this step adds cannot be "a part an earlier step added". */
    @Test
    void aServerlessYmlRefusedBeforeTheBuildInAFunctionTheStepAddsNamesThisStepsEditAlone() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "serverless.yml", "ActivityRepository.java");
        write(root.resolve("solutions/step-6-stream-cacher/serverless.yml"), "functions:\n  streamCacher:\n    handler: x\n");
        String statement = "    iamRoleStatements:\n      - Effect: Allow\n        Action: dynamodb:PutItem\n";
        Lesson consumes = Lesson.of("each event is recorded", "ActivityConsumer.java", List.of("ActivityConsumerHandlerTest"), null);
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(consumes));

        Files.writeString(root.resolve("serverless.yml"), "functions:\n  activityConsumer:\n    handler: y\n" + statement);
        assertThat(check(consumer, ran()).get(0).lesson().hint())
                .isEqualTo("serverless.yml: workshop/07-stream-consumer.md, the edit of serverless.yml");

        Files.writeString(root.resolve("serverless.yml"), "functions:\n  streamCacher:\n    handler: x\n" + statement);
        assertThat(check(consumer, ran()).get(0).lesson().hint()).as("a function of the step before")
                .isEqualTo("serverless.yml: workshop/07-stream-consumer.md, the edit of serverless.yml, or a part an earlier"
                        + " step added");
    }

    @Test
    void aServerlessYmlThatIsNotYamlIsToldBeforeTheBuildOnEveryLine() throws Exception {
        guideWithEditsOf("03-read-aside.md", "serverless.yml", "AccountCache.java");
        Files.writeString(root.resolve("serverless.yml"), "service: accounts\nprovider:\n  name: aws\n\truntime: java17\n");
        AtomicInteger builds = new AtomicInteger();
        StringWriter said = new StringWriter();
        StepCheck check = new StepCheck(root, new PrintWriter(said), () -> {
            builds.incrementAndGet();
            return ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"), pass("AccountCacheTest", "notFoundIsCachedToo"));
        }, log -> {
            cloudsStarted.incrementAndGet();
            return new NoCloud();
        }, service -> { });

        List<LessonResult> results = check.run(step);
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(builds).hasValue(0);
        assertThat(cloudsStarted).hasValue(0);
        assertThat(said.toString()).contains("serverless.yml cannot be deployed as it is").doesNotContain("Building");
        assertThat(done(results)).containsExactly(false, false, false);
        assertThat(printed.toString()).containsOnlyOnce("line 4, column 1").contains("TAB")
                .containsOnlyOnce("-> serverless.yml: workshop/03-read-aside.md, the edit of serverless.yml");
        assertThat(printed.toString().split(Checklist.SAME_AS_ABOVE, -1))
                .as("the two later lessons say \"as above\" in the words of any shared cause").hasSize(3);
    }

    @Test
    void atStepOneABrokenServerlessYmlPointsAtNoEditForStepOneHasNone() throws Exception {
        guideWithEditsOf("01-lambda-dynamodb.md", "serverless.yml"); // a heading that names the file, as guide 01's tour does
        Files.writeString(root.resolve("serverless.yml"), "service: accounts\nprovider:\n  name: aws\n\truntime: java17\n");
        StepLessons stepOne = new StepLessons(1, "Lambda and DynamoDB", "01-lambda-dynamodb.md", List.of(hit));

        List<LessonResult> results = new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(), NoCloud::new).run(stepOne);

        assertThat(results.get(0).lesson().hint()).isEqualTo("serverless.yml (a typo: git diff serverless.yml shows what changed"
                + " since your last commit)");
    }

    @Test
    void aServerlessYmlThatIsYamlGoesOnToTheBuild() throws Exception {
        Files.writeString(root.resolve("serverless.yml"), "service: accounts\nresources:\n  Resources:\n"
                + "    Arn: !GetAtt AccountsTable.Arn\n    Name: !Sub '${AWS::StackName}-x'\n");

        List<LessonResult> results = check(ran(pass("AccountCacheTest", "aHitDoesNotAskTheDatabase"),
                pass("AccountCacheTest", "notFoundIsCachedToo")));

        assertThat(done(results)).containsExactly(true, true, true);
        assertThat(cloudsStarted).hasValue(1);
    }

    @Test
    void aLessonWhoseTestsFailKeepsItsPointerThoughTheLocalCloudDidNotStart() throws Exception {
        StepCheck check = checkWhoseLocalCloudCannotStart("serverless.yml, line 3: bad indentation",
                fail("AccountCacheTest", "aHitDoesNotAskTheDatabase", "expected 1 but was 2"),
                pass("AccountCacheTest", "notFoundIsCachedToo"));

        List<LessonResult> results = check.run(step);

        assertThat(results.get(0).lesson().hint()).isEqualTo("AccountCache.java");
        assertThat(results.get(2).lesson().hint()).startsWith("serverless.yml, as the local cloud says above");
    }

    @Test
    void testsThatDoNotCompileLeaveTheLocalCloudAloneAndSayWhy() throws Exception {
        List<LessonResult> results = check(new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of("src/test/java/com/example/accounts/cache/AccountCacheTest.java:12: cannot find symbol (symbol: class AccountCache)")));

        assertThat(done(results)).containsExactly(false, false, false);
        assertThat(cloudsStarted).hasValue(0);
        assertThat(results.get(0).problems()).anySatisfy(problem -> assertThat(problem).contains("do not compile yet")
                .contains("AccountCacheTest.java:12"));
        assertThat(results.get(0).problems()).contains("not tried in the local cloud until the tests compile");
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));
        assertThat(printed.toString()).as("right after start, nothing older is broken")
                .contains("-> make the first compile error above go away").doesNotContain("broke something older");
    }

    @Test
    void aCheckThatStartsNoLocalCloudLeavesNoEarlierCloudLogBehind() throws Exception {
        Path earlierLog = Files.createDirectories(root.resolve("target/workshop-check")).resolve("local-cloud.log");
        Files.writeString(earlierLog, "[getUser#1] REPORT ... (an earlier check's)");

        check(new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()), List.of("X.java:1: error")));

        assertThat(cloudsStarted).hasValue(0);
        assertThat(earlierLog).doesNotExist();
    }

    @Test
    void codeThatDoesNotCompileFailsEveryLine() throws Exception {
        List<LessonResult> results = check(new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of("src/main/java/com/example/accounts/cache/AccountCache.java:40: ';' expected")));

        assertThat(done(results)).containsExactly(false, false, false);
        assertThat(results.get(2).problems()).contains("your code does not compile:", "  src/main/java/com/example/accounts/cache/AccountCache.java:40: ';' expected");
        assertThat(results.get(0).problems()).as("the error once, on the last line, not as a test that does not compile")
                .containsExactly("not tried: your code does not compile (its errors are under \"the tests and routes that worked before still work\" below)");
    }

    /** Clients.java broken at step 4 (a block of guide 02 pasted whole, twice): guide 02's edit, not the lesson's file. */
    @Test
    void aCompileErrorInAFileOnlyAnEarlierGuideEditsPointsAtThatGuidesEdit() throws Exception {
        guideWithEditsOf("02-momento-client.md", "serverless.yml", "Clients.java");
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        Lesson writes = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), null);
        StepLessons step4 = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(writes));

        List<LessonResult> results = check(step4, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of("src/main/java/com/example/accounts/Clients.java:51: variable dynamoDb is already defined in class"
                        + " com.example.accounts.Clients")));

        String pointer = "workshop/02-momento-client.md, the edit of Clients.java: the first compile error (under \"the tests"
                + " and routes that worked before still work\") is in that file, which this step's guide does not edit: mend it"
                + " as that guide has it, or move code of this step's that you typed into it where this step's guide puts it";
        assertThat(results).extracting(result -> result.lesson().hint()).containsExactly(pointer, pointer + "; then check again");
    }

    @Test
    void manyCompileErrorsAreCountedAndTheFirstShownWhereTheChecklistShowsThemAll() throws Exception {
        Lesson everyRoute = Lesson.of("a route", "AccountCache.java", List.of(), service -> { });
        StepLessons probed = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(everyRoute));
        List<String> errors = java.util.stream.IntStream.rangeClosed(1, 18)
                .mapToObj(line -> "src/main/java/com/example/accounts/cache/AccountCache.java:" + (69 + line) + ": illegal start of expression")
                .toList();

        List<LessonResult> results = check(probed, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), errors));
        StringWriter printed = new StringWriter();
        Checklist.plain().print(probed, results, new PrintWriter(printed));

        assertThat(results.get(1).problems()).as("the last line: a header that counts them, then the first three, nothing else")
                .containsExactly("your code does not compile (18 errors, the first 3 here, all in target/workshop-check/maven.log):",
                        "  " + errors.get(0), "  " + errors.get(1), "  " + errors.get(2));
        assertThat(printed.toString()).doesNotContain("more");
    }

    @Test
    void codeThatDoesNotCompilePointsEveryLessonAtTheGuidesEditOfTheBrokenFile() throws Exception {
        guideWithEditsOf("05-fan-out.md", "ListMembersHandler.java", "AccountCache.java");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        Lesson fansOut = Lesson.of("the N reads are sent at once", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists, fansOut));

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/cache/AccountCache.java:116: 'void' type not allowed here")));

        assertThat(results.subList(0, 2)).extracting(result -> result.lesson().hint())
                .as("no lesson's code was tried: the file that does not compile is where to look")
                .containsExactly("AccountCache.java", "AccountCache.java");
        assertThat(results.get(2).lesson().hint()).as("the regressions line, under the error").isEqualTo("workshop/05-fan-out.md,"
                + " the edit of AccountCache.java: the first error above is in that file; then check again");
    }

    @Test
    void aMethodMissingFromAClassTheGuideEditsPointsAtThatClassesEdit() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "StreamCacher.java", "StreamCacherHandler.java", "Dependencies.java");
        Lesson cached = Lesson.of("an inserted item is cached", "StreamCacherHandler.java", List.of("StreamCacherHandlerTest"), null);
        StepLessons streamCacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(cached));

        List<LessonResult> results = check(streamCacher, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/handlers/StreamCacherHandler.java:33:"
                        + " cannot find symbol (symbol: method streamCacher(), in Dependencies)")));

        assertThat(results.get(0).lesson().hint()).as("the handler calls what the edit of Dependencies.java adds")
                .isEqualTo("Dependencies.java");
        assertThat(results.get(results.size() - 1).lesson().hint()).as("the regressions line, under the error it lists")
                .isEqualTo("workshop/06-stream-cacher.md, the edit of Dependencies.java: it adds what the first error above looks"
                        + " for (unless the name is misspelt where it is used); then check again");
    }

    @Test
    void aClassOfTheServiceThatIsNotThereYetPointsAtTheEditThatCreatesIt() throws Exception {
        // Step 7's edit 3 typed before edit 2: ActivityConsumer uses ActivityRepository, which edit 2 creates.
        guideWithEditsOf("07-stream-consumer.md", "serverless.yml", "ActivityRepository.java", "ActivityConsumer.java");
        String consumer = "src/main/java/com/example/accounts/service/ActivityConsumer.java";
        write(root.resolve(consumer), "class ActivityConsumer { ActivityRepository activities; }\n");
        Lesson once = Lesson.of("each event recorded once", "ActivityRepository.java", List.of("ActivityRepositoryTest"), null);
        StepLessons consumerStep = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(once));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of(consumer + ":10: cannot find symbol (symbol: class ActivityRepository)"));

        List<LessonResult> results = check(consumerStep, build);

        assertThat(results.get(0).lesson().hint()).isEqualTo("ActivityRepository.java");
        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/07-stream-consumer.md, the edit of ActivityRepository.java:"
                + " it creates the class the first error above looks for; then check again");

        write(root.resolve("src/main/java/com/example/accounts/repository/ActivityRepository.java"), "class ActivityRepository {}\n");
        assertThat(check(consumerStep, build).get(0).lesson().hint()).as("the class is there: an import is missing, where the"
                + " error is").isEqualTo("ActivityConsumer.java");
    }

    @Test
    void aClassAnEarlierStepCreatesThatTheCodeHasNotPointsAtThatStepsEdit() throws Exception {
        // Step 3 done with the keys built in AccountService, no CacheKeys (step 3's tests never name it); step 4's tests do.
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java", "AccountCache.java", "AccountService.java");
        guideWithEditsOf("04-write-aside.md", "AccountService.java", "AccountCache.java");
        write(root.resolve("src/main/java/com/example/accounts/service/AccountService.java"), "class AccountService {}\n");
        Lesson user = Lesson.of("creating a user caches the user", "AccountService.java", List.of("CachedWritesIntegrationTest"), null);
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(user));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of("src/test/java/com/example/accounts/CachedWritesIntegrationTest.java:6: cannot find symbol (symbol: class CacheKeys)"));

        List<LessonResult> results = check(writeAside, build);

        String stepThreesEdit = "workshop/03-read-aside.md, the edit of CacheKeys.java: step 4's tests use that class as that"
                + " guide has it, and your code has no CacheKeys";
        assertThat(results.get(0).lesson().hint()).isEqualTo(stepThreesEdit);
        assertThat(results.get(1).lesson().hint()).isEqualTo(stepThreesEdit + "; then check again");

        write(root.resolve("src/main/java/com/example/accounts/cache/CacheKeys.java"), "final class CacheKeys {}\n");
        assertThat(check(writeAside, build).get(0).lesson().hint()).as("the class is there: not that edit")
                .isEqualTo("AccountService.java");
    }

    @Test
    void aLineThatUsesTheResultOfAMethodStillVoidNamesThatMethod() throws Exception {
        // Step 5's hitOrFill as the guide has it, with step 4's fill kept (the edit's last part not made yet).
        guideWithEditsOf("05-fan-out.md", "AccountCache.java");
        String cache = "src/main/java/com/example/accounts/cache/AccountCache.java";
        write(root.resolve(cache), """
                class AccountCache {
                    void hitOrFill(List<CompletableFuture<Void>> fills) {
                        fills.add(fill(client, key, value));
                    }
                    /** Not this one: void add(...). */
                    private void fill(CacheClient client, String key, String value) {
                    }
                }
                """);
        write(root.resolve("solutions/step-5-fan-out").resolve(cache), """
                class AccountCache {
                    void hitOrFill(List<CompletableFuture<Void>> fills) {
                        fills.add(fill(client, key, value));
                    }
                    private CompletableFuture<Void> fill(CacheClient client, String key, String value) {
                        return null;
                    }
                }
                """);
        Lesson fansOut = Lesson.of("the N reads are sent at once", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(fansOut));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(cache + ":3: 'void' type not allowed here"));

        assertThat(check(fanOut, build).get(1).lesson().hint()).isEqualTo("workshop/05-fan-out.md, the edit of AccountCache.java:"
                + " the first error above is in that file: line 3 uses what fill(...) returns, and your fill returns nothing"
                + " (void): the same edit changes fill to return a value; then check again");

        write(root.resolve("solutions/step-5-fan-out").resolve(cache), "class AccountCache {\n    private void fill() {\n    }\n}\n");
        assertThat(check(fanOut, build).get(1).lesson().hint()).as("the step's own fill is void too: the slip is the line's")
                .isEqualTo("workshop/05-fan-out.md, the edit of AccountCache.java: the first error above is in that file; then"
                        + " check again");
    }

    @Test
    void aClassTheFileUsesWithoutTheImportTheStepsFileHasNamesTheImport() throws Exception {
        // Step 4's fill typed from the guide, its import not yet.
        guideWithEditsOf("04-write-aside.md", "AccountCache.java");
        String cache = "src/main/java/com/example/accounts/cache/AccountCache.java";
        write(root.resolve(cache), "package com.example.accounts.cache;\n\nimport momento.sdk.responses.cache.SetResponse;\n\nclass AccountCache {}\n");
        write(root.resolve("solutions/step-4-write-aside").resolve(cache), "package com.example.accounts.cache;\n\n"
                + "import momento.sdk.responses.cache.SetIfNotExistsResponse;\nimport momento.sdk.responses.cache.SetResponse;\n\nclass AccountCache {}\n");
        Lesson fills = Lesson.of("a read fills only what is not there", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons writeAside = new StepLessons(4, "write-aside", "04-write-aside.md", List.of(fills));

        for (String error : List.of(cache + ":111: cannot find symbol (symbol: class SetIfNotExistsResponse)",
                cache + ":112: package SetIfNotExistsResponse does not exist",
                cache + ":113: cannot find symbol (symbol: variable SetIfNotExistsResponse)")) { // a static call on it
            TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), List.of(error));
            assertThat(check(writeAside, build).get(1).lesson().hint()).as(error).isEqualTo("workshop/04-write-aside.md, the edit of"
                    + " AccountCache.java: the first error above is in that file: its import of"
                    + " momento.sdk.responses.cache.SetIfNotExistsResponse is missing (the guide's code of that edit lists the"
                    + " imports it needs); then check again");
        }

        TestRun.Result unknown = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of(cache + ":111: cannot find symbol (symbol: class SetIfNotExistResponse)"));
        assertThat(check(writeAside, unknown).get(1).lesson().hint()).as("a name the step's file does not import: misspelt")
                .isEqualTo("workshop/04-write-aside.md, the edit of AccountCache.java: the first error above is in that file; then"
                        + " check again");
    }

    @Test
    void aGuidesCodeFencePastedWithTheCodeIsNamed() throws Exception {
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java");
        String keys = "src/main/java/com/example/accounts/cache/CacheKeys.java";
        write(root.resolve(keys), "package com.example.accounts.cache;\n\nclass CacheKeys {\n}\n```\n");
        Lesson keyed = Lesson.of("a miss reads DynamoDB", "CacheKeys.java", List.of("AccountCacheTest"), null);
        StepLessons readAside = new StepLessons(3, "read-aside", "03-read-aside.md", List.of(keyed));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of(keys + ":5: illegal character: '`'"));

        assertThat(check(readAside, build).get(1).lesson().hint()).isEqualTo("workshop/03-read-aside.md, the edit of"
                + " CacheKeys.java: the first error above is in that file: line 5 is a line of the guide's Markdown (```),"
                + " copied with the code: delete it, and any other such line; then check again");

        write(root.resolve(keys), "package com.example.accounts.cache;\n\nclass CacheKeys {\n}\n/* ` */ `x\n");
        assertThat(check(readAside, build).get(1).lesson().hint()).as("a backtick that is not a fence line")
                .isEqualTo("workshop/03-read-aside.md, the edit of CacheKeys.java: the first error above is in that file; then"
                        + " check again");
    }

    @Test
    void aCallWithParametersAClassTheGuideEditsDoesNotHaveYetPointsAtThatClassesEdit() throws Exception {
        guideWithEditsOf("05-fan-out.md", "ApiResponses.java", "ListMembersHandler.java");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/handlers/ListMembersHandler.java:27: method ok"
                        + " in class com.example.accounts.handlers.ApiResponses cannot be applied to given types;")));

        assertThat(results.get(0).lesson().hint()).as("the handler, pasted as the guide has it, calls what ApiResponses' edit adds")
                .isEqualTo("ApiResponses.java");
        assertThat(results.get(1).lesson().hint()).startsWith("workshop/05-fan-out.md, the edit of ApiResponses.java: it adds what"
                + " the first error above looks for");
    }

    /**
     * Step 5 with edit 6 skipped: ListMembersHandler (edit 7) calls ApiResponses.ok(Object), and the attendee's
     * ApiResponses has only step 4's ok(String, Object). javac names that one as required, which the finished
     * ApiResponses declares too, beside the ok(Object) its edit adds: that edit is the one to make.
     */
    @Test
    void aCallOfAnOverloadTheCalleesEditAddsPointsAtTheCalleesEditThoughTheRequiredOneIsTheGuides() throws Exception {
        guideWithEditsOf("05-fan-out.md", "AccountService.java", "ApiResponses.java", "ListMembersHandler.java");
        String responses = "src/main/java/com/example/accounts/handlers/ApiResponses.java";
        String stepFour = "class ApiResponses {\n    static APIGatewayProxyResponseEvent ok(String name, Object value) {\n"
                + "        return null;\n    }\n}\n";
        write(root.resolve("solutions/step-4-write-aside").resolve(responses), stepFour);
        write(root.resolve("solutions/step-5-fan-out").resolve(responses), stepFour.replace("}\n}\n", "}\n\n"
                + "    static APIGatewayProxyResponseEvent ok(Object body) {\n        return null;\n    }\n}\n"));
        write(root.resolve(responses), stepFour);
        write(root.resolve("src/main/java/com/example/accounts/handlers/ListMembersHandler.java"), "class ListMembersHandler {}\n");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), List.of(
                "src/main/java/com/example/accounts/handlers/ListMembersHandler.java:27: method ok in class"
                        + " com.example.accounts.handlers.ApiResponses cannot be applied to given types; (required:"
                        + " java.lang.String, java.lang.Object; found: com.example.accounts.handlers.ListMembersHandler.MemberList)"));

        List<LessonResult> results = check(fanOut, build);

        assertThat(results.get(1).lesson().hint()).startsWith("workshop/05-fan-out.md, the edit of ApiResponses.java: it adds what"
                + " the first error above looks for");
        assertThat(results.get(0).lesson().hint()).isEqualTo("ApiResponses.java");

        write(root.resolve(responses), Files.readString(root.resolve("solutions/step-5-fan-out").resolve(responses)));
        assertThat(check(fanOut, build).get(0).lesson().hint()).as("ApiResponses has both: the call is what to change")
                .isEqualTo("ListMembersHandler.java");
    }

    @Test
    void aCallerTheGuideEditsLaterStillAsTheStepBeforeHadItPointsAtTheCallersEdit() throws Exception {
        // Step 3 by the guide's order: AccountService has its new constructor (edit 3), Dependencies.java (edit 4) is step 2's still.
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java", "AccountCache.java", "AccountService.java", "Dependencies.java");
        String dependencies = "src/main/java/com/example/accounts/Dependencies.java";
        write(root.resolve("solutions/step-2-momento-client").resolve(dependencies), "/** Step 2's. */\nclass Dependencies { int two; }\n");
        write(root.resolve("solutions/step-3-read-aside").resolve(dependencies), "class Dependencies { int three; }\n");
        // Typed by hand at step 2: comments and layout of the attendee's own, and a Windows checkout's line endings.
        write(root.resolve(dependencies), "// mine\r\nclass Dependencies {\r\n    int two;\r\n}\r\n");
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), List.of(dependencies
                + ":21: constructor AccountService in class com.example.accounts.service.AccountService cannot be applied to given types;"));

        List<LessonResult> results = check(readAside, build);

        assertThat(results.get(0).lesson().hint()).as("AccountService's edit is made; the edit that calls it is not").isEqualTo("Dependencies.java");
        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/03-read-aside.md, the edit of Dependencies.java: the first error"
                + " above is in that file; then check again");

        write(root.resolve(dependencies), "class Dependencies { int mine; }\n");
        assertThat(check(readAside, build).get(0).lesson().hint()).as("Dependencies edited: the constructor it calls is to blame")
                .isEqualTo("AccountService.java");
    }

    @Test
    void aCallOfAConstructorThatHasTheGuidesParametersPointsAtTheCallersEdit() throws Exception {
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java", "AccountCache.java", "AccountService.java", "Dependencies.java");
        String dependencies = "src/main/java/com/example/accounts/Dependencies.java";
        write(root.resolve("solutions/step-2-momento-client").resolve(dependencies), "class Dependencies { int two; }\n");
        write(root.resolve("solutions/step-3-read-aside/src/main/java/com/example/accounts/service/AccountService.java"), """
                public class AccountService {
                    public AccountService(AccountRepository repository, AccountCache cache) {
                    }
                }
                """);
        write(root.resolve(dependencies), "class Dependencies { int editedWithASlip; }\n");
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit));
        String error = dependencies + ":21: constructor AccountService in class com.example.accounts.service.AccountService cannot"
                + " be applied to given types; (required: %s; found: AccountRepository)";

        TestRun.Result newConstructor = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of(error.formatted("AccountRepository, AccountCache")));
        assertThat(check(readAside, newConstructor).get(0).lesson().hint())
                .as("AccountService already takes what the guide gives it: the call is what to change").isEqualTo("Dependencies.java");

        TestRun.Result oldConstructor = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of(error.formatted("AccountRepository, String")));
        assertThat(check(readAside, oldConstructor).get(0).lesson().hint())
                .as("AccountService takes other parameters than the guide's: its edit").isEqualTo("AccountService.java");
    }

    @Test
    void aMissingPackageOfTheServicePointsAtTheEditThatCreatesIt() throws Exception {
        // Step 3's new files left out of a commit ("git commit -am"), then cloned: Dependencies.java imports a package not there.
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java", "AccountCache.java", "AccountService.java", "Dependencies.java");
        String cache = "solutions/step-3-read-aside/src/main/java/com/example/accounts/cache/";
        write(root.resolve(cache + "AccountCache.java"), "class AccountCache {}\n");
        write(root.resolve(cache + "CacheKeys.java"), "class CacheKeys {}\n");
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), List.of(
                "src/main/java/com/example/accounts/Dependencies.java:3: package com.example.accounts.cache does not exist"));

        List<LessonResult> results = check(readAside, build);

        assertThat(results.get(0).lesson().hint()).as("the guide's first edit in that package, not the file with the import")
                .isEqualTo("CacheKeys.java");
        assertThat(results.get(1).lesson().hint()).startsWith("workshop/03-read-aside.md, the edit of CacheKeys.java: it creates the"
                + " package the first error above looks for").contains("git add -A takes new files");
    }

    @Test
    void aMissingPackageAnEarlierStepCreatedPointsAtThatStepsEdit() throws Exception {
        // Steps 1-3 on one machine, step 3's new files left out of the commit; step 4 in a clone of it.
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java", "AccountCache.java", "AccountService.java", "Dependencies.java");
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        for (String stage : List.of("step-3-read-aside", "step-4-write-aside")) {
            write(root.resolve("solutions/" + stage + "/src/main/java/com/example/accounts/cache/AccountCache.java"), "class AccountCache {}\n");
            write(root.resolve("solutions/" + stage + "/src/main/java/com/example/accounts/cache/CacheKeys.java"), "class CacheKeys {}\n");
        }
        Lesson writes = Lesson.of("a write updates the cache", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(writes));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()), List.of(
                "src/main/java/com/example/accounts/Dependencies.java:3: package com.example.accounts.cache does not exist"));

        List<LessonResult> results = check(writeAside, build);

        assertThat(results.get(1).lesson().hint()).startsWith("workshop/03-read-aside.md, the edit of CacheKeys.java, which creates"
                + " the package com.example.accounts.cache (made it already?").endsWith("; then check again");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void testsMissingAClassTheGuideCreatesPointEveryLessonAtThatEdit() throws Exception {
        List<LessonResult> results = checkFanOutWhoseTestsDoNotCompile(
                "src/test/java/com/example/accounts/BadInputPropertyTest.java:14: cannot find symbol (symbol: class ListMembersHandler)");

        assertThat(results.subList(0, 2)).extracting(result -> result.lesson().hint())
                .as("the tests wait for the class that edit creates, not for AccountCache")
                .containsExactly("ListMembersHandler.java", "ListMembersHandler.java");
    }

    @Test
    void testsMissingAMethodOfAClassTheGuideEditsPointAtThatClassesEdit() throws Exception {
        List<LessonResult> results = checkFanOutWhoseTestsDoNotCompile("src/test/java/com/example/accounts/cache/AccountCacheTest.java:95:"
                + " cannot find symbol (symbol: method readAll(java.util.List<java.lang.String>), in AccountCache)");

        // Edit 2 of the guide: edit 1 may not be made yet.
        String needed = "workshop/05-fan-out.md, the edit of AccountCache.java (the first edit the tests need: they use its"
                + " readAll, which your AccountCache.java does not have, not typed yet or named otherwise; make any edit the guide"
                + " has before it too)";
        assertThat(results.subList(0, 2)).extracting(result -> result.lesson().hint()).containsExactly(needed, needed);
    }

    @Test
    void whenTheCodeDoesNotCompileTheEditsBeforeTheFirstErrorsThatAreNotMadeYetAreNamedToo() throws Exception {
        // Step 2 done out of order: Clients.java's methods typed, its imports and pom.xml (edit 1) not yet.
        guideWithEditsOf("02-momento-client.md", "pom.xml", "MomentoApiKey.java", "Clients.java");
        String clients = "src/main/java/com/example/accounts/Clients.java";
        for (String stage : List.of("solutions/step-1-lambda-dynamodb/", "solutions/step-2-momento-client/")) {
            boolean two = stage.contains("2");
            write(root.resolve(stage + "pom.xml"), two ? "<project>momento</project>\n" : "<project/>\n");
            write(root.resolve(stage + clients), two ? "import momento.sdk.CacheClient;\nclass Clients { CacheClient c; }\n"
                    : "class Clients {}\n");
        }
        write(root.resolve("solutions/step-2-momento-client/src/main/java/com/example/accounts/MomentoApiKey.java"),
                "final class MomentoApiKey {}\n");
        write(root.resolve("pom.xml"), "<project/>\n");
        write(root.resolve(clients), "class Clients { CacheClient c; }\n");
        Lesson client = Lesson.of("one client per environment", "Clients.java", List.of("ClientsTest"), null);
        StepLessons momentoClient = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(client));

        List<LessonResult> results = check(momentoClient, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(clients + ":1: cannot find symbol (symbol: class CacheClient)")));

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of Clients.java: the first"
                + " error above is in that file: its import of momento.sdk.CacheClient is missing (the guide's code of that edit"
                + " lists the imports it needs); not made yet either, and before it in the guide: pom.xml and"
                + " MomentoApiKey.java; then check again");
    }

    /** MomentoApiKey.java created in the package an IDE had selected: javac says Clients.java cannot find it. */
    @Test
    void aClassTheGuideCreatesFoundInAnotherPackagesFolderIsSaidWhereItIs() throws Exception {
        guideWithEditsOf("02-momento-client.md", "MomentoApiKey.java", "Clients.java");
        String clients = "src/main/java/com/example/accounts/Clients.java";
        write(root.resolve("solutions/step-1-lambda-dynamodb/" + clients), "class Clients {}\n");
        write(root.resolve("solutions/step-2-momento-client/" + clients), "class Clients { String key = MomentoApiKey.read(); }\n");
        write(root.resolve("solutions/step-2-momento-client/src/main/java/com/example/accounts/MomentoApiKey.java"),
                "package com.example.accounts;\nfinal class MomentoApiKey {}\n");
        write(root.resolve(clients), "class Clients { String key = MomentoApiKey.read(); }\n");
        write(root.resolve("src/main/java/com/example/accounts/service/MomentoApiKey.java"),
                "package com.example.accounts.service;\nfinal class MomentoApiKey {}\n");
        Lesson client = Lesson.of("one client per environment", "Clients.java", List.of("ClientsTest"), null);
        StepLessons momentoClient = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(client));

        List<LessonResult> results = check(momentoClient, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(clients + ":1: cannot find symbol (symbol: variable MomentoApiKey)")));

        assertThat(results.get(1).lesson().hint()).contains("MomentoApiKey.java is at"
                + " src/main/java/com/example/accounts/service/MomentoApiKey.java, not where the guide creates it, in"
                + " src/main/java/com/example/accounts/: move it there, its package line naming com.example.accounts; then check"
                + " again").doesNotContain("not made yet");
    }

    /** ActivityRepository.java made in service/: Dependencies.java, whose code is right, has the first error. */
    @Test
    void aClassTheCodeMissesFoundInAnotherPackagesFolderIsSaidWhereItIsOnEveryLine() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "ActivityRepository.java", "Dependencies.java");
        String repository = "src/main/java/com/example/accounts/repository/ActivityRepository.java";
        String dependencies = "src/main/java/com/example/accounts/Dependencies.java";
        write(root.resolve("solutions/step-6-stream-cacher/" + dependencies), "class Dependencies {}\n");
        write(root.resolve("solutions/step-7-stream-consumer/" + dependencies), "class Dependencies { ActivityRepository a; }\n");
        write(root.resolve("solutions/step-7-stream-consumer/" + repository), "package com.example.accounts.repository;\nclass ActivityRepository {}\n");
        write(root.resolve(dependencies), "class Dependencies { ActivityRepository a; }\n");
        write(root.resolve("src/main/java/com/example/accounts/service/ActivityRepository.java"),
                "package com.example.accounts.service;\nclass ActivityRepository {}\n");
        Lesson recorded = Lesson.of("each event is recorded", "ActivityConsumer.java", List.of("ActivityConsumerHandlerTest"), null);
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(recorded));

        List<LessonResult> results = check(consumer, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(dependencies + ":5: cannot find symbol (symbol: class ActivityRepository)")));

        assertThat(results).extracting(result -> result.lesson().hint()).allSatisfy(hint -> assertThat(hint)
                .contains("ActivityRepository.java is at src/main/java/com/example/accounts/service/ActivityRepository.java, not"
                        + " where the guide creates it, in src/main/java/com/example/accounts/repository/")
                .doesNotContain("the edit of Dependencies.java"));
    }

    /** ListMembersHandler.java made in service/: its own first error (ApiHandler, a class of its guide's package) is there. */
    @Test
    void aMisplacedClassWithTheFirstErrorIsSaidWhereItIsOnEveryLine() throws Exception {
        guideWithEditsOf("05-fan-out.md", "ListMembersHandler.java");
        String misplaced = "src/main/java/com/example/accounts/service/ListMembersHandler.java";
        write(root.resolve("solutions/step-4-write-aside/src/main/java/com/example/accounts/A.java"), "class A {}\n");
        write(root.resolve("solutions/step-5-fan-out/src/main/java/com/example/accounts/handlers/ListMembersHandler.java"),
                "package com.example.accounts.handlers;\nclass ListMembersHandler extends ApiHandler {}\n");
        write(root.resolve(misplaced), "package com.example.accounts.service;\nclass ListMembersHandler extends ApiHandler {}\n");
        Lesson listed = Lesson.of("the list names every member", "ListMembersHandler.java", List.of("ListMembersHandlerTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out", "05-fan-out.md", List.of(listed));

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(misplaced + ":2: cannot find symbol (symbol: class ApiHandler)")));

        assertThat(results).extracting(result -> result.lesson().hint()).allSatisfy(hint -> assertThat(hint)
                .contains("ListMembersHandler.java is at " + misplaced + ", not where the guide creates it, in"
                        + " src/main/java/com/example/accounts/handlers/"));
    }

    /** StreamCacherHandler.java made in service/: the step's tests miss it, and "make it next" would have it made twice. */
    @Test
    void aClassTheTestsMissFoundInAnotherPackagesFolderIsSaidWhereItIsOnEveryLine() throws Exception {
        guideWithEditsOf("06-stream-cacher.md", "StreamCacher.java", "StreamCacherHandler.java");
        String handler = "src/main/java/com/example/accounts/handlers/StreamCacherHandler.java";
        write(root.resolve("solutions/step-5-fan-out/src/main/java/com/example/accounts/A.java"), "class A {}\n");
        write(root.resolve("solutions/step-6-stream-cacher/" + handler), "package com.example.accounts.handlers;\nclass StreamCacherHandler {}\n");
        write(root.resolve("src/main/java/com/example/accounts/service/StreamCacherHandler.java"),
                "package com.example.accounts.service;\nclass StreamCacherHandler {}\n");
        String test = "src/test/java/com/example/accounts/handlers/StreamCacherHandlerTest.java";
        for (String copy : List.of("solutions/step-6-stream-cacher/" + test, test)) {
            write(root.resolve(copy), "class StreamCacherHandlerTest { StreamCacherHandler handler; }\n");
        }
        Lesson retried = Lesson.of("a failed cache write is reported", "StreamCacherHandler.java", List.of("StreamCacherHandlerTest"), null);
        StepLessons streamCacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(retried));

        List<LessonResult> results = check(streamCacher, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/test/java/com/example/accounts/handlers/StreamCacherHandlerTest.java:53:"
                        + " cannot find symbol (symbol: class StreamCacherHandler)")));

        String where = "StreamCacherHandler.java is at src/main/java/com/example/accounts/service/StreamCacherHandler.java, not"
                + " where the guide creates it, in src/main/java/com/example/accounts/handlers/: move it there, its package line"
                + " naming com.example.accounts.handlers";
        assertThat(results).extracting(result -> result.lesson().hint()).allSatisfy(hint -> assertThat(hint).contains(where)
                .doesNotContain("make it next").doesNotContain("the first edit the tests need"));
    }

    @Test
    void theEditsBeforeTheOneTheTestsNeedThatAreNotMadeYetComeFirst() throws Exception {
        // Step 5 right after start and edit 3: javac names Member (edit 4); edits 1 and 2 are still step 4's.
        guideWithEditsOf("05-fan-out.md", "serverless.yml", "AccountRepository.java", "AccountCache.java", "Member.java");
        String repository = "src/main/java/com/example/accounts/repository/AccountRepository.java";
        String cache = "src/main/java/com/example/accounts/cache/AccountCache.java";
        for (String stage : List.of("solutions/step-4-write-aside/", "solutions/step-5-fan-out/")) {
            boolean five = stage.contains("5");
            write(root.resolve(stage + "serverless.yml"), five ? "functions: {a: 1, listMembers: 2}\n" : "functions: {a: 1}\n");
            write(root.resolve(stage + repository), five ? "class AccountRepository { Object findMembers; }\n" : "class AccountRepository {}\n");
            write(root.resolve(stage + cache), five ? "class AccountCache { Object readAll; }\n" : "class AccountCache {}\n");
        }
        write(root.resolve("solutions/step-5-fan-out/src/main/java/com/example/accounts/service/Member.java"), "record Member() {}\n");
        write(root.resolve("solutions/step-5-fan-out/src/test/java/com/example/accounts/service/AccountServiceTest.java"),
                "class AccountServiceTest {}\n"); // the step's test, not one of the attendee's own
        write(root.resolve("serverless.yml"), "functions: {a: 1}\n");
        write(root.resolve(repository), "// typed at step 2, in my own words\nclass AccountRepository {\n}\n");
        write(root.resolve(cache), "class AccountCache { Object readAll; }\n");
        Lesson lists = Lesson.of("lists every member", "Member.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of("src/test/java/com/example/accounts/service/AccountServiceTest.java:40: cannot find symbol (symbol: class Member)")));

        // The first of them leads (the last line's headline): an attendee reading only that must not skip them.
        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/05-fan-out.md, the edit of serverless.yml (not made yet;"
                + " then the edit of AccountRepository.java, also still to make; the guide has both before Member.java's,"
                + " the first edit the tests need)");
    }

    @Test
    void whenTheCodeMissesAClassOfALaterEditTheFirstEditNotMadeYetLeads() throws Exception {
        // Step 6 done out of order: Dependencies.java (edit 5) typed first; StreamCacher.java (edit 3) and the edits
        // before it still to make.
        guideWithEditsOf("06-stream-cacher.md", "serverless.yml", "AccountCache.java", "StreamCacher.java", "Dependencies.java");
        String five = "step-5-fan-out";
        String six = "step-6-stream-cacher";
        String dependencies = "src/main/java/com/example/accounts/Dependencies.java";
        versions("serverless.yml", five, "functions: {a: 1}\n", six, "functions: {a: 1, streamCacher: 2}\n", "functions: {a: 1}\n");
        versions("src/main/java/com/example/accounts/cache/AccountCache.java", five, "class AccountCache {}\n", six,
                "class AccountCache { Object replace; }\n", "class AccountCache {}\n");
        versions("src/main/java/com/example/accounts/service/StreamCacher.java", five, null, six, "class StreamCacher {}\n", null);
        versions(dependencies, five, "class Dependencies {}\n", six, "class Dependencies { StreamCacher s; }\n",
                "class Dependencies { StreamCacher s; }\n");
        Lesson cached = Lesson.of("an inserted item is cached", "StreamCacher.java", List.of("StreamCacherTest"), null);
        StepLessons streamCacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(cached));

        List<LessonResult> results = check(streamCacher, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(dependencies + ":1: cannot find symbol (symbol: class StreamCacher)")));

        // The last line's headline is the first line's pointer: the guide's order, as for tests that do not compile.
        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/06-stream-cacher.md, the edit of serverless.yml (not made"
                + " yet; then the edit of AccountCache.java, also still to make; the guide has both before StreamCacher.java's,"
                + " which the compile errors need)");
        assertThat(results.get(1).lesson().hint()).as("the errors' own line still says which edit they need")
                .isEqualTo("workshop/06-stream-cacher.md, the edit of StreamCacher.java: it creates the class the first error"
                        + " above looks for; not made yet either, and before it in the guide: serverless.yml and"
                        + " AccountCache.java; then check again");
    }

    @Test
    void aServerlessYmlEditMadeInPartIsNotTakenForMade() throws Exception {
        // Step 7 out of order: Dependencies.java typed, and of edit 1 only its environment variable, not its function.
        guideWithEditsOf("07-stream-consumer.md", "serverless.yml", "ActivityRepository.java", "Dependencies.java");
        String six = "step-6-stream-cacher";
        String seven = "step-7-stream-consumer";
        String dependencies = "src/main/java/com/example/accounts/Dependencies.java";
        versions("serverless.yml", six, "provider: {environment: {TABLE_NAME: t}}\nfunctions: {getUser: {handler: g}}\n", seven,
                "provider: {environment: {TABLE_NAME: t, ACTIVITY_TABLE_NAME: a}}\n"
                        + "functions: {getUser: {handler: g}, activityConsumer: {handler: c}}\n",
                "provider: {environment: {TABLE_NAME: t, ACTIVITY_TABLE_NAME: a}}\nfunctions: {getUser: {handler: g}}\n");
        versions("src/main/java/com/example/accounts/repository/ActivityRepository.java", six, null, seven,
                "class ActivityRepository {}\n", null);
        versions(dependencies, six, "class Dependencies {}\n", seven, "class Dependencies { ActivityRepository r; }\n",
                "class Dependencies { ActivityRepository r; }\n");
        Lesson recorded = Lesson.of("each event is recorded", "ActivityConsumer.java", List.of("ActivityConsumerTest"), null);
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(recorded));

        List<LessonResult> results = check(consumer, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(dependencies + ":1: cannot find symbol (symbol: class ActivityRepository)")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/07-stream-consumer.md, the edit of serverless.yml (made in"
                + " part: it lacks functions.activityConsumer; the guide has it before ActivityRepository.java's, which the"
                + " compile errors need)");
        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/07-stream-consumer.md, the edit of ActivityRepository.java:"
                + " it creates the class the first error above looks for; not made yet either, and before it in the guide:"
                + " serverless.yml (only in part); then check again");
    }

    @Test
    void aPomXmlEditMadeInPartIsNotTakenForMade() throws Exception {
        // Step 2 out of order: Dependencies.java typed, and of edit 1 the dependencies, not the shade filter.
        guideWithEditsOf("02-momento-client.md", "pom.xml", "Clients.java", "Dependencies.java");
        String one = "step-1-lambda-dynamodb";
        String two = "step-2-momento-client";
        String dependencies = "src/main/java/com/example/accounts/Dependencies.java";
        String pom = "<project><dependencies><dependency><groupId>a</groupId><artifactId>dynamodb</artifactId></dependency>%s"
                + "</dependencies><build><filters><filter><artifact>*:*</artifact></filter>%s</filters></build></project>\n";
        String momento = "<dependency><groupId>software.momento.java</groupId><artifactId>sdk</artifactId></dependency>";
        versions("pom.xml", one, String.format(pom, "", ""), two, String.format(pom, momento,
                "<filter><artifact>io.grpc:grpc-netty-shaded</artifact></filter>"), String.format(pom, momento, ""));
        versions("src/main/java/com/example/accounts/Clients.java", one, "class Clients {}\n", two,
                "class Clients { Object cacheClient; }\n", "class Clients {}\n");
        versions(dependencies, one, "class Dependencies {}\n", two, "class Dependencies { Object c = Clients.cacheClient; }\n",
                "class Dependencies { Object c = Clients.cacheClient; }\n");
        Lesson client = Lesson.of("one client per environment", "Clients.java", List.of("ClientsTest"), null);
        StepLessons momentoClient = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(client));

        List<LessonResult> results = check(momentoClient, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of(dependencies + ":1: cannot find symbol (symbol: variable cacheClient, in Clients)")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of pom.xml (made in part:"
                + " it lacks the shade plugin's <filter> for io.grpc:grpc-netty-shaded; the guide has it before Clients.java's,"
                + " which the compile errors need)");
    }

    @Test
    void aClassEditMadeInPartNamesTheMethodsItLacks() throws Exception {
        // Step 6 with AccountCache.java's replace typed, its replaceWithNotFound and remove not yet, then StreamCacher's tests.
        guideWithEditsOf("06-stream-cacher.md", "serverless.yml", "AccountCache.java", "StreamCacher.java");
        String five = "step-5-fan-out";
        String six = "step-6-stream-cacher";
        String cache = "src/main/java/com/example/accounts/cache/AccountCache.java";
        versions("serverless.yml", five, "functions: {getUser: {handler: g}}\n", six,
                "functions: {getUser: {handler: g}, streamCacher: {handler: s}}\n",
                "functions: {getUser: {handler: g}, streamCacher: {handler: s}}\n");
        String read = "    public String read(String key) { return key; }\n";
        versions(cache, five, "public class AccountCache {\n" + read + "}\n", six, "public class AccountCache {\n" + read
                + "    public void replace(String key) { }\n    public void replaceWithNotFound(String key) { }\n"
                + "    public void remove(String key) { }\n}\n", "public class AccountCache {\n" + read
                + "    public void replace(String key) { }\n}\n");
        versions("src/main/java/com/example/accounts/service/StreamCacher.java", five, null, six, "class StreamCacher {}\n", null);
        write(root.resolve("solutions/" + six + "/src/test/java/com/example/accounts/service/StreamCacherTest.java"),
                "class StreamCacherTest {}\n"); // the step's test, not one of the attendee's own
        Lesson cached = Lesson.of("a change is cached", "StreamCacher.java", List.of("StreamCacherTest"), null);
        StepLessons cacher = new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(cached));

        List<LessonResult> results = check(cacher, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/test/java/com/example/accounts/service/StreamCacherTest.java:9:"
                        + " cannot find symbol (symbol: class StreamCacher)")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/06-stream-cacher.md, the edit of AccountCache.java (made"
                + " in part: it lacks the methods replaceWithNotFound and remove; the guide has it before StreamCacher.java's,"
                + " the first edit the tests need)");
    }

    @Test
    void theCompileErrorsAfterTheFirstNameTheEditsTheyNeedThatAreNotMadeYet() throws Exception {
        // Step 5 with AccountService.java typed before edits 2 and 3: findMembers is missing first, readAll after it.
        guideWithEditsOf("05-fan-out.md", "AccountRepository.java", "AccountCache.java", "AccountService.java");
        String four = "step-4-write-aside";
        String five = "step-5-fan-out";
        String service = "src/main/java/com/example/accounts/service/AccountService.java";
        versions("src/main/java/com/example/accounts/repository/AccountRepository.java", four, "class AccountRepository {}\n",
                five, "class AccountRepository { Object findMembers; }\n", "class AccountRepository {}\n");
        versions("src/main/java/com/example/accounts/cache/AccountCache.java", four, "class AccountCache {}\n", five,
                "class AccountCache { Object readAll; }\n", "class AccountCache {}\n");
        versions(service, four, "class AccountService {}\n", five, "class AccountService { Object listMembers; }\n",
                "class AccountService { Object listMembers; }\n");
        Lesson lists = Lesson.of("lists every member", "AccountService.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE, new TestResults(List.of()),
                List.of(service + ":86: cannot find symbol (symbol: method findMembers(java.lang.String), in AccountRepository)",
                        service + ":112: cannot find symbol (symbol: method readAll(java.util.List<java.lang.String>), in AccountCache)")));

        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/05-fan-out.md, the edit of AccountRepository.java: it adds"
                + " what the first error above looks for (unless the name is misspelt where it is used); the errors after it"
                + " need the edit of AccountCache.java too; then check again");
    }

    @Test
    void testsMissingALibrarysPackagePointAtTheEditOfPomXml() throws Exception {
        // Step 2 right after start: its tests import the Momento SDK and the Secrets Manager client that edit 1 adds.
        guideWithEditsOf("02-momento-client.md", "pom.xml", "serverless.yml", "MomentoApiKey.java", "Clients.java");
        Lesson key = Lesson.of("the API key is read from the secret's JSON", "MomentoApiKey.java", List.of("MomentoApiKeyTest"), null);
        StepLessons momentoClient = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(key));

        List<LessonResult> results = check(momentoClient, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/test/java/com/example/accounts/ClientsTest.java:16: package momento.sdk"
                        + " does not exist")));

        assertThat(results.get(0).lesson().hint()).as("the first edit, said as the guide's edit of that file").isEqualTo("pom.xml");
        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of pom.xml");
    }

    @Test
    void testsCallingAStaticMethodOfAClassTheGuideCreatesPointAtThatEdit() throws Exception {
        // javac cannot tell "MomentoApiKey.read(...)" on a missing class from a missing variable (step 2's first check)
        List<LessonResult> results = checkFanOutWhoseTestsDoNotCompile(
                "src/test/java/com/example/accounts/BadInputPropertyTest.java:15: cannot find symbol (symbol: variable ListMembersHandler)");

        assertThat(results.subList(0, 2)).extracting(result -> result.lesson().hint())
                .containsExactly("ListMembersHandler.java", "ListMembersHandler.java");
        assertThat(results.get(results.size() - 1).lesson().hint()).as("the regressions line names that edit")
                .contains("05-fan-out.md's edit of ListMembersHandler.java adds or changes");
    }

    @Test
    void testsMissingSomethingTheGuideDoesNotEditKeepEachLessonsPointer() throws Exception {
        List<LessonResult> results = checkFanOutWhoseTestsDoNotCompile(
                "src/test/java/com/example/accounts/ApiCall.java:20: cannot find symbol (symbol: class Gson)");

        assertThat(results.subList(0, 2)).extracting(result -> result.lesson().hint())
                .containsExactly("ListMembersHandler.java", "AccountCache.java");
    }

    @Test
    void testsMissingPartsOfSeveralEditsPointAtTheOneTheGuideMakesFirst() throws Exception {
        guideWithEditsOf("05-fan-out.md", "AccountCache.java", "ListMembersHandler.java");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));
        String lastEdit = "src/test/java/com/example/accounts/BadInputPropertyTest.java:14: cannot find symbol (symbol: class ListMembersHandler)";
        String firstEdit = "src/test/java/com/example/accounts/cache/AccountCacheTest.java:95: cannot find symbol"
                + " (symbol: method readAll(java.util.List<java.lang.String>), in AccountCache)";

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of(lastEdit, firstEdit)));

        assertThat(results.get(0).lesson().hint()).as("javac's first error is the guide's last edit: the next edit is the other")
                .isEqualTo("AccountCache.java");
        assertThat(results.get(0).problems()).contains("the tests do not compile yet: " + firstEdit);
        assertThat(results.get(1).problems()).as("the last line lists them as javac did").contains("  " + lastEdit);
    }

    @Test
    void theErrorThePointerIsAboutLeadsTheLastLineWhenJavacListsItAfterTheOnesShown() throws Exception {
        // Step 2 with only pom.xml made: javac lists ClientsTest's errors first; MomentoApiKey's edit comes first in the guide.
        guideWithEditsOf("02-momento-client.md", "MomentoApiKey.java", "Clients.java");
        Lesson key = Lesson.of("the API key is read from the secret's JSON", "MomentoApiKey.java", List.of("MomentoApiKeyTest"), null);
        StepLessons momentoClient = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(key));
        List<String> clients = java.util.stream.IntStream.of(97, 100, 116).mapToObj(line -> "src/test/java/com/example/accounts/ClientsTest.java:"
                + line + ": cannot find symbol (symbol: method cacheClient(java.lang.String), in Clients)").toList();
        String apiKey = "src/test/java/com/example/accounts/MomentoApiKeyTest.java:15: cannot find symbol (symbol: variable MomentoApiKey)";
        List<String> errors = new ArrayList<>(clients);
        errors.add(apiKey);

        List<LessonResult> results = check(momentoClient, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                errors));

        assertThat(results.get(1).lesson().hint()).contains("edit of MomentoApiKey.java");
        assertThat(results.get(1).problems()).as("the error of the edit the pointer names first, then javac's first two")
                .containsExactly("the tests do not compile yet (4 errors, 3 here: first the one the pointer below is about, then javac's"
                        + " first 2; all in target/workshop-check/maven.log):", "  " + apiKey, "  " + clients.get(0), "  " + clients.get(1));
    }

    @Test
    void testsCallingAConstructorWithOtherParametersPointAtTheEditOfItsClass() throws Exception {
        guideWithEditsOf("03-read-aside.md", "AccountCache.java", "AccountService.java");
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit));

        List<LessonResult> results = check(readAside, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/test/java/com/example/accounts/AccountsApiIntegrationTest.java:33:"
                        + " constructor AccountService in class AccountService cannot be applied to given types;")));

        assertThat(results.get(0).lesson().hint()).as("AccountCache may be done: the tests wait for AccountService's new constructor")
                .isEqualTo("workshop/03-read-aside.md, the edit of AccountService.java (the first edit the tests need; make any edit the guide has before it too)");
        assertThat(results.get(1).lesson().hint()).as("the regressions line names that edit, not an edit that broke an older test")
                .isEqualTo("the step's tests use what workshop/03-read-aside.md's edit of AccountService.java adds or changes:"
                        + " make it next, after any edit before it in the guide that you have not made yet (javac lists the"
                        + " errors above in its own order)");
    }

    /** The class is there, a method the tests call is not: typed under another name ("reed"), or left out. */
    @Test
    void testsMissingAMethodOfAClassThatIsThereNameTheMethod() throws Exception {
        guideWithEditsOf("03-read-aside.md", "CacheKeys.java", "AccountCache.java");
        write(root.resolve("src/main/java/com/example/accounts/cache/CacheKeys.java"), "class CacheKeys {}\n");
        String cache = "src/main/java/com/example/accounts/cache/AccountCache.java";
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons readAside = new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hit));
        TestRun.Result build = new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()),
                List.of("src/test/java/com/example/accounts/TestCaches.java:24: cannot find symbol (symbol: method"
                        + " read(java.lang.String,java.lang.Class<java.lang.String>,Optional::empty), in AccountCache)"));

        write(root.resolve(cache), "class AccountCache {\n    public String reed() { return null; }\n}\n");
        assertThat(check(readAside, build).get(0).lesson().hint()).isEqualTo("workshop/03-read-aside.md, the edit of"
                + " AccountCache.java (the first edit the tests need: they use its read, which your AccountCache.java does not"
                + " have, not typed yet or named otherwise; make any edit the guide has before it too)");

        Files.delete(root.resolve(cache));
        assertThat(check(readAside, build).get(0).lesson().hint()).as("no such class yet: the edit is to make")
                .isEqualTo("workshop/03-read-aside.md, the edit of AccountCache.java (the first edit the tests need; make any edit"
                        + " the guide has before it too)");
    }

    @Test
    void testsCallingOneOfSeveralConstructorsPointAtTheEditOfItsClass() throws Exception {
        List<LessonResult> results = checkFanOutWhoseTestsDoNotCompile("src/test/java/com/example/accounts/cache/AccountCacheTest.java:40:"
                + " no suitable constructor found for AccountCache(momento.sdk.CacheClient,java.lang.String)");

        String needed = "workshop/05-fan-out.md, the edit of AccountCache.java (the first edit the tests need; make any edit the guide has before it too)";
        assertThat(results.subList(0, 2)).extracting(result -> result.lesson().hint()).containsExactly(needed, needed);
    }

    @Test
    void theGuidesFirstEditNeedsNoWordAboutEditsBeforeIt() throws Exception {
        List<LessonResult> results = checkFanOutWhoseTestsDoNotCompile(
                "src/test/java/com/example/accounts/BadInputPropertyTest.java:14: cannot find symbol (symbol: class ListMembersHandler)");

        assertThat(results.get(0).lesson().hint()).isEqualTo("ListMembersHandler.java");
    }

    @Test
    void aLessonWhoseFailingTestDefersToAnotherLessonsTestPointsWhereThatOneDoes() throws Exception {
        guideWithEditsOf("07-stream-consumer.md", "ActivityRepository.java", "ActivityConsumerHandler.java");
        Lesson once = Lesson.testedOnly("a second delivery records each event once", "ActivityRepository.java",
                "ActivityConsumerHandlerTest.aSecondDelivery");
        Lesson summary = Lesson.testedOnly("one log line per batch", "ActivityConsumerHandler.java",
                "ActivityConsumerHandlerTest.eachBatchLogsItsSummaryOnce");
        StepLessons consumer = new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(once, summary));

        List<LessonResult> results = check(consumer, ran(fail("ActivityConsumerHandlerTest", "aSecondDelivery", "expected: 3 but was: 0"),
                fail("ActivityConsumerHandlerTest", "eachBatchLogsItsSummaryOnce", "One states them but for 0 duplicates:"
                        + " not refused by ActivityRepository.writeOnce's condition (see aSecondDelivery).")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("ActivityRepository.java");
        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/07-stream-consumer.md, the edit of"
                + " ActivityRepository.java (this line's test fails because aSecondDelivery does)");

        List<LessonResult> alone = check(consumer, ran(pass("ActivityConsumerHandlerTest", "aSecondDelivery"),
                fail("ActivityConsumerHandlerTest", "eachBatchLogsItsSummaryOnce", "... (see aSecondDelivery).")));
        assertThat(alone.get(1).lesson().hint()).as("the test it defers to passes: its own pointer")
                .isEqualTo("ActivityConsumerHandler.java");
    }

    /** Step 2's key lesson (MomentoApiKeyTest) and client lesson (ClientsTest), whose probe saw {@code seen}. */
    private StepLessons stepTwoWhoseClientProbeSaw(String seen) throws IOException {
        guideWithEditsOf("02-momento-client.md", "MomentoApiKey.java", "Clients.java");
        Lesson key = Lesson.testedOnly("the key is read from the secret's JSON", "MomentoApiKey.java", "MomentoApiKeyTest");
        Lesson client = Lesson.of("one client per environment", "Clients.java", List.of("ClientsTest"), service -> {
            throw new ProbeFailure(seen);
        });
        return new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(key, client));
    }

    @Test
    void aLessonWhoseTestsFailWithAnEarlierLessonsErrorPointsWhereThatOneDoes() throws Exception {
        String misspelt = "Secret accounts/MomentoApiKey must be JSON with a non-empty \"MOMENTO_APIKEY\" field";
        StepLessons stepTwo = stepTwoWhoseClientProbeSaw("the client could not be created: [getUser#1] WARN Dependencies -"
                + " Momento client not created during Init, will retry on use: java.lang.IllegalStateException: " + misspelt);

        List<LessonResult> results = check(stepTwo, ran(fail("MomentoApiKeyTest", "readsTheKeyFromTheSecretsJson", misspelt),
                fail("ClientsTest", "theClientIsCreatedOnceThenKept", misspelt), pass("ClientsTest", "aFailedReadIsNotRetriedAtOnce")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("MomentoApiKey.java");
        assertThat(results.get(1).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of MomentoApiKey.java"
                + " (ClientsTest fails with MomentoApiKeyTest's error: the same slip)");
        assertThat(results.get(1).problems()).as("what it saw stays").anySatisfy(problem -> assertThat(problem).contains(misspelt));

        List<LessonResult> otherError = check(stepTwo, ran(fail("MomentoApiKeyTest", "readsTheKeyFromTheSecretsJson", misspelt),
                fail("ClientsTest", "theClientIsCreatedOnceThenKept", "[clients built] expected: 1 but was: 2")));
        assertThat(otherError.get(1).lesson().hint()).as("a failure of its own: its own pointer").isEqualTo("Clients.java");
    }

    @Test
    void aLessonWhoseTestsFailAlikeKeepsItsPointerWhenTheLocalCloudSawSomethingElse() throws Exception {
        String error = "Secret accounts/MomentoApiKey must be JSON with a non-empty \"MOMENTO_API_KEY\" field";
        StepLessons stepTwo = stepTwoWhoseClientProbeSaw("getUser built 3 more Momento clients for 3 more requests: keep the"
                + " one client in a static field");

        List<LessonResult> results = check(stepTwo, ran(fail("MomentoApiKeyTest", "readsTheKeyFromTheSecretsJson", error),
                fail("ClientsTest", "theClientIsCreatedOnceThenKept", error)));

        assertThat(results.get(1).lesson().hint()).isEqualTo("Clients.java");
    }

    @Test
    void aLessonFailedOnlyByTheServicesTestsPointsAtTheCacheWhenTheCachesOwnTestsFail() throws Exception {
        guideWithEditsOf("05-fan-out.md", "AccountService.java", "AccountCache.java");
        Lesson listing = Lesson.testedOnly("lists every member with their names", "ListMembersHandler.java",
                "AccountServiceTest.listMembersGivesEachMembershipItsUsersNames");
        Lesson fanOut = Lesson.testedOnly("the N user reads are sent at once", "AccountCache.java",
                "AccountCacheTest.readAllAnswersHitsFromTheCacheAndOnlyMissesFromTheDatabase");
        StepLessons step5 = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(listing, fanOut));

        List<LessonResult> results = check(step5, ran(
                fail("AccountServiceTest", "listMembersGivesEachMembershipItsUsersNames", "firstName=null"),
                fail("AccountCacheTest", "readAllAnswersHitsFromTheCacheAndOnlyMissesFromTheDatabase", "bob=Optional.empty")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/05-fan-out.md, the edit of AccountCache.java"
                + " (AccountServiceTest runs on your AccountCache, whose own tests fail: fix those first)");

        List<LessonResult> alone = check(step5, ran(
                fail("AccountServiceTest", "listMembersGivesEachMembershipItsUsersNames", "firstName=null"),
                pass("AccountCacheTest", "readAllAnswersHitsFromTheCacheAndOnlyMissesFromTheDatabase")));
        assertThat(alone.get(0).lesson().hint()).as("the cache's tests pass: not the cache").doesNotContain("AccountCache");
    }

    /** Step 5's first two lessons, checked with tests that do not compile for {@code error}. */
    private List<LessonResult> checkFanOutWhoseTestsDoNotCompile(String error) throws Exception {
        guideWithEditsOf("05-fan-out.md", "ListMembersHandler.java", "AccountCache.java");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        Lesson fansOut = Lesson.of("the N reads are sent at once", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists, fansOut));
        return check(fanOut, new TestRun.Result(TestRun.Outcome.TESTS_DO_NOT_COMPILE, new TestResults(List.of()), List.of(error)));
    }

    @Test
    void aLibrarysPackageThatDoesNotExistPointsAtTheGuidesEditOfThePom() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "Clients.java");
        Lesson oneClient = Lesson.of("one Momento client", "Clients.java", List.of(), service -> { });
        StepLessons client = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(oneClient));

        List<LessonResult> results = check(client, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/Clients.java:4: package momento.sdk does not exist")));
        List<LessonResult> typo = check(client, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/Clients.java:4: package com.example.acounts does not exist")));

        assertThat(results.get(0).lesson().hint()).as("the Java is right: the dependency is missing").isEqualTo("pom.xml");
        assertThat(typo.get(0).lesson().hint()).as("a package of the service itself: a typo in the Java").isEqualTo("Clients.java");
    }

    @Test
    void aDependencyAnEarlierGuideAddedThatThePomLostPointsAtThatGuidesEditOfThePom() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "Clients.java");
        guideWithEditsOf("04-write-aside.md", "AccountCache.java", "AccountService.java");
        String dynamoDb = "<dependency><groupId>software.amazon.awssdk</groupId><artifactId>dynamodb</artifactId></dependency>";
        String momento = "<dependency><groupId>software.momento.java</groupId><artifactId>sdk</artifactId></dependency>";
        String managed = "<dependencyManagement><dependencies><dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId>"
                + "</dependency></dependencies></dependencyManagement>";
        pom("solutions/step-1-lambda-dynamodb", managed + "<dependencies>" + dynamoDb + "</dependencies>");
        pom("solutions/step-2-momento-client", managed + "<dependencies>" + dynamoDb + momento + "</dependencies>");
        pom("solutions/step-4-write-aside", managed + "<dependencies>" + dynamoDb + momento + "</dependencies>");
        pom("", "<dependencies>" + dynamoDb + "</dependencies>"); // the working copy: the Momento SDK's block lost
        Lesson caches = Lesson.of("creating a user caches the user", "AccountService.java", List.of(), service -> { });
        StepLessons writeAside = new StepLessons(4, "write-aside caching", "04-write-aside.md", List.of(caches));

        List<LessonResult> results = check(writeAside, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/Clients.java:4: package momento.sdk does not exist")));

        String expected = "workshop/02-momento-client.md, the edit of pom.xml: your pom.xml lacks its dependency"
                + " software.momento.java:sdk (the packages the compile errors miss come from it)";
        assertThat(results.get(0).lesson().hint()).isEqualTo(expected);
        assertThat(results.get(1).lesson().hint()).as("the regressions line, under the errors").isEqualTo(expected + "; then check again");
    }

    @Test
    void aDependencyPastedIntoDependencyManagementIsToldAsAddingNothing() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "Clients.java");
        String dynamoDb = "<dependency><groupId>software.amazon.awssdk</groupId><artifactId>dynamodb</artifactId></dependency>";
        String momento = "<dependency><groupId>software.momento.java</groupId><artifactId>sdk</artifactId></dependency>";
        pom("solutions/step-1-lambda-dynamodb", "<dependencies>" + dynamoDb + "</dependencies>");
        pom("solutions/step-2-momento-client", "<dependencies>" + dynamoDb + momento + "</dependencies>");
        pom("", "<dependencyManagement><dependencies>" + momento + "</dependencies></dependencyManagement><dependencies>"
                + dynamoDb + "</dependencies>"); // the working copy: the block pasted into the managed list
        Lesson oneClient = Lesson.of("one Momento client", "Clients.java", List.of(), service -> { });
        StepLessons client = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(oneClient));

        List<LessonResult> results = check(client, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/Clients.java:4: package momento.sdk does not exist")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("workshop/02-momento-client.md, the edit of pom.xml: your pom.xml"
                + " declares software.momento.java:sdk only inside <dependencyManagement>, which sets versions and adds nothing"
                + " to the build: move its block into <dependencies>");
    }

    /** The Momento SDK with <scope>provided</scope>: it compiles, every test passes, and Init cannot load its classes. */
    @Test
    void aDependencyScopedOutOfTheJarIsTheCauseWhereTheFunctionCannotLoadItsClasses() throws Exception {
        guideWithEditsOf("02-momento-client.md", "pom.xml", "serverless.yml", "Clients.java");
        String dynamoDb = "<dependency><groupId>software.amazon.awssdk</groupId><artifactId>dynamodb</artifactId></dependency>";
        String momento = "<dependency><groupId>software.momento.java</groupId><artifactId>sdk</artifactId>";
        pom("solutions/step-1-lambda-dynamodb", "<dependencies>" + dynamoDb + "</dependencies>");
        pom("solutions/step-2-momento-client", "<dependencies>" + dynamoDb + momento + "</dependency></dependencies>");
        pom("", "<dependencies>" + dynamoDb + momento + "<scope>provided</scope></dependency></dependencies>");
        String initFailed = "[getUser#6] INIT failed: the handler could not be created: java.lang.NoClassDefFoundError:"
                + " momento/sdk/exceptions/ConnectionFailedException";
        Lesson read = Lesson.of("the function reads the secret", "serverless.yml", List.of(), service -> {
            cloudLog.add(initFailed);
            throw new ProbeFailure("getUser never called secretsmanager:GetSecretValue");
        });
        Lesson created = Lesson.of("one Momento client", "Clients.java", List.of(), service -> {
            throw new ProbeFailure("the client could not be created: " + initFailed);
        });
        StepLessons client = new StepLessons(2, "the Momento client", "02-momento-client.md", List.of(read, created));

        List<LessonResult> results = check(client, ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));

        assertThat(results.get(0).problems().get(0)).startsWith("your pom.xml declares software.momento.java:sdk with"
                + " <scope>provided</scope>, which keeps it out of the jar Lambda runs");
        assertThat(results.get(1).problems().get(0)).isEqualTo("pom.xml keeps a dependency out of the jar, as above");
        assertThat(results.subList(0, 2)).allSatisfy(result -> assertThat(result.lesson().hint())
                .isEqualTo("workshop/02-momento-client.md, the edit of pom.xml: a dependency without <scope>"));
    }

    /** A local Momento's stats, as the local cloud's control endpoint gives them: {@code name} asked for, and no cache of that name. */
    private static com.sun.net.httpserver.HttpServer momentoWithNoCacheNamed(String name) throws IOException {
        com.sun.net.httpserver.HttpServer momento = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        momento.createContext("/_local/momento/stats", exchange -> {
            byte[] body = ("{\"caches\":{},\"rpcs\":{},\"cachesNotFound\":[\"" + name + "\"]}").getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        momento.start();
        return momento;
    }

    private void pom(String directory, String content) throws IOException {
        Path dir = Files.createDirectories(root.resolve(directory));
        Files.writeString(dir.resolve("pom.xml"), "<project>" + content + "</project>");
    }

    @Test
    void aProbeThatSeesAnEarlierStepsSlipPointsAtThatGuidesEdit() throws Exception {
        String earlier = "workshop/02-momento-client.md, the edit of Clients.java (step 2's lesson)";
        Lesson hitProbed = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of(), service -> {
            throw new ProbeFailure("a read fetched the key again", earlier);
        });

        List<LessonResult> results = check(new StepLessons(3, "read-aside caching", "03-read-aside.md", List.of(hitProbed)),
                ran(pass("AccountsApiIntegrationTest", "createdUserCanBeRead")));
        StringWriter printed = new StringWriter();
        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(printed.toString()).contains("-> " + earlier);
    }

    @Test
    void codeThatDoesNotCompileInAFileTheGuideDoesNotEditKeepsEachLessonsPointer() throws Exception {
        guideWithEditsOf("05-fan-out.md", "ListMembersHandler.java", "AccountCache.java");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        StepLessons fanOut = new StepLessons(5, "fan-out reads", "05-fan-out.md", List.of(lists));

        List<LessonResult> results = check(fanOut, new TestRun.Result(TestRun.Outcome.CODE_DOES_NOT_COMPILE,
                new TestResults(List.of()), List.of("src/main/java/com/example/accounts/model/User.java:3: ';' expected")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("ListMembersHandler.java");
    }

    @Test
    void aLessonWhoseOwnUnitTestsPassPointsWhereTheOtherFailingLessonDoes() throws Exception {
        StepLessons readAside = notFoundCachedBesideEveryReadThroughTheCache();

        List<LessonResult> results = check(readAside, ran(pass("AccountCacheTest", "notFoundIsCachedToo"),
                fail("NodeTutorialRegressionTest", "addedMemberIsHiddenByTheCachedNotFound", "expected: 404 but was: 200"),
                fail("CachedReadsIntegrationTest", "aMembershipsSecondReadIsACacheHit", "read DynamoDB twice")));

        assertThat(results.get(0).lesson().hint()).as("AccountCacheTest passes: the membership read is what skips the cache")
                .isEqualTo("AccountService.java");
        assertThat(results.get(1).lesson().hint()).isEqualTo("AccountService.java");
    }

    @Test
    void aLessonWhoseOwnUnitTestFailsKeepsItsPointer() throws Exception {
        StepLessons readAside = notFoundCachedBesideEveryReadThroughTheCache();

        List<LessonResult> results = check(readAside, ran(fail("AccountCacheTest", "notFoundIsCachedToo", "nothing cached"),
                fail("NodeTutorialRegressionTest", "addedMemberIsHiddenByTheCachedNotFound", "expected: 404 but was: 200"),
                fail("CachedReadsIntegrationTest", "aMembershipsSecondReadIsACacheHit", "read DynamoDB twice")));

        assertThat(results.get(0).lesson().hint()).isEqualTo("AccountCache.java");
    }

    @Test
    void theChecklistSaysWhereTheGuideTeachesAnUndoneLesson() throws Exception {
        List<LessonResult> results = check(ran(fail("AccountCacheTest", "aHitDoesNotAskTheDatabase", "read twice"),
                pass("AccountCacheTest", "notFoundIsCachedToo")));
        StringWriter printed = new StringWriter();

        Checklist.plain().print(step, results, new PrintWriter(printed));

        assertThat(printed.toString()).contains("  ✘ a hit does not read DynamoDB\n")
                .contains("-> workshop/03-read-aside.md, the edit of AccountCache.java")
                .contains("  ✔ not found is cached\n").contains("2 of 3 checks pass. Step 3 is not done yet.");
    }

    private List<LessonResult> check(TestRun.Result build) throws Exception {
        return check(step, build);
    }

    private List<LessonResult> check(StepLessons lessons, TestRun.Result build) throws Exception {
        StepCheck check = new StepCheck(root, new PrintWriter(new StringWriter()), () -> build, log -> {
            cloudsStarted.incrementAndGet();
            return new NoCloud();
        });
        return check.run(lessons);
    }

    private static List<Boolean> done(List<LessonResult> results) {
        return results.stream().map(LessonResult::done).toList();
    }

    /** A check whose tests ran as given and whose local cloud stops at start-up, saying {@code reason}. */
    private StepCheck checkWhoseLocalCloudCannotStart(String reason, TestCase... cases) {
        return new StepCheck(root, new PrintWriter(new StringWriter()), () -> ran(cases), log -> {
            throw new IOException("the local cloud stopped before it was ready:\n  " + reason);
        }, service -> { });
    }

    private static TestRun.Result ran(TestCase... cases) {
        return new TestRun.Result(TestRun.Outcome.TESTS_RAN, new TestResults(List.of(cases)), List.of());
    }

    private static TestCase pass(String simpleClass, String method) {
        return new TestCase("com.example.accounts." + simpleClass, method, null);
    }

    private static TestCase fail(String simpleClass, String method, String message) {
        return new TestCase("com.example.accounts." + simpleClass, method, message);
    }

    /** A local cloud that is never called: the probes here do not use the service, but may log. */
    private class NoCloud implements StepCheck.RunningCloud {
        NoCloud() {
        }

        NoCloud(Path logFile) {
        }

        @Override
        public URI base() {
            return URI.create("http://127.0.0.1:9/");
        }

        @Override
        public List<String> log() {
            return List.copyOf(cloudLog);
        }

        @Override
        public void close() {
        }
    }
}
