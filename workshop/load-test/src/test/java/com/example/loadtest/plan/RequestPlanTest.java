package com.example.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.loadtest.data.SeedData;
import com.example.loadtest.data.SeedDataGenerator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequestPlanTest {

    private final SeedData data = SeedDataGenerator.generate(42, "", 200, 20, 5, 25);

    @Test
    void theSameSeedGivesTheSameRequestsInTheSameOrder() {
        List<PlannedRequest> first = new RequestPlan(data, RequestMix.standard(), 42, 2000, RequestPlan.Purpose.MEASURED).take(2000);
        List<PlannedRequest> second = new RequestPlan(data, RequestMix.standard(), 42, 2000, RequestPlan.Purpose.MEASURED).take(2000);

        assertThat(first).hasSize(2000).isEqualTo(second);
    }

    @Test
    void anotherSeedGivesOtherRequests() {
        List<PlannedRequest> first = new RequestPlan(data, RequestMix.standard(), 42, 200, RequestPlan.Purpose.MEASURED).take(200);
        List<PlannedRequest> other = new RequestPlan(data, RequestMix.standard(), 43, 200, RequestPlan.Purpose.MEASURED).take(200);

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aPlanEndsAtItsLimit() {
        RequestPlan plan = new RequestPlan(data, RequestMix.standard(), 42, 3, RequestPlan.Purpose.MEASURED);

        assertThat(plan.take(10)).hasSize(3);
        assertThat(plan.next()).isEmpty();
    }

    @Test
    void theMixIsReadHeavyAndFollowsItsWeights() {
        Map<Endpoint, Long> counts = new RequestPlan(data, RequestMix.standard(), 42, 10_000, RequestPlan.Purpose.MEASURED).take(10_000).stream()
                .collect(Collectors.groupingBy(PlannedRequest::endpoint, Collectors.counting()));

        assertThat(counts.get(Endpoint.GET_USER)).isBetween(2_800L, 3_300L); // weight 30 (+ adds that ran out)
        assertThat(counts.get(Endpoint.GET_MEMBERSHIP)).isBetween(2_800L, 3_200L); // 25 + 5
        assertThat(counts.get(Endpoint.LIST_MEMBERS)).isBetween(1_800L, 2_200L);
        long writes = counts.getOrDefault(Endpoint.CREATE_USER, 0L) + counts.getOrDefault(Endpoint.ADD_MEMBER, 0L);
        assertThat(writes).isBetween(300L, 700L);
    }

    @Test
    void withoutTheFanOutReadThereIsNone() {
        List<PlannedRequest> requests = new RequestPlan(data, RequestMix.standard().withoutFanOut(), 42, 2000, RequestPlan.Purpose.MEASURED).take(2000);

        assertThat(requests).noneMatch(request -> request.endpoint().isFanOut());
    }

    @Test
    void readsAskOnlyForSeededDataSoTheirAnswersAreKnown() {
        Map<String, Boolean> outsiders = data.outsiders().stream().collect(Collectors.toMap(Function.identity(), u -> true));
        for (PlannedRequest request : new RequestPlan(data, RequestMix.standard(), 42, 5000, RequestPlan.Purpose.MEASURED).take(5000)) {
            if (request.endpoint() != Endpoint.GET_MEMBERSHIP) {
                continue;
            }
            String[] parts = request.path().split("/"); // "", organizations, slug, members, username
            boolean member = data.membersByOrganization().get(parts[2]).contains(parts[4]);
            assertThat(request.expectedStatus()).isEqualTo(member ? 200 : 404);
            assertThat(member || outsiders.containsKey(parts[4])).isTrue();
        }
    }

    @Test
    void writesNeverRepeatAndNeverTouchWhatIsRead() {
        List<PlannedRequest> requests = new RequestPlan(data, RequestMix.standard(), 42, 20_000, RequestPlan.Purpose.MEASURED).take(20_000);

        List<PlannedRequest> adds = requests.stream().filter(r -> r.endpoint() == Endpoint.ADD_MEMBER).toList();
        List<PlannedRequest> creates = requests.stream().filter(r -> r.endpoint() == Endpoint.CREATE_USER).toList();
        assertThat(adds).isNotEmpty().allSatisfy(add -> assertThat(add.expectedStatus()).isEqualTo(201));
        assertThat(adds.stream().map(add -> add.path() + add.body())).doesNotHaveDuplicates();
        assertThat(creates.stream().map(PlannedRequest::body)).doesNotHaveDuplicates();
        for (PlannedRequest add : adds) {
            String organization = add.path().split("/")[2];
            assertThat(data.candidates().get(organization)).anySatisfy(user -> assertThat(add.body()).contains("\"" + user + "\""));
            assertThat(add.actingUser()).isEqualTo(data.membersByOrganization().get(organization).get(0)); // the Owner
        }
    }

    @Test
    void aWarmUpNeverAddsAMemberTheMeasuredRequestsAdd() {
        List<String> measured = adds(new RequestPlan(data, RequestMix.standard(), 42, 20_000, RequestPlan.Purpose.MEASURED));
        List<String> warmUp = adds(new RequestPlan(data, RequestMix.standard(), 43, 20_000, RequestPlan.Purpose.WARM_UP));

        assertThat(measured).isNotEmpty().doesNotContainAnyElementsOf(warmUp);
        assertThat(warmUp).isNotEmpty();
    }

    private static List<String> adds(RequestPlan plan) {
        return plan.take(20_000).stream().filter(r -> r.endpoint() == Endpoint.ADD_MEMBER).map(r -> r.path() + r.body()).toList();
    }

    @Test
    void popularItemsAreAskedForMoreOften() {
        Map<String, Long> perUser = new RequestPlan(data, RequestMix.standard(), 42, 10_000, RequestPlan.Purpose.MEASURED).take(10_000).stream()
                .filter(request -> request.endpoint() == Endpoint.GET_USER)
                .collect(Collectors.groupingBy(PlannedRequest::path, Collectors.counting()));

        long hottest = perUser.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(hottest).isGreaterThan(10 * 3000 / 200); // well above a uniform share
    }

    @Test
    void seedingCreatesUsersThenOrganizationsThenMembers() {
        List<List<PlannedRequest>> waves = Requests.seeding(data);

        assertThat(waves).hasSize(3);
        assertThat(waves.get(0)).hasSize(200).allMatch(request -> request.endpoint() == Endpoint.CREATE_USER);
        assertThat(waves.get(1)).hasSize(20).allMatch(request -> request.endpoint() == Endpoint.CREATE_ORGANIZATION
                && request.actingUser() != null);
        assertThat(waves.get(2)).hasSize(data.memberships().size()).allMatch(request -> request.endpoint() == Endpoint.ADD_MEMBER);
        assertThat(waves.get(0).get(0).body()).startsWith("{\"firstName\":");
    }
}
