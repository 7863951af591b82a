package com.example.localcloud.dashboard;

import com.example.localcloud.apigateway.GatewayTiming;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Every request the local API Gateway sent to a function, as it measured it (from reading the
 * request to handing back the answer): whoever sent it, curl, a browser or the attendee's code.
 * A 5xx counts as an error; a 4xx is an answer (a 404 for a user who does not exist is correct).
 */
public final class GatewayRequests implements RequestFigures, Consumer<GatewayTiming> {
    // HdrHistogram's interval recorder: many API Gateway threads record, the dashboard's tick takes each second's.
    private final Recorder latencies = new Recorder(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();

    @Override
    public void accept(GatewayTiming timing) {
        latencies.recordValue(Math.min(Math.max(1, Math.round(timing.gatewayMs() * 1000)), HIGHEST_MICROS));
        requests.increment();
        if (timing.status() >= 500) {
            errors.increment();
        }
    }

    @Override
    public Histogram takeInterval() {
        return latencies.getIntervalHistogram();
    }

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public long errors() {
        return errors.sum();
    }
}
