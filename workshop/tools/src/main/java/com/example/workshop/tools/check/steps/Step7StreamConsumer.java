package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;
import static com.example.workshop.tools.check.ServerlessYmlSyntax.value;

import com.example.workshop.tools.activity.ActivityEvent;
import com.example.workshop.tools.activity.ActivityEvents;
import com.example.workshop.tools.activity.ActivityStreamWriter;
import com.example.workshop.tools.activity.KinesisTarget;
import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.LocalService.CacheCounters;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StepLessons;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Step 7: a Kinesis consumer enriches activity events through read-aside and records each once. */
final class Step7StreamConsumer {
    /** A batch summary that counts at least one duplicate, in the guide's words or one's own ("2 duplicates", "duplicates: 2"). */
    static final java.util.regex.Pattern SOME_DUPLICATES =
            java.util.regex.Pattern.compile("\\b[1-9]\\d* duplicates?\\b|\\bduplicates?\\s*[:=]\\s*[1-9]");

    /** A cold consumer on a busy laptop: poll, Init, the first lookups and writes. */
    private static final int SECONDS = 20;

    private Step7StreamConsumer() {
    }

    static StepLessons lessons() {
        return new StepLessons(7, "the stream consumer", "07-stream-consumer.md", List.of(
                Lesson.of("each event is recorded with its user and organization, looked up through the cache",
                        "ActivityConsumer.java",
                        List.of("ActivityConsumerHandlerTest.anEventIsRecordedWithTheUserAndTheOrganization",
                                "ActivityConsumerHandlerTest.anOrganizationIsLookedUpByItsSlugAsInTheApi",
                                "ActivityConsumerHandlerTest.theFirstLookupOfEachNameMissesAndTheRestAreCacheHits",
                                // a lookup's failure is the record's, not a user not found
                                "ActivityConsumerHandlerTest.aLookupDynamoDbFailedIsRetriedNotRecordedAsNotFound"),
                        Step7StreamConsumer::eventsOnTheStreamAreRecordedWithTheirNames),
                Lesson.testedOnly("a second delivery records each event once, and only an event recorded already is a duplicate",
                        "ActivityRepository.java",
                        "ActivityConsumerHandlerTest.aSecondDeliveryOfTheSameBatchRecordsEachEventOnce",
                        "ActivityConsumerHandlerTest.aDeliveryWhoseEventAnotherJustRecordedIsADuplicateAndKeepsTheOthersItem",
                        "ActivityConsumerHandlerTest.onlyAnEventAlreadyRecordedIsADuplicateAnyOtherRefusalIsRetried"),
                Lesson.of("bad records are never retried; a DynamoDB failure, or the timeout near, stops the batch at that record",
                        "ActivityConsumerHandler.java",
                        List.of("ActivityConsumerHandlerTest.anUnknownUserOrOrganizationIsRecordedAsNotFoundAndNotRetried",
                                "ActivityConsumerHandlerTest.aRecordWithoutDataIsMalformed",
                                "ActivityConsumerHandlerTest.aMalformedRecordIsSkippedAndTheRestOfTheBatchRecorded",
                                "ActivityConsumerHandlerTest.aDynamoDbFailureStopsTheBatchAtThatRecordAndLambdaRetriesFromIt",
                                "ActivityConsumerHandlerTest.nearTheTimeoutTheBatchStopsSoWhatItDidStaysDoneAndLambdaResumesAtTheNextRecord",
                                "ActivityConsumerHandlerTest.aDeliveryWithLittleTimeLeftStillRecordsOneEventAndAsksTheContext",
                                "ActivityConsumerHandlerTest.handleRequestAsksTheContextBeforeEachRecord",
                                "ActivityRecordPropertyTest"),
                        Step7StreamConsumer::eventsThatFailedAreRecordedOnceDynamoDbIsBack),
                Lesson.testedOnly("a failing cache never fails a record that DynamoDB can answer",
                        "ActivityConsumer.java",
                        "ActivityConsumerHandlerTest.aFailingCacheDoesNotFailTheRecordDynamoDbAnswers",
                        "ActivityConsumerHandlerTest.withoutACacheClientEveryLookupIsADatabaseRead"),
                Lesson.testedOnly("one log line per batch says how many lookups the cache answered",
                        "ActivityConsumerHandler.java",
                        "ActivityConsumerHandlerTest.theLogLineSaysHowManyLookupsTheCacheAnswered",
                        "ActivityConsumerHandlerTest.eachBatchLogsItsSummaryOnce")),
                // Plumbing, not the lesson: the event's JSON parsing and validation, and the enriched record.
                List.of("src/main/java/com/example/accounts/model/ActivityEvent.java",
                        "src/main/java/com/example/accounts/model/EnrichedActivity.java"));
    }

    /** The guide's "try it": events put on the stream end up in the activity table, with the user's name. */
    static void eventsOnTheStreamAreRecordedWithTheirNames(LocalService service) throws Exception {
        theActivityTableIsNamedByItsResource(service);
        String user = service.createUser("ada");
        String organization = service.createOrganization(user);
        String table = service.table("ActivityTable");
        theActivityTableIsKeyedByEventId(service, table);

        CacheCounters before = service.cacheCounters();
        int summariesBefore = service.logLines("activity events (").size();
        int skippedBefore = service.logLines(SKIPPED_AS_MALFORMED).size();
        List<ActivityEvent> events = put(service, user, organization, 3);
        Recorded delivered = awaitRecorded(service, table, events);
        long recorded = delivered.count();
        skippedAsMalformed(service, skippedBefore, recorded, events.size());

        // A report without a sequence number fails the whole batch: its events, all recorded, come again as duplicates.
        List<String> noIdentifier = service.logLines("without an itemIdentifier").stream()
                .filter(line -> line.contains("activityConsumer")).toList();
        if (!noIdentifier.isEmpty()) {
            throw new ProbeFailure("activityConsumer reported a failed record without its sequence number (the local cloud: "
                    + LocalService.brief(noIdentifier.get(0)) + "): Lambda then delivers the whole batch again, and its"
                    + " events, recorded already, come back as duplicates: handleRequest must answer no failure when the"
                    + " batch is done, and the sequence number of the record it stopped at otherwise",
                    "ActivityConsumerHandler.java");
        }
        List<String> summaries = service.logLines("activity events (");
        boolean calledDuplicates = summaries.subList(Math.min(summariesBefore, summaries.size()), summaries.size()).stream()
                .anyMatch(line -> !line.contains("(0 duplicates"));
        expect(recorded == events.size() || !calledDuplicates, "the activity table holds " + recorded + " of " + events.size()
                + " new events, and activityConsumer's summary counted duplicates: an event is a duplicate only when the"
                + " write's condition attribute_not_exists(eventId) fails (ActivityRepository.writeOnce)");
        Optional<String> swapped = delivered.tableSwapped();
        expect(recorded == events.size(), "after " + events.size() + " events were put on the stream (and up to " + SECONDS
                + " s), the activity table holds " + recorded + " of them: " + (swapped.isPresent()
                ? "activityConsumer " + delivered.everyDeliveryFails().orElseThrow() + swapped.get()
                : "activityConsumer must be subscribed to the stream, start (its environment variables), and may read the"
                        + " accounts table on a cache miss and write the activity table (its IAM statements): see serverless.yml"),
                swapped.map(why -> delivered.tableSwappedIn()).orElse(null));
        JsonNode item = service.operatorDynamoDbCall("GetItem", Map.of("TableName", table,
                "Key", Map.of("eventId", Map.of("S", events.get(0).eventId())))).json().path("Item");
        expect(item.path("firstName").path("S").asText("").equals("First"), "the recorded event has no firstName"
                + " \"First\" (the user's): " + item);
        expect(item.path("lastName").path("S").asText("").equals("Last"), "the recorded event's lastName is "
                + item.path("lastName") + ", not the user's \"Last\" (its firstName is right): ActivityRepository.toItem"
                + " writes each of the user's names from its own field: " + item, "ActivityRepository.java");
        // Creating the user and the organization cached both (write-aside): every lookup is a hit.
        expect(service.cacheCounters().minus(before).misses() == 0, "the consumer's lookups missed the cache, although"
                + " creating the user and the organization had just cached them: look them up under the read path's keys"
                + " (CacheKeys)");
        // Once the cache has lost them (their TTL, on AWS) the lookups read the accounts table: a role without GetItem
        // on it, or an AccountRepository on the other table, fails only then.
        service.flushCache();
        List<ActivityEvent> afterAFlush = put(service, user, organization, 1);
        Recorded missed = awaitRecorded(service, table, afterAFlush);
        expect(missed.count() == afterAFlush.size(), "with the cache emptied (as its TTL does on AWS), an event put on the"
                + " stream was not recorded within " + SECONDS + " s: its lookups miss, and read the accounts table"
                + missed.everyDeliveryFails().map(why -> "; activityConsumer fails on every delivery: " + why + missed.tableSwapped()
                .orElse(" (its role needs dynamodb:GetItem on the accounts table: the guide's statements)")).orElse(""),
                missed.everyDeliveryFails().map(why -> missed.tableSwapped().isPresent() ? missed.tableSwappedIn() : "serverless.yml")
                        .orElse(null));
        fillsEndAsTheReadPathsDo(service, user, organization);
        // The events above came after the subscription: where it starts reading shows only in what the local cloud read.
        Optional<String> latest = subscribedFromLatest(service.logLines("activityConsumer <- kinesis stream"));
        expect(latest.isEmpty(), "activityConsumer reads the stream from LATEST (" + latest.orElse("") + "): events put"
                + " before it was deployed, or while it was replaced, would never be recorded; its stream event in"
                + " serverless.yml needs startingPosition: TRIM_HORIZON", "serverless.yml");
        // Works here and on AWS alike, so only said: the role's lesson is what the consumer needs, and no more.
        List<String> beyond = ConsumerGrants.beyondItsNeeds(service.serverlessYml());
        if (!beyond.isEmpty()) {
            throw ProbeFailure.inTheFile("serverless.yml, functions.activityConsumer.iamRoleStatements allows "
                    + String.join("; and ", beyond) + " (a role that holds only what the function needs: the guide's"
                    + " statements)", "serverless.yml");
        }
    }

    /**
     * Before any event is put: an ACTIVITY_TABLE_NAME that is no name of the activity table's own
     * fails here as the slip it is, not later as the IAM refusals or the missing key it causes.
     */
    private static void theActivityTableIsNamedByItsResource(LocalService service) throws Exception {
        Optional<String> problem = activityTableNameProblem(service.serverlessYml());
        expect(problem.isEmpty(), "ACTIVITY_TABLE_NAME in serverless.yml " + problem.orElse("") + "; !Ref ActivityTable gives"
                + " the name the activity table really has", "serverless.yml");
    }

    /** How the guide's handler logs a record it cannot read as an activity event (and skips, as retrying cannot help). */
    static final String SKIPPED_AS_MALFORMED = "is not an activity event, skipped";

    /**
     * The events the probe put are well-formed (JSON, as the guide's), so a consumer that skipped them as
     * malformed reads a record's data wrongly (decoding it again, say: the events library hands it over
     * decoded), whatever serverless.yml says: its own warning tells why.
     */
    static void skippedAsMalformed(LocalService service, int linesBefore, long recorded, int put) throws ProbeFailure {
        List<String> skipped = service.logLines(SKIPPED_AS_MALFORMED);
        List<String> since = skipped.subList(Math.min(linesBefore, skipped.size()), skipped.size());
        expect(recorded == put || since.isEmpty(), "the activity table holds " + recorded + " of the " + put + " events put"
                + " on the stream, and activityConsumer skipped " + since.size() + " record(s) as not an activity event,"
                + " though each was an event as the guide's (JSON): the handler reads a record's data wrongly (the events"
                + " library hands it over as the bytes put, decoded already); its log: "
                + (since.isEmpty() ? "" : LocalService.brief(since.get(0).strip())), "ActivityConsumerHandler.java");
    }

    /**
     * The consumer's fills, after the cache was emptied, state the read path's TTL: the TTL is the bound on
     * staleness (guide 03), and an AccountCache of the consumer's own with a longer one keeps a user for that long.
     */
    static void fillsEndAsTheReadPathsDo(LocalService service, String... names) throws Exception {
        for (String name : names) {
            for (Map.Entry<String, Long> cached : service.cachedItemsTtlMillis(name).entrySet()) {
                expect(cached.getValue() <= Step3ReadAside.CACHE_TTL_MILLIS, "after the flush, the consumer's lookup cached "
                        + cached.getKey() + " for " + Math.round(cached.getValue() / 1000.0) + " more seconds: its fills must"
                        + " state the read path's TTL (Clients.CACHE_TTL, 60 s), with the same AccountCache as every other"
                        + " function (Dependencies.activityConsumer: accountCache())", "Dependencies.java");
            }
        }
    }

    /**
     * Before any event is put: the activity table keyed by eventId alone, as guide 07's resource. With
     * another key, writeOnce's condition (attribute_not_exists(eventId)) meets another event's item
     * (keyed by username: every later event of a user is "a duplicate", and lost), or the PutItem
     * lacks its key; and the probes' own GetItem by eventId is refused, which said nothing of the key.
     */
    static void theActivityTableIsKeyedByEventId(LocalService service, String table) throws Exception {
        JsonNode keySchema = service.operatorDynamoDbCall("DescribeTable", Map.of("TableName", table)).json()
                .path("Table").path("KeySchema");
        List<String> keys = new ArrayList<>();
        keySchema.forEach(key -> keys.add(key.path("AttributeName").asText() + " (" + key.path("KeyType").asText() + ")"));
        expect(keys.equals(List.of("eventId (HASH)")), "the activity table's key is " + String.join(" and ", keys)
                + ", not eventId alone: one item per event, so that writeOnce's condition, attribute_not_exists(eventId),"
                + " refuses only a second delivery of the same event (keyed otherwise, a new event meets another event's"
                + " item and is counted as a duplicate, or its PutItem lacks the key); the ActivityTable's KeySchema and"
                + " AttributeDefinitions in serverless.yml name eventId (HASH) only", "serverless.yml");
    }

    /**
     * What is wrong with an {@code ACTIVITY_TABLE_NAME} in provider.environment or a function's
     * environment, if anything: a plain string (the local cloud names a table as the stack does but
     * without CloudFormation's random suffix, so a name written out works here only), or the same
     * {@code !Ref} as {@code TABLE_NAME} beside it (the accounts table). Nodes only: no constructor
     * for CloudFormation's tags is needed.
     */
    static Optional<String> activityTableNameProblem(List<String> serverlessYml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(String.join("\n", serverlessYml)));
        } catch (RuntimeException notYaml) {
            return Optional.empty(); // the local cloud says what is wrong with it
        }
        List<Node> environments = new ArrayList<>();
        environments.add(value(value(root, "provider"), "environment"));
        if (value(root, "functions") instanceof MappingNode functions) {
            functions.getValue().forEach(function -> environments.add(value(function.getValueNode(), "environment")));
        }
        for (Node environment : environments) {
            if (value(environment, "ACTIVITY_TABLE_NAME") instanceof ScalarNode name) {
                if (name.getTag().equals(Tag.STR) && !name.getValue().contains("${")) {
                    return Optional.of("is a name written out (" + name.getValue() + "): on AWS, CloudFormation names the table"
                            + " with a random suffix (...-ActivityTable-1A2B3C4D5E6F), so the consumer would write to a table"
                            + " that does not exist");
                }
                if (value(environment, "TABLE_NAME") instanceof ScalarNode accounts && accounts.getTag().equals(name.getTag())
                        && accounts.getValue().equals(name.getValue())) {
                    return Optional.of("is " + name.getTag().getValue() + " " + name.getValue() + ", as TABLE_NAME is: the"
                            + " consumer would write its events into the accounts table");
                }
            }
        }
        return Optional.empty();
    }

    /** The local cloud's banner line for the consumer's subscription, when it starts at LATEST. */
    static Optional<String> subscribedFromLatest(List<String> subscriptions) {
        return subscriptions.stream().map(String::strip).filter(line -> line.contains(", LATEST")).findFirst();
    }

    /** The guide's retry demo: DynamoDB refuses writes, then heals; every event is recorded in the end. */
    static void eventsThatFailedAreRecordedOnceDynamoDbIsBack(LocalService service) throws Exception {
        theActivityTableIsNamedByItsResource(service);
        String user = service.createUser("ada");
        String organization = service.createOrganization(user);
        String table = service.table("ActivityTable");
        theActivityTableIsKeyedByEventId(service, table);
        FailedBatches failures = FailedBatches.watch(service, "activityConsumer");
        int consumerLinesBefore = service.logLines(CONSUMER_LINE).size();

        List<ActivityEvent> events;
        service.failDynamoDb("PutItem");
        try {
            events = put(service, user, organization, 2);
            try {
                failures.expectARetry("DynamoDB refusing every PutItem", ": a write that failed must reach the handler, which"
                        + " reports its record (ActivityRepository.writeOnce takes only its condition's refusal for a duplicate;"
                        + " any other DynamoDB error is thrown), and the handler puts that record's sequence number in"
                        + " batchItemFailures");
            } catch (ProbeFailure notRetried) {
                List<String> since = service.logLines(CONSUMER_LINE);
                boolean countedAsDuplicates = since.subList(Math.min(consumerLinesBefore, since.size()), since.size()).stream()
                        .anyMatch(line -> SOME_DUPLICATES.matcher(line).find());
                // New events whose writes failed, summed up as duplicates: writeOnce took the failure for its condition's.
                throw countedAsDuplicates ? new ProbeFailure(notRetried.getMessage() + "; its summary counted the failed writes"
                        + " as duplicates", "ActivityRepository.java") : notRetried;
            }
        } finally {
            service.healDynamoDb();
        }
        Recorded recorded = awaitRecorded(service, table, events);

        expect(recorded.count() == events.size(), "after DynamoDB healed (and up to " + SECONDS + " s), the activity table holds "
                + recorded.count() + " of the " + events.size() + " events that failed: " + recorded.everyDeliveryFails()
                .map(why -> "activityConsumer fails on every delivery" + recorded.tableSwapped().map(swapped -> ": " + why + swapped)
                        .orElse(", see serverless.yml: " + why))
                .orElse("the batch must be delivered again from the failed record"),
                recorded.tableSwapped().map(swapped -> recorded.tableSwappedIn()).orElse(null));
    }

    private static final String CONSUMER_LINE = "[activityConsumer#";

    /**
     * What a refusal of the consumer's role means when the call went to the other table than its
     * repository's (a GetItem on the activity table, a PutItem on the accounts table): Dependencies built
     * that repository with the other variable's name. Empty for any other refusal (a grant missing).
     * It begins with a space: the checklist's "as above" for a refusal said before takes the resource up
     * to the next space.
     */
    static Optional<String> tableSwapped(String refusal) {
        return tableSwapped(refusal, false);
    }

    /**
     * @param activityRepositoryReads ActivityRepository.java calls getItem: a GetItem on the activity table
     *                                is then its own read before it writes, not a repository on the wrong table
     */
    static Optional<String> tableSwapped(String refusal, boolean activityRepositoryReads) {
        if (refusal.matches(".*dynamodb:GetItem on resource: \\S*ActivityTable.*")) {
            return Optional.of(activityRepositoryReads ? READS_BEFORE_IT_WRITES
                    : " (so the consumer's AccountRepository reads the activity table: Dependencies must build it"
                    + " with TABLE_NAME, and the ActivityRepository with ACTIVITY_TABLE_NAME)");
        }
        if (refusal.matches(".*dynamodb:PutItem on resource: \\S*AccountsTable.*")) {
            return Optional.of(" (so the consumer's ActivityRepository writes the accounts table: Dependencies must build it"
                    + " with ACTIVITY_TABLE_NAME, and the AccountRepository with TABLE_NAME)");
        }
        return Optional.empty();
    }

    /** Why a GetItem on the activity table is refused when ActivityRepository reads before it writes. */
    private static final String READS_BEFORE_IT_WRITES = " (ActivityRepository reads the activity table before it writes:"
            + " recording an event once needs no read, and a read, then a plain PutItem, lets two deliveries at once both"
            + " write; the PutItem's own condition, attribute_not_exists(eventId), decides alone)";
    /** A getItem call, as ActivityRepository.java would write one (comments left out). */
    private static final java.util.regex.Pattern GET_ITEM_CALL = java.util.regex.Pattern.compile("\\.\\s*getItem\\s*\\(");

    /**
     * How many events the table holds, the failure the consumer logged that every delivery meets, if
     * any, and whether ActivityRepository.java reads the table (calls getItem).
     */
    private record Recorded(long count, Optional<String> everyDeliveryFails, boolean activityRepositoryReads) {
        /** What that failure means when it is a call on the other table than its repository's (see the method below). */
        Optional<String> tableSwapped() {
            return everyDeliveryFails.flatMap(refusal -> Step7StreamConsumer.tableSwapped(refusal, activityRepositoryReads));
        }

        /** The file to mend for such a failure: the repository that reads, or Dependencies, which built one on the other table. */
        String tableSwappedIn() {
            return tableSwapped().filter(READS_BEFORE_IT_WRITES::equals).map(reads -> "ActivityRepository.java")
                    .orElse("Dependencies.java");
        }
    }

    /** From a line such as "[activityConsumer#1] ... is not authorized to perform: ...", the part from the failure on. */
    private static Optional<String> failureOfEveryDelivery(LocalService service, int linesBefore) {
        List<String> lines = service.logLines(CONSUMER_LINE);
        for (String line : lines.subList(Math.min(linesBefore, lines.size()), lines.size())) {
            for (String failure : List.of("INIT failed", "is not authorized to perform")) {
                if (line.contains(failure)) {
                    String from = line.substring(line.indexOf(failure));
                    int because = from.indexOf(" because "); // an IAM refusal's explanation and the SDK's request details
                    return Optional.of(because > 0 ? from.substring(0, because) : from);
                }
            }
        }
        return Optional.empty();
    }

    private static List<ActivityEvent> put(LocalService service, String user, String organization, int count) throws Exception {
        List<ActivityEvent> events = new ActivityEvents(List.of(user), List.of(organization), System.nanoTime(),
                Clock.systemUTC()).next(count);
        KinesisTarget stream = streamToPutOn(service);
        try (KinesisClient kinesis = stream.client()) {
            new ActivityStreamWriter(kinesis, stream.streamName()).put(events);
        }
        return events;
    }

    /** The local cloud's Kinesis stream, when activityConsumer reads it; else why no event put there can be recorded. */
    static KinesisTarget streamToPutOn(LocalService service) throws Exception {
        KinesisTarget stream;
        try {
            stream = KinesisTarget.find(service.base(), null, null);
        } catch (IllegalArgumentException noStream) { // the producer's words are for AWS ("name the deployed stream")
            throw new ProbeFailure("the local cloud has no Kinesis stream to put the events on: serverless.yml's resources"
                    + " declare none (the guide's ActivityStream, Type: AWS::Kinesis::Stream)", "serverless.yml");
        }
        // Without it, every probe of the step would wait its 20 s for a consumer that never runs, and blame its code.
        expect(service.streamSubscriptions().stream().anyMatch(line -> line.startsWith("activityConsumer <- kinesis stream")),
                "activityConsumer reads no Kinesis stream, so no event put on " + stream.streamName() + " reaches it:"
                        + " serverless.yml needs the activityConsumer function (under functions:) with its stream event"
                        + " (type: kinesis, the ActivityStream's Arn)", "serverless.yml");
        return stream;
    }

    /**
     * How many of {@code events} the activity table holds, waiting up to {@link #SECONDS} for all, or
     * until the consumer logs a failure that every redelivery meets again (it cannot start, or its
     * role refuses a call): a red check of step 7 waited the whole 20 s twice for those.
     */
    private static Recorded awaitRecorded(LocalService service, String table, List<ActivityEvent> events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int linesBefore = service.logLines(CONSUMER_LINE).size();
        while (true) {
            long recorded = 0;
            for (ActivityEvent event : events) {
                JsonNode item = service.operatorDynamoDbCall("GetItem", Map.of("TableName", table,
                        "Key", Map.of("eventId", Map.of("S", event.eventId())))).json().path("Item");
                recorded += item.isMissingNode() ? 0 : 1;
            }
            Optional<String> failing = failureOfEveryDelivery(service, linesBefore);
            if (recorded == events.size() || System.nanoTime() > deadline || failing.isPresent()) {
                return new Recorded(recorded, failing, service.sourceHas("ActivityRepository.java", GET_ITEM_CALL));
            }
            Thread.sleep(200);
        }
    }
}
