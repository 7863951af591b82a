package com.example.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** -Dport, -DdynamodbPort and -DmaxEnvironments: the default without one, a decimal number in range, a mistake named. */
class NumberOptionTest {
    private static final String NAME = "localCloudTestNumber";

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    @Test
    void withoutTheOptionTheDefaultAndWithItItsDecimalValue() {
        assertThat(Main.number(NAME, 3000, 1, 65535)).isEqualTo(3000);
        System.setProperty(NAME, " 3001 ");
        assertThat(Main.number(NAME, 3000, 1, 65535)).isEqualTo(3001);
        System.setProperty(NAME, "0300");
        assertThat(Main.number(NAME, 3000, 1, 65535)).as("decimal, not octal").isEqualTo(300);
    }

    @Test
    void aTypoOrAValueOutOfRangeIsRefusedWithTheValueNotTakenForTheDefault() {
        for (String wrong : new String[] {"abc", "30 00", "0", "70000"}) {
            System.setProperty(NAME, wrong);
            assertThatThrownBy(() -> Main.number(NAME, 3000, 1, 65535)).as(wrong)
                    .hasMessage("-D" + NAME + " takes a whole number from 1 to 65535, not '" + wrong + "'");
        }
    }

    @Test
    void aCloudWithoutEnvironmentsIsRefusedAsEveryRequestWouldWaitForOneForEver() {
        assertThatThrownBy(() -> com.example.localcloud.LocalCloud.builder(java.nio.file.Path.of(".")).maxEnvironmentsPerFunction(0))
                .hasMessageContaining("at least 1");
    }
}
