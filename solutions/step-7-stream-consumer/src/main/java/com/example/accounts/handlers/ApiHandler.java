package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every handler shares: turn the API Gateway event into an {@link ApiRequest}, and turn
 * errors into JSON responses. An {@link ApiException} becomes its own status and message;
 * anything else is logged with its cause and answered with a 500 that reveals nothing.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            return handle(new ApiRequest(event));
        } catch (ApiException expected) {
            return ApiResponses.error(expected.statusCode(), expected.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.error("{} {} failed", event.getHttpMethod(), event.getPath(), unexpected);
            return ApiResponses.error(500, "Internal error.");
        }
    }

    protected abstract APIGatewayProxyResponseEvent handle(ApiRequest request);
}
