package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 5's cache lines against a service whose member list is empty: the list's slip, not the cache's. */
class Step5FanOutTest {
    private StubGateway gateway;
    private final List<String> controlCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAServiceThatListsNoMembers() throws Exception {
        gateway = new StubGateway((method, path) -> {
            if (path.startsWith("/_local/")) {
                controlCalls.add(path);
            }
            return method.equals("POST") ? new StubGateway.Answer(201, "{}")
                    : new StubGateway.Answer(200, "{\"organization\":\"acme\",\"members\":[]}");
        });
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anEmptyListIsTheFirstLinesSlipAndMomentoIsNotTakenDownForIt() {
        ProbeFailure failure = catchThrowableOfType(() -> Step5FanOut.theListWorksWhileMomentoIsDown(gateway.service(List::of)),
                ProbeFailure.class);

        assertThat(failure).hasMessageStartingWith("the list has 0 members, not 4, as in the first line");
        assertThat(failure.file()).hasValueSatisfying(pointer -> assertThat(pointer).startsWith("workshop/05-fan-out.md: the first line's slip"));
        assertThat(controlCalls).as("the cache's part is not tried on a wrong list").isEmpty();
    }

    @Test
    void queryAllowedInTheProvidersStatementsIsGivenToEveryFunction() {
        List<String> perFunction = List.of("provider:", "  iam:", "    role:", "      statements:", "        - Effect: Allow",
                "          Action:", "            - dynamodb:GetItem", "          # not dynamodb:Query: listMembers' own",
                "functions:", "  listMembers:", "    iamRoleStatements:", "      - Effect: Allow",
                "        Action: [dynamodb:Query, dynamodb:GetItem]");
        List<String> forAll = new java.util.ArrayList<>(perFunction);
        forAll.add(7, "            - dynamodb:Query");

        assertThat(Step5FanOut.theProviderAllowsQuery(perFunction)).isFalse();
        assertThat(Step5FanOut.theProviderAllowsQuery(forAll)).isTrue();
    }
}
