package com.example.localcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.localcloud.apigateway.ApiGateway;
import com.example.localcloud.service.RunningServices;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A port another process holds: the start command says so, and how to go on, beside Jetty's "Failed to bind". */
class PortTakenTest {

    @Test
    void aGatewayThatCannotBindIsToldAsATakenPortWithTheOptionForAnother() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             RunningServices services = new RunningServices()) {
            int taken = holder.getLocalPort();

            Throwable failure = catchThrowable(() -> services.startPart("api-gateway", "API Gateway on 127.0.0.1:" + taken,
                    () -> ApiGateway.start(taken, null, null, null, message -> { })));

            assertThat(failure).hasMessageContaining("Cannot start API Gateway");
            assertThat(Main.portTaken(failure)).isTrue();
            String told = Main.whenThePortIsTaken(taken);
            assertThat(told).contains("Port " + taken + " is taken").contains("Ctrl-Z in this terminal (fg brings it back");
            // Another port, the next free one: taken + 1 most often, but another program may hold that one meanwhile.
            java.util.regex.Matcher another = java.util.regex.Pattern.compile("-Dport=(\\d+) ").matcher(told);
            assertThat(another.find()).as(told).isTrue();
            assertThat(Integer.parseInt(another.group(1))).isGreaterThan(taken);
        }
    }

    @Test
    void theSuggestedPortIsOneThatIsFreeNotJustTheNextOne() throws Exception {
        ServerSocket[] twoInARow = twoConsecutivePorts();
        try (ServerSocket first = twoInARow[0]; ServerSocket second = twoInARow[1]) {
            int taken = first.getLocalPort();
            int suggested = Main.nextFreePort(taken);

            assertThat(suggested).isGreaterThan(taken + 1);
            assertThat(Main.isFree(suggested)).isTrue();
            assertThat(Main.whenThePortIsTaken(taken)).contains("-Dport=" + suggested + " ");
        }
    }

    /** Two listening sockets on ports n and n + 1 of 127.0.0.1 (another process may take n + 1 first: try again). */
    private static ServerSocket[] twoConsecutivePorts() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
            try {
                return new ServerSocket[] {first, new ServerSocket(first.getLocalPort() + 1, 1, InetAddress.getByName("127.0.0.1"))};
            } catch (java.io.IOException taken) {
                first.close();
            }
        }
        throw new IllegalStateException("no two free ports in a row on 127.0.0.1");
    }

    @Test
    void aTakenPortIsSeenBeforeTheStagesBuild() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(Main.isFree(holder.getLocalPort())).isFalse();
        }
        int released;
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            released = holder.getLocalPort();
        }
        assertThat(Main.isFree(released)).isTrue();
        assertThat(Main.isFree(0)).isTrue();
    }

    @Test
    void anotherFailureIsNoTakenPort() {
        assertThat(Main.portTaken(new IllegalStateException("serverless.yml, line 3: bad indentation"))).isFalse();
    }
}
