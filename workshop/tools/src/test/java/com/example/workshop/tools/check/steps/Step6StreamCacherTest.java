package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 6's lessons need a function on the table's stream: without one, serverless.yml is named, not the Java. */
class Step6StreamCacherTest {
    private HttpServer localCloud;
    private volatile String subscriptions = "[]";

    @BeforeEach
    void start() throws Exception {
        localCloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        localCloud.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String json = path.equals("/_local/endpoints") ? "{\"tables\":[\"accounts-dev-AccountsTable\"]}"
                    : path.equals("/_local/streams") ? subscriptions : "{}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        localCloud.start();
    }

    @AfterEach
    void stop() {
        localCloud.stop(0);
    }

    private LocalService service() {
        return new LocalService(URI.create("http://127.0.0.1:" + localCloud.getAddress().getPort() + "/"), List::of);
    }

    @Test
    void withoutAFunctionOnTheTablesStreamServerlessYmlIsNamed() {
        subscriptions = "[\"activityConsumer <- kinesis stream accounts-dev-activity (batch 100, TRIM_HORIZON)\"]";

        ProbeFailure failure = catchThrowableOfType(() -> Step6StreamCacher.aFunctionReadsTheTablesStream(service()),
                ProbeFailure.class);

        assertThat(failure).hasMessageContaining("no function reads the table's stream");
        assertThat(failure.file()).contains("serverless.yml");
    }

    @Test
    void aFunctionOnTheTablesStreamPasses() {
        subscriptions = "[\"streamCacher <- dynamodb stream of accounts-dev-AccountsTable (batch 100, LATEST, ReportBatchItemFailures)\"]";

        assertThatCode(() -> Step6StreamCacher.aFunctionReadsTheTablesStream(service())).doesNotThrowAnyException();
    }
}
