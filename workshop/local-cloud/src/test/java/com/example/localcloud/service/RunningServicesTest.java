package com.example.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningServicesTest {

    private final List<String> events = new ArrayList<>();
    private final RunningServices services = new RunningServices();
    private final ServiceContext context = new ServiceContext(null, null, null, line -> { }, services);

    @Test
    void servicesStopInTheReverseOrderOfTheirStart() {
        services.start("a", started("a"), context);
        services.start("b", started("b"), context);
        services.startPart("c", "part c", () -> () -> events.add("close c"));

        services.close();

        assertThat(events).containsExactly("start a", "start b", "close c", "close b", "close a");
        assertThat(services.all()).isEmpty();
    }

    @Test
    void aFailedStartStopsWhatRunsAndSaysWhatCouldNotStartAndWhy() {
        services.start("a", started("a"), context);
        services.start("b", started("b"), context);

        assertThatThrownBy(() -> services.start("the local Kinesis", ignored -> {
            throw new IOException("Address already in use");
        }, context)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot start the local Kinesis: Address already in use");

        assertThat(events).containsExactly("start a", "start b", "close b", "close a");
    }

    @Test
    void aServiceThatFailsToCloseDoesNotKeepTheOthersRunning() {
        services.start("a", started("a"), context);
        services.start("broken", ignored -> new NamedService("broken") {
            @Override
            public void close() {
                throw new IllegalStateException("cannot stop");
            }
        }, context);

        services.close();

        assertThat(events).containsExactly("start a", "close a");
    }

    @Test
    void aStageWithoutTheServiceStartsNothingAndFindsNothing() {
        services.start("the local Kinesis", ignored -> null, context);

        assertThat(services.all()).isEmpty();
        assertThat(services.find(NamedService.class)).isEmpty();
        assertThatThrownBy(() -> services.get(NamedService.class)).hasMessageContaining("No NamedService is running");
    }

    @Test
    void aServiceFindsTheOnesStartedBeforeIt() {
        services.start("a", started("a"), context);
        services.start("b", running -> {
            events.add("b sees " + running.running().named("a").map(LocalService::name).orElse("nothing"));
            return new NamedService("b");
        }, context);

        assertThat(events).containsExactly("start a", "b sees a");
        assertThat(services.named("b")).isPresent();
    }

    private LocalService.Starter started(String name) {
        return ignored -> {
            events.add("start " + name);
            return new NamedService(name);
        };
    }

    private class NamedService implements LocalService {
        private final String name;

        NamedService(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            events.add("close " + name);
        }
    }
}
