package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The check's local cloud on a port another process took meanwhile: tried again, on another. */
class LocalCloudProcessTest {
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aTakenPortIsTriedAgainUntilAStartSucceeds() throws Exception {
        String started = LocalCloudProcess.onAnotherPortIfTaken(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("the local cloud stopped before it was ready:\n  The local cloud cannot start: Cannot"
                        + " start API Gateway on 127.0.0.1:40453: Failed to bind to /127.0.0.1:40453");
            }
            return "up";
        });

        assertThat(started).isEqualTo("up");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aPortTheLocalCloudFoundTakenBeforeItsStartIsTriedAgainToo() throws Exception {
        String started = LocalCloudProcess.onAnotherPortIfTaken(() -> {
            if (attempts.incrementAndGet() < 2) {
                throw new IOException("the local cloud stopped before it was ready:\n  The local cloud cannot start: Port 40453"
                        + " is taken, most often by a local cloud still running in another terminal");
            }
            return "up";
        });

        assertThat(started).isEqualTo("up");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aTakenPortEveryTimeFailsAfterThreeTries() {
        assertThatThrownBy(() -> LocalCloudProcess.onAnotherPortIfTaken(() -> {
            attempts.incrementAndGet();
            throw new IOException("Cannot start API Gateway on 127.0.0.1:1: Failed to bind to /127.0.0.1:1");
        })).hasMessageContaining("Failed to bind");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherReasonIsNotTriedAgain() {
        assertThatThrownBy(() -> LocalCloudProcess.onAnotherPortIfTaken(() -> {
            attempts.incrementAndGet();
            throw new IOException("the local cloud stopped before it was ready:\n  serverless.yml, line 3: bad indentation");
        })).hasMessageContaining("bad indentation");
        assertThat(attempts).hasValue(1);
    }
}
