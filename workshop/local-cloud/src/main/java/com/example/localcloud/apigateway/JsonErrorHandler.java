package com.example.localcloud.apigateway;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Whatever Jetty refuses before the gateway sees a request (a malformed or ambiguous URI, headers
 * over the limit, a bad request line) is answered as API Gateway answers its own errors: a JSON
 * {@code {"message": "..."}}, never Jetty's HTML error page.
 *
 * <p>The message is the status's reason phrase ({@code Bad Request}, {@code Request Header Fields
 * Too Large}, ...): what AWS says for each of these is not documented (see the README).
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer errorStatus) {
            status = errorStatus;
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put("x-amzn-ErrorType", errorType(status));
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        response.write(true, ByteBuffer.wrap(GatewayResponses.spaced(reason(status))), callback);
        return true;
    }

    /** Used when Jetty cannot even build a request (e.g. an unparsable request line or headers). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("x-amzn-ErrorType", errorType(status));
        fields.put("x-amzn-RequestId", UUID.randomUUID().toString());
        return ByteBuffer.wrap(GatewayResponses.spaced(reason(status)));
    }

    private static String reason(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "Error" : reason;
    }

    private static String errorType(int status) {
        return status >= 500 ? "InternalServerErrorException" : "BadRequestException";
    }
}
