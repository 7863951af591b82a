package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 5's cache lines against a service whose member list is empty: the list's slip, not the cache's. */
class Step5FanOutTest {
    private HttpServer gateway;
    private final List<String> controlCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAServiceThatListsNoMembers() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_local/")) {
                controlCalls.add(path);
            }
            boolean post = exchange.getRequestMethod().equals("POST");
            byte[] body = (post ? "{}" : "{\"organization\":\"acme\",\"members\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(post ? 201 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void anEmptyListIsTheFirstLinesSlipAndMomentoIsNotTakenDownForIt() {
        LocalService service = new LocalService(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/"), List::of);

        ProbeFailure failure = catchThrowableOfType(() -> Step5FanOut.theListWorksWhileMomentoIsDown(service), ProbeFailure.class);

        assertThat(failure).hasMessageStartingWith("the list has 0 members, not 4, as in the first line");
        assertThat(failure.file()).hasValueSatisfying(pointer -> assertThat(pointer).startsWith("workshop/05-fan-out.md: the first line's slip"));
        assertThat(controlCalls).as("the cache's part is not tried on a wrong list").isEmpty();
    }
}
