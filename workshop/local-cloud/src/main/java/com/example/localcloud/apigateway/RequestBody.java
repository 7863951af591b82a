package com.example.localcloud.apigateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's body up to API Gateway's payload limit, and no further: a body that is
 * declared or turns out to be larger is refused without being held in memory.
 */
final class RequestBody {

    private RequestBody() {
    }

    /** @return the body, or empty if it is over {@link PayloadLimits#MAX_REQUEST_BODY_BYTES} */
    static Optional<byte[]> read(Request request) throws IOException {
        if (request.getLength() > PayloadLimits.MAX_REQUEST_BODY_BYTES) {
            return Optional.empty(); // Content-Length says so: answer before reading anything
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(PayloadLimits.MAX_REQUEST_BODY_BYTES + 1); // chunked bodies have no length
            return body.length > PayloadLimits.MAX_REQUEST_BODY_BYTES ? Optional.empty() : Optional.of(body);
        }
    }
}
