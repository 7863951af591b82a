package com.example.workshop.tools.check;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.LocalService.Reply;
import com.fasterxml.jackson.databind.JsonNode;

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

    private EveryRoute() {
    }

    /** The probe for this step's regressions line. */
    static Probe of(int step) {
        return service -> {
            answers(service, step >= MEMBER_LIST_FROM_STEP);
            if (step >= SECRET_READ_BEFORE_FROM_STEP) {
                theKeyIsStillRead(service);
            }
        };
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
