package com.example.localcloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.apigateway.IncomingRequest;
import com.example.localcloud.apigateway.OutgoingResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The changes made through /_local that the live dashboard marks: what counts as one, and how a reader follows them. */
class ControlLogTest {

    private final ControlLog log = new ControlLog();
    private final RunningServices services = new RunningServices();
    private final LocalControlRouter router = new LocalControlRouter(services, Map.of(), log);

    ControlLogTest() {
        services.add(new AnsweringService());
    }

    @Test
    void aChangeThatWasAnsweredIsWrittenDownWithItsServiceAndRequest() {
        long before = System.nanoTime();
        router.answer(request("POST", "/_local/momento/faults", "rpc=data&status=UNAVAILABLE"));

        assertThat(log.after(0)).singleElement().satisfies(change -> {
            assertThat(change.number()).isEqualTo(1);
            assertThat(change.service()).isEqualTo("momento");
            assertThat(change.request()).isEqualTo("POST momento/faults?rpc=data&status=UNAVAILABLE");
            assertThat(change.atNanos()).isBetween(before, System.nanoTime());
        });
    }

    @Test
    void readsRefusalsAndUnknownRoutesAreNoChange() {
        router.answer(request("GET", "/_local/momento/stats", null));
        router.answer(request("POST", "/_local/momento/refused", null)); // answered 400
        router.answer(request("POST", "/_local/momento/nothing-here", null)); // no such route
        router.answer(request("GET", "/_local/endpoints", null));

        assertThat(log.after(0)).isEmpty();
        assertThat(log.last()).isZero();
    }

    @Test
    void aPostThatTheServiceCallsAReadIsNoChange() {
        router.answer(request("POST", "/_local/momento/lookup", null)); // answered 200, but only read

        assertThat(log.after(0)).isEmpty();
    }

    @Test
    void aReaderGetsOnlyTheChangesAfterTheLastItSaw() {
        router.answer(request("POST", "/_local/momento/flush", null));
        long seen = log.last();
        router.answer(request("DELETE", "/_local/momento/faults", null));

        assertThat(log.after(seen)).extracting(ControlLog.Change::request).containsExactly("DELETE momento/faults");
    }

    @Test
    void onlyTheNewestChangesAreKept() {
        for (int i = 0; i < ControlLog.KEPT + 10; i++) {
            log.record("POST", "momento", "/flush", null);
        }

        List<ControlLog.Change> kept = log.after(0);
        assertThat(kept).hasSize(ControlLog.KEPT);
        assertThat(kept.get(0).number()).isEqualTo(11);
        assertThat(log.last()).isEqualTo(ControlLog.KEPT + 10);
    }

    private static IncomingRequest request(String method, String path, String query) {
        return new IncomingRequest(method, path, query, List.of(), new byte[0], "127.0.0.1", "localhost");
    }

    /** Answers 400 on /refused, nothing on /nothing-here, 200 otherwise; POST /lookup is a read. */
    private static final class AnsweringService implements LocalService {
        @Override
        public String name() {
            return "momento";
        }

        @Override
        public Optional<OutgoingResponse> control(ControlRequest request) {
            return switch (request.path()) {
                case "/refused" -> Optional.of(ControlResponses.badRequest("no"));
                case "/nothing-here" -> Optional.empty();
                default -> ControlResponses.ok(Map.of("ok", true));
            };
        }

        /** {@code POST /lookup} only reads. */
        @Override
        public boolean changes(ControlRequest request) {
            return !request.path().equals("/lookup") && LocalService.super.changes(request);
        }

        @Override
        public void close() {
        }
    }
}
