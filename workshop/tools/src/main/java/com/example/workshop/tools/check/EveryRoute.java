package com.example.workshop.tools.check;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.LocalService.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The regressions line's look at the running service: every route of the API still answers, and
 * answers what it should. An edit of serverless.yml for a later step can drop what an earlier one
 * needed (an IAM statement, an environment variable), and no test of the step sees that. A route's
 * path mistyped in serverless.yml is seen here only: the tests call the handlers, not the gateway,
 * and API Gateway answers a path it has no route for with 403, which passed while only a server
 * error counted.
 */
final class EveryRoute {
    /** The step whose guide adds the member list's route; before it, API Gateway has no such route. */
    static final int MEMBER_LIST_FROM_STEP = 5;
    /** From this step on, the functions read the Momento key in every step before: step 2's own lines check it there. */
    static final int SECRET_READ_BEFORE_FROM_STEP = 3;
    /** The step that reads the Momento key: from it on, no function may log it. */
    static final int KEY_FROM_STEP = 2;
    /** What the local cloud logs after a function's line in which it masked the Momento API key. */
    static final String KEY_MASKED = "The local cloud masked the Momento API key";
    /** The step whose guide teaches read-aside: later steps must still tell a failed read from "not found". */
    static final int READ_ASIDE_STEP = 3;
    /** What the regressions line says when a read that DynamoDB failed answered "not found". */
    static final String FAILED_READ_AS_NOT_FOUND = "a read that failed is not \"not found\"";
    /** The step whose guide adds the function that reads the table's stream: later steps must keep it. */
    static final int STREAM_CACHER_STEP = 6;
    /** What the regressions line says when no function reads the table's stream after that step. */
    static final String NO_STREAM_READER = "no function reads the table's stream any more";
    /** How the local cloud describes a stream subscription whose function may report its failed records. */
    static final String REPORTS_FAILED_RECORDS = "ReportBatchItemFailures";
    /** What the Momento SDK logs each time a cache client is built. */
    static final String CLIENT_CREATED = "Creating Momento Cache Client";

    private EveryRoute() {
    }

    /** The probe for this step's regressions line. */
    static Probe of(int step) {
        return service -> {
            // "The routes that worked before": the member list from the step after the one that adds it,
            // whose own lessons try it (before, a step-5 slip there failed this line too, for a route new in it).
            answers(service, step > MEMBER_LIST_FROM_STEP);
            if (step >= KEY_FROM_STEP) {
                theKeyIsNeverLogged(service);
            }
            if (step > READ_ASIDE_STEP) {
                aFailedReadIsNotNotFound(service);
                ClosedClient.neverClosed(service);
            }
            if (step >= SECRET_READ_BEFORE_FROM_STEP) {
                theKeyIsStillRead(service);
                oneMomentoClientPerEnvironment(service);
                ClientsMadeDuringInit.inEveryFunction(service);
                DeployedJar.leavesOutWhatLambdaNeverLoads(service);
            }
            if (step > STREAM_CACHER_STEP) {
                theTablesStreamIsStillRead(service);
            }
        };
    }

    /**
     * Step 3's lesson, which a later edit of AccountCache can undo and no test of a later step
     * tries: a read that failed is not "not found". A read-aside that caught the database's error
     * as "not found" passed every test of step 4. A user never written: no write-aside or stream
     * can have cached her, so her read goes to DynamoDB.
     */
    static void aFailedReadIsNotNotFound(LocalService service) throws Exception {
        String nobody = LocalService.unique("nobody");
        Reply failed = service.getWhileDynamoDbFails("GetItem", "/users/" + nobody);
        expect(failed.status() == 500, "with DynamoDB failing, " + failed.describe("GET /users/" + nobody) + ": "
                + FAILED_READ_AS_NOT_FOUND + " (step 3's lesson); let DynamoDB's error through (the handler answers 500) and"
                + " cache nothing");
        service.logSoFarWasExpected(); // the errors this fault made are no cause to quote under a later finding
    }

    /**
     * Step 6's streamCacher, which a later edit of serverless.yml can drop (its stream event, or
     * the whole function): every route still answers, write-aside keeps the cache fresh for the
     * service's own writes, and only a change made behind its back stays stale.
     */
    static void theTablesStreamIsStillRead(LocalService service) throws Exception {
        java.util.List<String> readers = service.tablesStreamReaders();
        expect(!readers.isEmpty(), NO_STREAM_READER
                + ": serverless.yml lost step 6's streamCacher function or its stream event, so a change made behind the"
                + " service's back stays stale in the cache until its TTL ends");
        // Step 6's retry lesson rests on this one line of serverless.yml, which no later step's test reads.
        expect(readers.stream().anyMatch(reader -> reader.contains(REPORTS_FAILED_RECORDS)), "the stream event of "
                + readers.get(0).substring(0, readers.get(0).indexOf(' ')) + " lost functionResponseType:"
                + " ReportBatchItemFailures (step 6's lesson): Lambda then ignores the failed record it reports, and a cache"
                + " write that failed is never tried again", "workshop/" + com.example.workshop.tools.check.steps.Curriculum
                .step(STREAM_CACHER_STEP).map(StepLessons::guide).orElseThrow() + ", the edit of serverless.yml");
    }

    /** The local cloud masks the key in a function's log line, and says so on the next: any such line fails. */
    static void theKeyIsNeverLogged(LocalService service) throws ProbeFailure {
        for (String note : service.logLines(KEY_MASKED)) {
            throw new ProbeFailure(tagOf(note).orElse("a function") + " logged the Momento API key (the local cloud masked it"
                    + " in its log): a secret must never be logged, nor put in an exception's message; log the secret's id");
        }
    }

    /**
     * Step 2's lesson, which later steps' edits can undo: one client per execution environment (two
     * when a slow first connection made a second, lazy one). A client built on every use reads the
     * secret and opens a connection each time, and is never closed.
     */
    static void oneMomentoClientPerEnvironment(LocalService service) throws ProbeFailure {
        Map<String, Long> built = service.logLines(CLIENT_CREATED).stream().flatMap(line -> tagOf(line).stream())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        for (Map.Entry<String, Long> environment : built.entrySet()) {
            long invocations = service.logLines(environment.getKey() + " REPORT RequestId").size();
            if (environment.getValue() > 2 && environment.getValue() >= invocations) {
                throw new ProbeFailure(environment.getKey() + " built " + environment.getValue() + " Momento clients in "
                        + invocations + " invocations: build one per execution environment, during Init, and reuse it");
            }
        }
    }

    /** "[getUser#1]" for a function's log line. */
    static Optional<String> tagOf(String line) {
        int end = line.indexOf(']');
        return line.startsWith("[") && end > 0 ? Optional.of(line.substring(0, end + 1)) : Optional.empty();
    }

    /**
     * A function that may no longer read the Momento key answers every request from DynamoDB, as a
     * cache fault must never fail a request: only IAM's answers show it.
     */
    static void theKeyIsStillRead(LocalService service) throws Exception {
        for (JsonNode refused : service.iamRefusals("secretsmanager:GetSecretValue")) {
            String principal = refused.path("principalArn").asText("");
            throw new ProbeFailure(principal.substring(principal.lastIndexOf('/') + 1) + " has no Momento client, and every"
                    + " read goes to DynamoDB, because User: " + principal + " is not authorized to perform:"
                    + " secretsmanager:GetSecretValue on resource: " + refused.path("resource").asText());
        }
    }

    static void answers(LocalService service, boolean memberListRouted) throws Exception {
        String owner = service.createUser("owner");
        String member = service.createUser("member");
        String organization = service.createOrganization(owner);
        Reply added = service.addMember(organization, member, "Member", owner);
        expect(added.status() == 201, added.describe("POST /organizations/" + organization + "/members"));
        String members = "/organizations/" + organization + "/members";
        for (String path : memberListRouted
                ? new String[] {"/users/" + owner, "/organizations/" + organization, members + "/" + member, members}
                : new String[] {"/users/" + owner, "/organizations/" + organization, members + "/" + member}) {
            Reply reply = service.get(path);
            expect(reply.status() == 200, reply.describe("GET " + path));
        }
    }
}
