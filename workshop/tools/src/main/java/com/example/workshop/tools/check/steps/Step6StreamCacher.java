package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;
import static com.example.workshop.tools.check.ServerlessYmlSyntax.value;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.LocalService.CacheCounters;
import com.example.workshop.tools.check.LocalService.Reply;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.ServerlessYmlSyntax;
import com.example.workshop.tools.check.StepLessons;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Step 6: a function on the table's DynamoDB stream keeps the cache in step with every change,
 * whoever makes it. The probes change the table behind the service's back, as the guide does.
 */
final class Step6StreamCacher {
    private Step6StreamCacher() {
    }

    /** The stream cacher's own log lines. */
    private static final String CACHER_LINE = "[streamCacher#";

    static StepLessons lessons() {
        return new StepLessons(6, "the stream cacher", "06-stream-cacher.md", List.of(
                Lesson.of("an inserted or modified item is cached as the read path reads it",
                        "StreamCacher.java",
                        List.of("StreamCacherHandlerTest.anInsertedUserIsCachedAsTheReadPathReadsIt",
                                "StreamCacherHandlerTest.aModifiedUserReplacesTheCachedOne",
                                "StreamCacherHandlerTest.insertedAndModifiedOrganizationsAndMembershipsAreCached",
                                "StreamCacherTest.aWrittenUserOrganizationOrMembershipIsRefreshed"),
                        Step6StreamCacher::aChangeBehindTheServicesBackIsServedFromTheCache),
                Lesson.of("a removed item is cached as not found; an unknown or incomplete one is never cached",
                        "StreamCacher.java",
                        List.of("StreamCacherHandlerTest.aRemovedItemOfEachKindIsCachedAsNotFound",
                                "StreamCacherHandlerTest.anItemOfAnUnknownKindIsIgnored",
                                "StreamCacherHandlerTest.anIncompleteItemIsRemovedRatherThanCached",
                                "StreamCacherTest.aRemovedItemIsCachedAsNotFound",
                                "StreamCacherTest.aSlowReaderCannotBringBackARemovedMembership",
                                "StreamCacherTest.anIncompleteItemIsRemovedRatherThanCached",
                                "StreamCacherTest.anItemOfAnotherKindIsIgnored",
                                "StreamCacherTest.anotherItemUnderAUsersOrOrganizationsKeyIsIgnored"),
                        Step6StreamCacher::aDeletedItemIsCachedAsNotFound),
                Lesson.of("a failed cache write is reported, so Lambda retries from that record",
                        "StreamCacherHandler.java",
                        List.of("StreamCacherHandlerTest.aFailingCacheWriteIsReportedWithItsSequenceNumber",
                                "StreamCacherHandlerTest.aBatchStopsAtItsFirstFailedRecord",
                                "StreamCacherHandlerTest.aRemovalTheCacheFailsToApplyIsReported",
                                "StreamCacherTest.aCacheFailureIsThrownSoTheChangeIsRetried",
                                "AccountCacheTest.theStreamCachersWritesThrowWhenTheCacheAnswersAnError"),
                        Step6StreamCacher::aChangeWhoseCacheWriteFailedIsCachedOnceMomentoIsBack)));
    }

    static void aChangeBehindTheServicesBackIsServedFromTheCache(LocalService service) throws Exception {
        aFunctionReadsTheTablesStream(service);
        String user = service.createUser("alice");
        service.get("/users/" + user);
        long setsBefore = service.momentoCalls("Set");
        long fillsBefore = service.momentoCalls("SetIfNotExists");

        service.operatorDynamoDbCall("UpdateItem", Map.of("TableName", service.table(),
                "Key", userKey(user),
                "UpdateExpression", "SET firstName = :name",
                "ExpressionAttributeValues", Map.of(":name", Map.of("S", "Alicia"))));
        Reply renamed = service.awaitReply("/users/" + user, reply -> firstName(reply).equals("Alicia"));
        CacheCounters before = service.cacheCounters();
        long readsBefore = service.dynamoDbReads();
        Reply again = service.get("/users/" + user);

        // Only the stream cacher writes the cache meanwhile (the reads are hits): a fill and no set
        // is a refresh written with setIfNotExists.
        boolean filledInsteadOfSet = service.momentoCalls("SetIfNotExists") > fillsBefore
                && service.momentoCalls("Set") == setsBefore;
        expect(firstName(renamed).equals("Alicia") || !filledInsteadOfSet, "10 s after the table changed, GET /users/" + user
                + " still answers firstName \"" + firstName(renamed) + "\": the stream cacher wrote with setIfNotExists, which"
                + " stores nothing while the old entry is there: a refresh replaces it with a plain set (AccountCache.replace,"
                + " which StreamCacher calls)", "AccountCache.java");
        expect(firstName(renamed).equals("Alicia"), "10 s after the table changed, GET /users/" + user
                + " still answers firstName \"" + firstName(renamed) + "\": the stream cacher did not update the cache");
        expect(firstName(again).equals("Alicia") && service.cacheCounters().minus(before).hits() == 1
                && service.dynamoDbReads() == readsBefore, "the new name was not served from the cache");
        // The stream's entries end as the read path's do: the TTL stays the backstop of a refresh that keeps failing.
        for (Map.Entry<String, Long> item : service.cachedItemsTtlMillis(user).entrySet()) {
            expect(item.getValue() <= 60_000, "the stream cacher cached " + item.getKey() + " for "
                    + Math.round(item.getValue() / 1000.0) + " more seconds: it must set with the read path's TTL"
                    + " (Clients.CACHE_TTL, 60 s), the same AccountCache as every other function (Dependencies.streamCacher)",
                    "Dependencies.java");
        }
        for (JsonNode read : service.iamDecisions("streamCacher", "dynamodb:GetRecords")) {
            String role = read.path("principalArn").asText("").replaceAll(".*:assumed-role/([^/]+)/.*", "$1");
            expect(role.contains("streamCacher"), "streamCacher reads the stream with the service's shared role (" + role
                    + "), which holds every statement of provider.iam: iamRoleStatements: [] in serverless.yml gives it a"
                    + " role of its own (it works without, as the local cloud's note says, but with more than it needs, and"
                    + " this step's lesson is a role that holds only what it needs)");
        }
        List<String> tableActions = ownTableActions(service.serverlessYml());
        if (!tableActions.isEmpty()) {
            throw ProbeFailure.inTheFile("serverless.yml, functions.streamCacher.iamRoleStatements allows "
                    + String.join(", ", tableActions) + ": the stream cacher never reads or writes the table, only its stream,"
                    + " which the plugin grants with the stream event; keep iamRoleStatements: [] (a role that holds only what"
                    + " it needs)", "serverless.yml");
        }
    }

    /** The DynamoDB actions (or wildcards) that the stream cacher's own statements allow; it needs none. */
    static List<String> ownTableActions(List<String> serverlessYml) {
        Node statements = ServerlessYmlSyntax.ownStatements(serverlessYml, "streamCacher");
        List<String> actions = new ArrayList<>();
        if (statements instanceof SequenceNode list) {
            for (Node statement : list.getValue()) {
                Node action = value(statement, "Action");
                List<Node> named = action instanceof SequenceNode many ? many.getValue() : action == null ? List.of() : List.of(action);
                named.stream().filter(node -> node instanceof ScalarNode).map(node -> ((ScalarNode) node).getValue())
                        .filter(name -> name.startsWith("dynamodb:") || name.startsWith("*")).forEach(actions::add);
            }
        }
        return actions;
    }

    static void aDeletedItemIsCachedAsNotFound(LocalService service) throws Exception {
        aFunctionReadsTheTablesStream(service);
        String user = service.createUser("bob");
        service.get("/users/" + user); // cached
        long readsBefore = service.dynamoDbReads();

        service.operatorDynamoDbCall("DeleteItem", Map.of("TableName", service.table(), "Key", userKey(user)));
        Reply gone = service.awaitReply("/users/" + user, reply -> reply.status() == 404);

        expect(gone.status() == 404, "10 s after the user was deleted from the table, " + gone.describe("GET /users/" + user)
                + ": the stream cacher must replace the cached item with \"not found\"");
        expect(service.dynamoDbReads() == readsBefore, "the 404 for GET /users/" + user + " came from DynamoDB, not from"
                + " the cache: the stream cacher deleted the cached entry where it must store \"not found\" in it (the"
                + " guide's replaceWithNotFound); a fill that read the table just before the delete could then bring the item"
                + " back");
    }

    /**
     * Without a function subscribed to the table's stream, every lesson of the step fails in a way
     * that blames the Java (nothing updates the cache): say what is missing instead.
     */
    static void aFunctionReadsTheTablesStream(LocalService service) throws Exception {
        expect(service.aFunctionReadsTheTablesStream(), "no function"
                + " reads the table's stream: serverless.yml needs the streamCacher function (under functions:) with its"
                + " stream event (the table's StreamArn), and that event's settings under its stream:", "serverless.yml");
        // The event pasted into the function above the one the guide adds: that function's handler gets the records.
        List<String> others = service.tablesStreamReaders().stream().map(reader -> reader.split(" ")[0])
                .filter(function -> !function.equals("streamCacher")).toList();
        expect(others.isEmpty() || others.size() < service.tablesStreamReaders().size(), String.join(" and ", others)
                + " reads the table's stream, and no streamCacher does: its handler gets the records and ignores them; the"
                + " stream event belongs under the streamCacher function (handler: com.example.accounts.handlers"
                + ".StreamCacherHandler), which serverless.yml needs under functions:", "serverless.yml");
        // Without the item's new image a record holds only its key: the cacher would have nothing to cache.
        String viewType = service.operatorDynamoDbCall("DescribeTable", Map.of("TableName", service.table())).json()
                .path("Table").path("StreamSpecification").path("StreamViewType").asText("");
        expect(viewType.isEmpty() || viewType.startsWith("NEW_"), "the table's stream is StreamViewType " + viewType
                + ": its records hold no NewImage, so the stream cacher has no item to cache; the guide's edit of"
                + " serverless.yml gives the table's StreamSpecification NEW_AND_OLD_IMAGES", "serverless.yml");
    }

    /** The guide's retry demo: Momento is down while the table changes, then heals; the change reaches the cache. */
    static void aChangeWhoseCacheWriteFailedIsCachedOnceMomentoIsBack(LocalService service) throws Exception {
        aFunctionReadsTheTablesStream(service);
        String user = service.createUser("bob");
        service.get("/users/" + user); // cached
        FailedBatches failures = FailedBatches.watch(service, "streamCacher");
        int cacherLinesBefore = service.logLines(CACHER_LINE).size();

        service.breakMomento();
        try {
            service.operatorDynamoDbCall("UpdateItem", Map.of("TableName", service.table(),
                    "Key", userKey(user),
                    "UpdateExpression", "SET firstName = :name",
                    "ExpressionAttributeValues", Map.of(":name", Map.of("S", "Roberta"))));
            try {
                failures.expectARetry("Momento down", ": the failed cache write must reach the handler (StreamCacher calls"
                        + " AccountCache.replace, which throws, not write, which logs and goes on) and the handler must report"
                        + " its record's sequence number");
            } catch (ProbeFailure notRetried) {
                // AccountCache logged the failure and went on: not the handler's slip, but StreamCacher's (it called
                // write) or, when it calls replace, AccountCache's (replace logs where it must throw).
                List<String> since = service.logLines(CACHER_LINE);
                boolean loggedByTheCache = since.subList(Math.min(cacherLinesBefore, since.size()), since.size()).stream()
                        .anyMatch(line -> line.contains("WARN") && line.contains("AccountCache"));
                // What was seen comes first; the design sentence of the general line would only say what the code does not.
                if (loggedByTheCache && callsReplaceNotWrite(service)) {
                    throw ProbeFailure.tracedInTheCode(failures.neverReported("Momento down") + ": AccountCache logged the"
                            + " failed write and went on, though StreamCacher calls replace: AccountCache.replace must throw the"
                            + " Error response (throw error;), not log it, so that the handler reports its record's sequence"
                            + " number", "AccountCache.java");
                }
                throw loggedByTheCache ? new ProbeFailure(failures.neverReported("Momento down") + ": AccountCache logged the"
                        + " failed write and went on, as write does: StreamCacher must call AccountCache.replace, which throws,"
                        + " so that the handler reports its record's sequence number", "StreamCacher.java") : notRetried;
            }
        } finally {
            service.healMomento();
        }
        Reply healed = service.awaitReply("/users/" + user, reply -> firstName(reply).equals("Roberta"));

        expect(firstName(healed).equals("Roberta"), "10 s after Momento healed, GET /users/" + user + " still answers firstName \""
                + firstName(healed) + "\": the record whose cache write failed was reported (so Lambda delivered it again), but its"
                + " retry did not cache the new name either: how a change is cached (the first line's lesson: the new image,"
                + " for an INSERT and a MODIFY alike) is where to look");
        retriesAReportedRecord(service.serverlessYml());
    }

    private static final java.util.regex.Pattern NO_RETRIES = java.util.regex.Pattern.compile(
            "^\\s*maximumRetryAttempts:\\s*0\\s*(#.*)?$");

    /**
     * The local cloud delivers a reported record again as Lambda does by default (its retry settings are not
     * emulated), so a stream event with maximumRetryAttempts: 0, under which Lambda never does, passes here.
     */
    static void retriesAReportedRecord(List<String> serverlessYml) throws ProbeFailure {
        expect(serverlessYml.stream().noneMatch(line -> NO_RETRIES.matcher(line).matches()), "serverless.yml sets"
                + " maximumRetryAttempts: 0: on AWS Lambda then never delivers a reported record again, and a change whose"
                + " cache write failed stays stale until its TTL ends (here it was retried: the local cloud does not emulate"
                + " that setting); leave it out, as the guide's stream event does", "serverless.yml");
    }

    /** A call of a method named replace, or of write, as the code writes it (comments left out). */
    private static final java.util.regex.Pattern REPLACE_CALL = java.util.regex.Pattern.compile("\\.\\s*replace\\s*\\(");
    private static final java.util.regex.Pattern WRITE_CALL = java.util.regex.Pattern.compile("\\.\\s*write\\s*\\(");

    /**
     * Whether the working copy's StreamCacher calls replace and no write (edit 3 as the guide has it): then a
     * failed write that AccountCache only logged is replace's slip (edit 2), not StreamCacher's. False
     * without the source, and whenever StreamCacher calls write (its .replace may then be a String's).
     */
    static boolean callsReplaceNotWrite(LocalService service) {
        return service.sourceHas("StreamCacher.java", REPLACE_CALL) && !service.sourceHas("StreamCacher.java", WRITE_CALL);
    }

    private static Map<String, Object> userKey(String user) {
        return Map.of("PK", Map.of("S", "USER#" + user), "SK", Map.of("S", "USER#" + user));
    }

    private static String firstName(Reply reply) {
        return reply.json().path("user").path("firstName").asText("");
    }
}
