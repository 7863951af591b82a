package com.example.workshop.tools.check;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.LocalService.Reply;
import java.util.List;

/**
 * The regressions line's look at the running service: every route of the API still answers
 * without a server error. An edit of serverless.yml for a later step can drop what an earlier
 * one needed (an IAM statement, an environment variable), and no test of the step sees that.
 */
final class EveryRoute {
    private EveryRoute() {
    }

    static void answers(LocalService service) throws Exception {
        String owner = service.createUser("owner");
        String member = service.createUser("member");
        String organization = service.createOrganization(owner);
        Reply added = service.addMember(organization, member, "Member", owner);
        expect(added.status() == 201, added.describe("POST /organizations/" + organization + "/members"));
        // The member list is step 5's route: before it, API Gateway answers 403 for it, which is fine here.
        for (String path : List.of("/users/" + owner, "/organizations/" + organization,
                "/organizations/" + organization + "/members/" + member, "/organizations/" + organization + "/members")) {
            Reply reply = service.get(path);
            expect(reply.status() < 500, reply.describe("GET " + path));
        }
    }
}
