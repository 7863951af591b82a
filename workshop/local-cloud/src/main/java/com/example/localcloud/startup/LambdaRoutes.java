package com.example.localcloud.startup;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.lambda.LambdaService;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.LocalService;
import java.util.Map;
import java.util.Optional;

/**
 * The local Lambda as a service of the local cloud, with its one route:
 *
 * <pre>
 *   POST /_local/lambda/retire[?function=getUser]   the next events (of that function) start new execution environments
 * </pre>
 *
 * <p>Lambda replaces environments whenever it likes (and after every deployment), so a cold start
 * can come at any time: a demo or a check that needs one asks for it here instead of restarting.
 */
final class LambdaRoutes implements LocalService {
    private final LambdaService lambda;

    LambdaRoutes(LambdaService lambda) {
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        if (!request.route().equals("POST /retire")) {
            return Optional.empty();
        }
        String function = request.parameter("function", null);
        if (function == null) {
            lambda.retireEnvironments();
            return ControlResponses.ok(Map.of("retired", "every function's environments: each one's next event is a cold start"));
        }
        if (!lambda.retireEnvironments(function)) {
            return Optional.of(ControlResponses.badRequest("function must name one of serverless.yml's functions, not '" + function + "'"));
        }
        return ControlResponses.ok(Map.of("retired", function + "'s environments: its next event is a cold start"));
    }

    @Override
    public void close() {
        lambda.close();
    }
}
