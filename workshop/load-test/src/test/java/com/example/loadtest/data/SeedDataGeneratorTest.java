package com.example.loadtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedDataGeneratorTest {

    /** The service's rules (model/Names.java in every stage). */
    private static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String ORGANIZATION_NAME = "[A-Za-z0-9][A-Za-z0-9 _-]{0,63}";

    private final SeedData data = SeedDataGenerator.generate(42, "", 200, 20, 5, 25);

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(SeedDataGenerator.generate(42, "", 200, 20, 5, 25)).isEqualTo(data);
        assertThat(SeedDataGenerator.generate(43, "", 200, 20, 5, 25)).isNotEqualTo(data);
    }

    @Test
    void theSameSeedGivesTheSameDataInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // lower-cases "Ivan" to "ıvan"
            assertThat(SeedDataGenerator.generate(42, "", 200, 20, 5, 25)).isEqualTo(data);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFewHundredItemsWithinTheAskedSizes() {
        assertThat(data.users()).hasSize(200);
        assertThat(data.organizations()).hasSize(20);
        assertThat(data.memberships()).hasSizeBetween(20 * 5, 20 * 25);
        data.membersByOrganization().values().forEach(members -> assertThat(members).hasSizeBetween(6, 26));
        assertThat(data.itemCount()).isEqualTo(200 + 20 + data.memberships().size() + 20);
    }

    @Test
    void everyNameIsValidForTheServiceAndUnique() {
        assertThat(data.users()).allSatisfy(user -> assertThat(user.username()).matches(USERNAME));
        assertThat(data.organizations()).allSatisfy(org -> assertThat(org.name()).matches(ORGANIZATION_NAME));
        assertThat(data.users().stream().map(User::username)).doesNotHaveDuplicates();
        assertThat(data.organizations().stream().map(Organization::slug)).doesNotHaveDuplicates();
        assertThat(data.memberships().stream().map(m -> m.organization() + "/" + m.username())).doesNotHaveDuplicates();
    }

    @Test
    void foundersAreMembersAndOutsidersBelongNowhere() {
        for (Organization organization : data.organizations()) {
            List<String> members = data.membersByOrganization().get(organization.slug());
            assertThat(members.get(0)).isEqualTo(organization.founder());
            assertThat(members).doesNotContainAnyElementsOf(data.outsiders());
            assertThat(data.candidates().get(organization.slug()))
                    .doesNotContainAnyElementsOf(members)
                    .doesNotContainAnyElementsOf(data.outsiders());
        }
        assertThat(data.outsiders()).hasSize(20);
        assertThat(data.memberships()).allSatisfy(membership -> assertThat(membership.role()).isIn("Admin", "Member"));
    }

    @Test
    void theNamespaceGoesInFrontOfEveryName() {
        SeedData namespaced = SeedDataGenerator.generate(42, "lt7", 10, 2, 1, 3);

        assertThat(namespaced.users()).allSatisfy(user -> assertThat(user.username()).startsWith("lt7-").matches(USERNAME));
        assertThat(namespaced.organizations()).allSatisfy(org -> assertThat(org.slug()).startsWith("lt7-"));
        assertThatThrownBy(() -> SeedDataGenerator.generate(42, "Bad-Name", 10, 2, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slugsFollowTheServicesRule() {
        assertThat(new Organization("Blue Harbor  Labs 3", "ada").slug()).isEqualTo("blue-harbor-labs-3");
        Set<String> slugs = new HashSet<>(data.membersByOrganization().keySet());
        assertThat(slugs).allSatisfy(slug -> assertThat(slug).matches("[a-z0-9_-]+"));
    }
}
