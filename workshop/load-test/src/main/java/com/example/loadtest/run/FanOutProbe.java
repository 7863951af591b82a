package com.example.loadtest.run;

import com.example.loadtest.plan.Endpoint;
import com.example.loadtest.plan.PlannedRequest;
import java.io.IOException;
import java.net.URI;

/**
 * Asks a target once whether it serves the fan-out read, {@code GET /organizations/{organization}/members}
 * (a bonus stage adds it). An API Gateway without the route answers 403
 * {@code {"message":"Missing Authentication Token"}} (a REST API; an HTTP API says 404
 * {@code {"message":"Not Found"}}); the service itself always answers with {@code {"error": ...}} or data.
 */
public final class FanOutProbe {

    static final String PROBE_ORGANIZATION = "load-test-probe-no-such-organization";

    private FanOutProbe() {
    }

    public static boolean servesFanOut(HttpDriver driver, URI baseUri) throws InterruptedException {
        try {
            HttpDriver.Answer answer = driver.send(baseUri,
                    new PlannedRequest(Endpoint.LIST_MEMBERS, "/organizations/" + PROBE_ORGANIZATION + "/members", null, null, 404));
            return !isGatewayNoRoute(answer.status(), answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("The target " + baseUri + " does not answer: " + e, e);
        }
    }

    public static boolean isGatewayNoRoute(int status, String body) {
        String text = body == null ? "" : body;
        return (status == 403 || status == 404 || status == 405)
                && text.contains("\"message\"") && !text.contains("\"error\"");
    }
}
