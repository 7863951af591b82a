package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistTest {
    @Test
    void aConsoleThatCannotShowTheTicksGetsWords() {
        // Windows' console code pages (cp437, windows-1252) have neither ✔ nor ✘, nor has Linux's POSIX locale
        assertThat(Checklist.forCharset(Charset.forName("windows-1252")).mark(true)).isEqualTo("[ok]");
        assertThat(Checklist.forCharset(Charset.forName("IBM437")).mark(false)).isEqualTo("[todo]");
        assertThat(Checklist.forCharset(StandardCharsets.US_ASCII).mark(false)).isEqualTo("[todo]");
        assertThat(Checklist.forCharset(StandardCharsets.UTF_8).mark(true)).isEqualTo("✔");
    }

    @Test
    void aConsoleWithoutTheTicksGetsBracketsEverywhereTheChecklistNamesAMark() {
        Lesson wiring = Lesson.of("the client is created during Init", StepCheck.POINTS_AT_A_NOTE + ": CACHE_NAME", List.of(), null);
        StringWriter printed = new StringWriter();

        Checklist.forCharset(Charset.forName("windows-1252")).print(new StepLessons(2, "the client", "02-momento-client.md",
                List.of(wiring)), List.of(new LessonResult(wiring, List.of("local cloud: no CACHE_NAME"))),
                List.of("functions.getUser.CACHE_NAME: not a key the framework reads"), new PrintWriter(printed));

        assertThat(printed.toString()).contains("  [todo] the client is created during Init", "(a [todo] line above points here;")
                .doesNotContain("✘").doesNotContain("✔");
    }

    @Test
    void theLastLineStartsWithTheLineWhoseEditTheGuideHasFirst(@TempDir Path root) throws Exception {
        // Step 4 with AccountCache.java's write made and its fill not: AccountService.java's lessons come first.
        guide(root, "04-write-aside.md", "# Step 4", "## The idea: AccountService.java", "## The edits",
                "### 1. `AccountCache.java`: a write", "### 2. `AccountService.java`: every write path");
        Lesson creates = Lesson.of("creating a user caches the user", "AccountService.java", List.of("CachedWritesIntegrationTest"), null);
        Lesson fill = Lesson.of("a fill never overwrites a write", "AccountCache.java", List.of("AccountCacheTest"), null);
        StepLessons writeAside = new StepLessons(4, "write-aside", "04-write-aside.md", List.of(creates, fill));
        List<LessonResult> results = List.of(new LessonResult(creates, List.of("createUser must cache")),
                new LessonResult(fill, List.of("AccountCacheTest.aSlowReaderDoesNotOverwriteAConcurrentWrite fails: a fill replaced the write")));
        StringWriter inTheGuidesOrder = new StringWriter();
        StringWriter inTheLessonsOrder = new StringWriter();

        Checklist.plain().inTheGuidesOrder(root).print(writeAside, results, new PrintWriter(inTheGuidesOrder));
        Checklist.plain().print(writeAside, results, new PrintWriter(inTheLessonsOrder));

        assertThat(inTheGuidesOrder.toString().strip().lines().toList()).last().isEqualTo("Start with the ✘ line \"a fill never"
                + " overwrites a write\", whose edit the guide has first: workshop/04-write-aside.md, the edit of AccountCache.java");
        assertThat(inTheLessonsOrder.toString().strip().lines().toList()).last()
                .isEqualTo("Start with the first ✘ line: workshop/04-write-aside.md, the edit of AccountService.java");
    }

    @Test
    void anEarlierEditWhoseOwnTestsPassDoesNotLead(@TempDir Path root) throws Exception {
        // Step 7's handler skipping a failed record: its tests fail under ActivityRepository.java's lesson too.
        guide(root, "07-stream-consumer.md", "### 2. `ActivityRepository.java`: the write", "### 3. `ActivityConsumer.java`: enrich",
                "### 4. `ActivityConsumerHandler.java`: the batch");
        Lesson recorded = Lesson.of("each event is recorded", "ActivityConsumer.java", List.of("ActivityConsumerHandlerTest"), null);
        Lesson once = Lesson.of("a second delivery records each event once", "ActivityRepository.java",
                List.of("ActivityConsumerHandlerTest"), null);
        StringWriter printed = new StringWriter();

        Checklist.plain().inTheGuidesOrder(root).print(new StepLessons(7, "the consumer", "07-stream-consumer.md", List.of(recorded, once)),
                List.of(new LessonResult(recorded, List.of("ActivityConsumerHandlerTest.aLookupFailed fails: not reported")),
                        new LessonResult(once, List.of("ActivityConsumerHandlerTest.onlyAnEventAlreadyRecorded fails: not reported"))),
                new PrintWriter(printed));

        assertThat(printed.toString().strip().lines().toList()).last()
                .isEqualTo("Start with the first ✘ line: workshop/07-stream-consumer.md, the edit of ActivityConsumer.java");
    }

    @Test
    void anEarlierEditsOwnTestFailingUnderALineThatPointsElsewhereLeads(@TempDir Path root) throws Exception {
        // Step 5 with two slips: one page read, and no organization lookup; both under the list's line, which points at
        // the handler (its tests and others fail too).
        guide(root, "05-fan-out.md", "### 2. `AccountRepository.java`: one Query", "### 5. `AccountService.java`: the list",
                "### 7. `ListMembersHandler.java`: the endpoint");
        Lesson lists = Lesson.of("lists every member", "ListMembersHandler.java", List.of("ListMembersIntegrationTest"), null);
        StringWriter printed = new StringWriter();

        Checklist.plain().inTheGuidesOrder(root).print(new StepLessons(5, "fan-out", "05-fan-out.md", List.of(lists)),
                List.of(new LessonResult(lists, List.of("ListMembersIntegrationTest.unknownOrganizationIs404 fails: 200",
                        "AccountServiceTest.listingAnUnknownOrganizationIsNotFound fails: no exception",
                        "AccountRepositoryTest.theMemberListIsReadPageByPage fails: 1 Query"))),
                new PrintWriter(printed));

        assertThat(printed.toString().strip().lines().toList()).last().isEqualTo("Start with workshop/05-fan-out.md, the edit of"
                + " AccountRepository.java: its own test AccountRepositoryTest.theMemberListIsReadPageByPage fails (under the ✘ line"
                + " \"lists every member\"), and the guide has that edit first");
    }

    @Test
    void adviceInWordsOnTheFirstLineStillLeads(@TempDir Path root) throws Exception {
        guide(root, "04-write-aside.md", "### 1. `AccountCache.java`: a write");
        Lesson creates = Lesson.of("creating a user caches the user", StepCheck.HELD_UP_ADVICE, List.of(), null);
        Lesson fill = Lesson.of("a fill never overwrites a write", "AccountCache.java", List.of("AccountCacheTest"), null);
        StringWriter printed = new StringWriter();

        Checklist.plain().inTheGuidesOrder(root).print(new StepLessons(4, "write-aside", "04-write-aside.md", List.of(creates, fill)),
                List.of(new LessonResult(creates, List.of("no answer")), new LessonResult(fill, List.of("a fill replaced the write"))),
                new PrintWriter(printed));

        assertThat(printed.toString().strip().lines().toList()).last()
                .isEqualTo("Start with the first ✘ line: " + StepCheck.HELD_UP_ADVICE);
    }

    /** A reader who skips to the end (a screen reader, a tail of the output) finds there what to do first. */
    @Test
    void theLastLineOfAStepNotDoneSaysWhereToStart() {
        Lesson miss = Lesson.of("a miss fills the cache", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson notFound = Lesson.of("not found is cached", "AccountService.java", List.of("AccountServiceTest"), null);
        StringWriter printed = new StringWriter();

        Checklist.plain().print(new StepLessons(3, "read-aside", "03-read-aside.md", List.of(miss, notFound)),
                List.of(new LessonResult(miss, List.of()), new LessonResult(notFound, List.of("AccountServiceTest fails"))),
                new PrintWriter(printed));

        assertThat(printed.toString().strip().lines().toList()).last()
                .isEqualTo("Start with the first ✘ line: workshop/03-read-aside.md, the edit of AccountService.java");
    }

    @Test
    void theConsolesCharsetIsStdoutsNotTheDefault() {
        String before = System.getProperty("stdout.encoding");
        try {
            System.setProperty("stdout.encoding", "IBM437"); // what JDK 19+ sets on a Windows console, with UTF-8 the default
            assertThat(Checklist.stdoutCharset()).isEqualTo(Charset.forName("IBM437"));
        } finally {
            if (before == null) {
                System.clearProperty("stdout.encoding");
            } else {
                System.setProperty("stdout.encoding", before);
            }
        }
    }

    @Test
    void aLessonThatWouldRepeatTheOneAboveWordForWordSaysAsAbove() {
        Lesson miss = Lesson.of("a miss fills the cache", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson hit = Lesson.of("a hit does not read DynamoDB", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson other = Lesson.of("not found is cached", "AccountService.java", List.of("AccountServiceTest"), null);
        List<String> waiting = List.of("the tests do not compile yet: TestCaches.java:3: cannot find symbol");
        StringWriter printed = new StringWriter();

        Checklist.plain().print(new StepLessons(3, "read-aside", "03-read-aside.md", List.of(miss, hit, other)),
                List.of(new LessonResult(miss, waiting), new LessonResult(hit, waiting), new LessonResult(other, waiting)),
                new PrintWriter(printed));

        String text = printed.toString();
        assertThat(text.split("TestCaches.java:3", -1)).as("the error once for the same edit, again for another:%n%s", text).hasSize(3);
        assertThat(text).contains("  ✘ a hit does not read DynamoDB" + System.lineSeparator() + "      " + Checklist.SAME_AS_ABOVE)
                .contains("-> workshop/03-read-aside.md, the edit of AccountService.java");
    }

    @Test
    void aLessonThatDiffersOnlyInWaitingForTheLocalCloudSaysAsAboveToo() {
        // Step 4 with its tests not compiling: lessons with a local cloud probe wait for it, the others do not.
        Lesson probed = Lesson.of("creating a user caches the user", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson unprobed = Lesson.of("a fill never overwrites a write", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson probedAgain = Lesson.of("a failed write never fails the request", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson cloudOnly = Lesson.of("the secret is read", "AccountCache.java", List.of(), null); // no test: waits, nothing else
        String error = "the tests do not compile yet: AccountCacheTest.java:155: cannot find symbol";
        StringWriter printed = new StringWriter();

        Checklist.plain().print(new StepLessons(4, "write-aside", "04-write-aside.md", List.of(probed, cloudOnly, unprobed, probedAgain)),
                List.of(new LessonResult(probed, List.of(StepCheck.WAITS_FOR_THE_TESTS, error)),
                        new LessonResult(cloudOnly, List.of(StepCheck.WAITS_FOR_THE_TESTS)), new LessonResult(unprobed, List.of(error)),
                        new LessonResult(probedAgain, List.of(StepCheck.WAITS_FOR_THE_TESTS, error))),
                new PrintWriter(printed));

        String text = printed.toString();
        assertThat(text.split("AccountCacheTest.java:155", -1)).as("the error once:%n%s", text).hasSize(2);
        assertThat(text.split(Checklist.SAME_AS_ABOVE, -1)).as("the three later lessons say as above:%n%s", text).hasSize(4);
    }

    @Test
    void aLessonThatWaitsForTheTestsButPointsElsewhereIsPrintedInFull() {
        Lesson probed = Lesson.of("creating a user caches the user", "AccountCache.java", List.of("AccountCacheTest"), null);
        Lesson cloudOnly = Lesson.of("the secret is read", "serverless.yml", List.of(), null);
        StringWriter printed = new StringWriter();

        Checklist.plain().print(new StepLessons(4, "write-aside", "04-write-aside.md", List.of(probed, cloudOnly)),
                List.of(new LessonResult(probed, List.of(StepCheck.WAITS_FOR_THE_TESTS, "the tests do not compile yet: X.java:1: error")),
                        new LessonResult(cloudOnly, List.of(StepCheck.WAITS_FOR_THE_TESTS))),
                new PrintWriter(printed));

        assertThat(printed.toString()).doesNotContain(Checklist.SAME_AS_ABOVE).contains("-> workshop/04-write-aside.md, the edit of serverless.yml");
    }

    /** A guide under {@code root}'s workshop/ with these headings, one per line. */
    private static void guide(Path root, String name, String... headings) throws IOException {
        Files.createDirectories(root.resolve("workshop"));
        Files.writeString(root.resolve("workshop").resolve(name), String.join("\n", headings) + "\n");
    }
}
