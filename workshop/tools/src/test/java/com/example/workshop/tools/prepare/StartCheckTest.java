package com.example.workshop.tools.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartCheckTest {
    @Test
    void aRequestThatRanOutOfTimeIsSaidToBeTheBusyMachines() {
        assertThat(StartCheck.busy(List.of("[createUser#1] INFO AccountService - creating ready-x",
                "[createUser#1] Task timed out after 10.00 seconds")))
                .isEqualTo("; the local cloud said [createUser#1] Task timed out after 10.00 seconds: a machine this busy needs"
                        + " more time, run prepare --check again when it is quieter");
        assertThat(StartCheck.busy(List.of("[getUser#1] INIT failed: init took longer than 20 s, with 2 environments starting"
                + " at once on 2 processors"))).startsWith("; the local cloud said [getUser#1] INIT failed: init took longer");
    }

    @Test
    void anyOtherFailureIsLeftToItsOwnWords() {
        assertThat(StartCheck.busy(List.of("[getUser#1] INIT failed: the handler could not be created: ClassNotFoundException")))
                .isEmpty();
    }
}
