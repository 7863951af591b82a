package com.example.localcloud.dashboard;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one stage's requests did, as the dashboard charts it: their latencies since the last
 * look, and how many there were and failed so far. The load test's load measures them as its
 * client sees them; without a load generator, the local API Gateway measures every request it
 * serves ({@link GatewayRequests}).
 */
public interface RequestFigures {

    /** The highest latency a chart's histogram holds, in microseconds (an hour; longer ones count as an hour). */
    long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    /** HdrHistogram's precision for every latency the dashboard charts. */
    int SIGNIFICANT_DIGITS = 3;

    /** The latencies, in microseconds, recorded since the previous call (a new histogram each time). */
    Histogram takeInterval();

    /** Requests answered so far. */
    long requests();

    /** Of those, the ones that failed. */
    long errors();
}
