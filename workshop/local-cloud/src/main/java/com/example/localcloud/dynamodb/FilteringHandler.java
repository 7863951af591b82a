package com.example.localcloud.dynamodb;

import com.example.localcloud.service.CallTimer;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty handler in front of DynamoDB Local: reads the request body, asks the
 * {@link DynamoDbRequestFilter}, then either answers with the filter's error or hands the request
 * (with the body it already read) to DynamoDB Local.
 */
final class FilteringHandler extends Handler.Wrapper {

    private final DynamoDbRequestFilter filter;
    private final DynamoDbCounters counters;
    private final CallTimer timer;

    FilteringHandler(Handler dynamoDbLocal, DynamoDbRequestFilter filter, DynamoDbCounters counters, CallTimer timer) {
        super(dynamoDbLocal);
        this.filter = filter;
        this.counters = counters;
        this.timer = timer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback done) throws Exception {
        long started = System.nanoTime();
        // Runs when the answer has been written, however the call ends: the service's time for it.
        Callback callback = Callback.from(() -> timer.record(System.nanoTime() - started), done);
        ByteBuffer body = Content.Source.asByteBuffer(request);
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        DynamoDbCall call = DynamoDbCall.of(request.getHeaders().get("X-Amz-Target"),
                request.getHeaders().get(HttpHeader.AUTHORIZATION), bytes);
        Optional<DynamoDbError> refusal = filter.check(call);
        if (refusal.isPresent()) {
            response.setStatus(refusal.get().httpStatus());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
            response.write(true, ByteBuffer.wrap(refusal.get().jsonBody()), callback);
            return true;
        }
        counters.count(call.operation()); // only calls that reach the database
        // DynamoDB Local answers within handle(), so the lock covers its use of the operation tables.
        LocalDynamoDb.OPERATION_TABLES.readLock().lock();
        try {
            return super.handle(new ReadBodyRequest(request, body), response, callback);
        } finally {
            LocalDynamoDb.OPERATION_TABLES.readLock().unlock();
        }
    }

    /** The original request, whose body (already read above) is served again from memory. */
    private static final class ReadBodyRequest extends Request.Wrapper {
        private ByteBuffer unread;

        ReadBodyRequest(Request request, ByteBuffer body) {
            super(request);
            this.unread = body;
        }

        @Override
        public Content.Chunk read() {
            if (unread == null) {
                return Content.Chunk.EOF;
            }
            Content.Chunk chunk = Content.Chunk.from(unread, true);
            unread = null;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // the content is always there
        }
    }
}
