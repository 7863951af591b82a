package com.example.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The start command's -Ddashboard: off unless asked, a free port or the one given, and a mistake named. */
class DashboardOptionTest {

    @Test
    void offUnlessAsked() {
        assertThat(Main.dashboardPort(null)).isEmpty();
        assertThat(Main.dashboardPort("false")).isEmpty();
    }

    @Test
    void aloneItTakesAFreePortAndWithANumberThatPort() {
        assertThat(Main.dashboardPort("true")).contains(0); // what Maven makes of -Ddashboard
        assertThat(Main.dashboardPort("")).contains(0);
        assertThat(Main.dashboardPort("8090")).contains(8090);
    }

    @Test
    void anythingElseIsRefusedWithTheValue() {
        assertThatThrownBy(() -> Main.dashboardPort("yes")).hasMessageContaining("-Ddashboard takes a port").hasMessageContaining("'yes'");
        assertThatThrownBy(() -> Main.dashboardPort("70000")).hasMessageContaining("'70000'");
    }
}
