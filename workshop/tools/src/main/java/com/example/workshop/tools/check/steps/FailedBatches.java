package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ProbeFailure.expect;

import com.example.workshop.tools.check.LocalService;
import java.util.List;

/**
 * What the local cloud's stream poller logs about one function's failed batches: "Stream
 * streamCacher <- arn...: the function reported failed records, retrying ...", or, when the event
 * in serverless.yml lacks {@code functionResponseType: ReportBatchItemFailures}, that it ignored
 * the report. A probe starts watching before it makes a record fail.
 */
final class FailedBatches {
    private static final int SECONDS = 20;

    private final LocalService service;
    private final String function;
    private final int seen;

    private FailedBatches(LocalService service, String function) {
        this.service = service;
        this.function = function;
        this.seen = service.logLines(prefix(function)).size();
    }

    static FailedBatches watch(LocalService service, String function) {
        return new FailedBatches(service, function);
    }

    /** Waits for the function's report of a failed record and expects Lambda to deliver it again. */
    void expectARetry(String fault) throws Exception {
        expectARetry(fault, "");
    }

    /** @param ifNotReported what to add when no failure was reported, e.g. ": the handler must ..." */
    void expectARetry(String fault, String ifNotReported) throws Exception {
        List<String> lines = service.awaitMoreLogLines(prefix(function), seen, SECONDS);
        List<String> since = lines.subList(seen, lines.size()).stream()
                .filter(line -> line.contains("reported failed records") || line.contains("the invocation failed")).toList();
        expect(!since.isEmpty(), neverReported(fault) + ifNotReported);
        expect(since.stream().noneMatch(line -> line.contains("no functionResponseType")), function
                + " reported its failed record, but Lambda ignored the report and never delivered the record again: the"
                + " event of " + function + " in serverless.yml needs functionResponseType: ReportBatchItemFailures");
    }

    /** "with Momento down, streamCacher never reported a failed record (20 s)": the start of a line a probe completes. */
    String neverReported(String fault) {
        return "with " + fault + ", " + function + " never reported a failed record (" + SECONDS + " s)";
    }

    private static String prefix(String function) {
        return "Stream " + function + " <- ";
    }
}
