package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.StubGateway;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Step4WriteAsideTest {
    private final AtomicInteger databaseReads = new AtomicInteger();
    private volatile int deletes;
    /** Whether a create deletes the item's cache entry (an invalidation instead of a write-aside). */
    private volatile boolean writeDeletes;

    /** A service whose every read goes to DynamoDB (no write-aside); its cache counts {@link #deletes}. */
    private StubGateway serviceWithoutWriteAside() throws Exception {
        return new StubGateway((method, path) -> {
            if (path.equals("/_local/dynamodb/stats")) {
                return new StubGateway.Answer(200, "{\"GetItem\":" + databaseReads.get() + "}");
            }
            if (path.equals("/_local/momento/stats")) {
                return new StubGateway.Answer(200, "{\"caches\":{\"accounts\":{\"hits\":0,\"misses\":1,\"sets\":0}},"
                        + "\"rpcs\":{\"Delete\":{\"calls\":" + deletes + "}}}");
            }
            if (method.equals("GET") && path.startsWith("/users/")) {
                databaseReads.incrementAndGet();
                return new StubGateway.Answer(200, "{\"user\":{\"firstName\":\"First\"}}");
            }
            if (method.equals("POST") && writeDeletes) {
                deletes++;
            }
            return new StubGateway.Answer(201, "{}");
        });
    }

    @Test
    void aWriteThatDeletesTheEntryInsteadOfSettingItIsSaidSoAtAccountCache() throws Exception {
        writeDeletes = true;
        try (StubGateway gateway = serviceWithoutWriteAside()) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAUserCachesIt(gateway.service(List::of)));

            assertThat(failure.getMessage()).startsWith("reading a user right after creating her read DynamoDB")
                    .contains("the write deleted the cache entry instead of setting it");
            assertThat(failure.file()).contains("AccountCache.java");
        }
    }

    @Test
    void noWriteAtAllIsSaidAtTheServicesWritePath() throws Exception {
        deletes = 3; // an earlier probe's, or another function's: not this write's
        try (StubGateway gateway = serviceWithoutWriteAside()) {
            ProbeFailure failure = catchThrowableOfType(ProbeFailure.class,
                    () -> Step4WriteAside.creatingAUserCachesIt(gateway.service(List::of)));

            assertThat(failure.getMessage()).isEqualTo("reading a user right after creating her read DynamoDB: createUser must"
                    + " put the user in the cache");
            assertThat(failure.file()).isEmpty();
        }
    }
}
