package com.example.loadtest.run;

import com.example.loadtest.plan.PlannedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends planned requests with the JDK's HTTP client and times them: from just before the request
 * is handed to the client to the last byte of the answer, as a caller would experience it.
 */
public final class HttpDriver {

    /** The answer to one request. {@code body} is kept for error messages. */
    public record Answer(int status, String body, long nanos) {
    }

    private final HttpClient client;
    private final Duration timeout;

    public HttpDriver(Duration timeout) {
        this.timeout = timeout;
        this.client = newClient();
    }

    /**
     * HTTP/1.1 with keep-alive, one connection per worker: as a load tool or a browser would use API
     * Gateway. The answers are read on the client's own selector thread instead of being handed to
     * a pool thread first (the default): a third less processor time and latency per request,
     * measured on the workshop machine (workshop/DESIGN-NOTES.md, "The warm path"). Nothing the
     * client runs for us blocks: the bodies are small strings.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Runnable::run)
                .build();
    }

    public Answer send(URI baseUri, PlannedRequest planned) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + planned.path()))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (planned.actingUser() != null) {
            request.header("Authorization", planned.actingUser());
        }
        if (planned.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(planned.endpoint().method(), HttpRequest.BodyPublishers.ofString(planned.body(), StandardCharsets.UTF_8));
        } else {
            request.method(planned.endpoint().method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - start;
        return new Answer(response.statusCode(), response.body(), nanos);
    }
}
