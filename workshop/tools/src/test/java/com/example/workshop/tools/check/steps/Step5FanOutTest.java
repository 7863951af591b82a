package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 5's cache lines against a service whose member list is empty: the list's slip, not the cache's. */
class Step5FanOutTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path workingCopy;
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

    /**
     * {@code role} unescaped in the Query's projection: DynamoDB refuses the expression, the listing answers 500,
     * and the line names AccountRepository.java (it named ListMembersHandler.java); the cache's line says "as in
     * the first line" (it named AccountCache.java for the same 500).
     */
    @Test
    void aListingWhoseQueryDynamoDbRefusedIsTracedToTheRepository() throws Exception {
        List<String> log = List.of("[listMembers#1] software.amazon.awssdk.services.dynamodb.model.DynamoDbException: Invalid"
                + " ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: role (Service: DynamoDb,"
                + " Status Code: 400)");
        try (StubGateway refusing = new StubGateway((method, path) -> method.equals("POST") ? new StubGateway.Answer(201, "{}")
                : path.startsWith("/_local/") ? new StubGateway.Answer(200, "{}")
                : new StubGateway.Answer(500, "{\"error\":\"Internal error.\"}"))) {
            ProbeFailure listing = catchThrowableOfType(() -> Step5FanOut.listsEveryMemberWithNames(refusing.service(() -> log)),
                    ProbeFailure.class);
            assertThat(listing).hasMessageContaining("answered 500").hasMessageContaining("DynamoDB refused the member list's Query");
            assertThat(listing.file()).hasValue("AccountRepository.java");

            ProbeFailure warm = catchThrowableOfType(() -> Step5FanOut.aWarmListingReadsOnlyTheMemberList(
                    refusing.service(() -> log)), ProbeFailure.class);
            assertThat(warm).hasMessageContaining("answered 500").hasMessageContaining("as in the first line");

            ProbeFailure otherwise = catchThrowableOfType(() -> Step5FanOut.listsEveryMemberWithNames(refusing.service(List::of)),
                    ProbeFailure.class);
            assertThat(otherwise).as("no such log line: the lesson's own pointer").hasMessageNotContaining("refused");
            assertThat(otherwise.file()).isEmpty();
        }
    }

    /** A service listing four members, each as {@code member} (username, firstName, lastName). */
    private static StubGateway listingFourMembersAs(String member) throws Exception {
        return new StubGateway((method, path) -> method.equals("POST") ? new StubGateway.Answer(201, "{}")
                : path.startsWith("/_local/") ? new StubGateway.Answer(200, "{}")
                : path.contains("/organizations/nope-") ? new StubGateway.Answer(404, "{\"error\":\"no such organization\"}")
                : new StubGateway.Answer(200, "{\"members\":[" + String.join(",", java.util.Collections.nCopies(4, member)) + "]}"));
    }

    /**
     * Member's components typed lastName before firstName: it compiles (both Strings), the JSON says firstName
     * "Last"; the tests' lines pointed at three other files. Member.java when it is not in the guide's order, else
     * the service that builds it.
     */
    @Test
    void firstAndLastNamesSwappedAreTracedToMemberWhenItsComponentsAreOutOfOrder() throws Exception {
        try (StubGateway swapped = listingFourMembersAs("{\"username\":\"a\",\"firstName\":\"Last\",\"lastName\":\"First\"}")) {
            ProbeFailure outOfOrder = catchThrowableOfType(() -> Step5FanOut.listsEveryMemberWithNames(
                    swapped.service(List::of, workingCopy)), ProbeFailure.class);
            assertThat(outOfOrder).hasMessageContaining("firstName and lastName are swapped");
            assertThat(outOfOrder.file()).hasValue("Member.java");

            java.nio.file.Path member = java.nio.file.Files.createDirectories(workingCopy.resolve(
                    "src/main/java/com/example/accounts/model")).resolve("Member.java");
            java.nio.file.Files.writeString(member, "public record Member(String username, String firstName, String lastName,"
                    + " Role role) {}\n");
            ProbeFailure inOrder = catchThrowableOfType(() -> Step5FanOut.listsEveryMemberWithNames(
                    swapped.service(List::of, workingCopy)), ProbeFailure.class);
            assertThat(inOrder.file()).as("Member as the guide has it: the service passes them swapped")
                    .hasValue("AccountService.java");
        }
    }

    /** AccountService.member's condition turned round (user.isPresent()): every listed member is said not to exist. */
    @Test
    void aWarningThatAnExistingMemberDoesNotExistIsTracedToTheService() throws Exception {
        java.util.function.Supplier<List<String>> log = () -> LocalService.namesMadeUp().stream()
                .map(name -> "[listMembers#1] WARN AccountService - User " + name + " is a member of org-1 but does not exist:"
                        + " listed without names").toList();
        try (StubGateway listing = listingFourMembersAs("{\"username\":\"a\",\"firstName\":\"First\",\"lastName\":\"Last\"}")) {
            ProbeFailure failure = catchThrowableOfType(() -> Step5FanOut.listsEveryMemberWithNames(listing.service(log)),
                    ProbeFailure.class);

            assertThat(failure).hasMessageStartingWith("the listing logged that a member who exists does not");
            assertThat(failure.file()).hasValue("AccountService.java");
        }
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
